#include "store/shared_counters.h"

#include <sodium.h>

#include <atomic>

namespace tandem::server {

namespace {
constexpr int64_t kSweepEvery = 1000;
constexpr int64_t kKeepMillis = 2 * 60 * 60 * 1000;  // longer than any window, wait or quiet hour

// Keys may be raw bytes (a token's digest) and may name a person (an address): the table keeps a digest.
std::string stored_key(const std::string& key) {
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                       nullptr, 0);
    char hex[2 * sizeof digest + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}
}  // namespace

SharedCounters::Window SharedCounters::hit(const std::string& key, int64_t now, int64_t window_millis) {
    sweep(now);
    return databases_.unlogged_write([&](Store& store) {
        Statement upsert(store.database(),
                         "INSERT INTO rate_window(counter_key, window_start, hits) VALUES (?1, ?2, 1) "
                         "ON CONFLICT(counter_key) DO UPDATE SET "
                         "hits = CASE WHEN rate_window.window_start <= ?2 - ?3 THEN 1 ELSE rate_window.hits + 1 END, "
                         "window_start = CASE WHEN rate_window.window_start <= ?2 - ?3 THEN ?2 "
                         "ELSE rate_window.window_start END "
                         "RETURNING window_start, hits");
        upsert.bind(1, stored_key(key)).bind(2, now).bind(3, window_millis).step();
        return Window{upsert.integer(0), upsert.integer(1)};
    });
}

std::optional<SharedCounters::Failures> SharedCounters::failures(const std::string& key, int64_t now,
                                                                 int64_t forget_after) {
    return databases_.unlogged_write([&](Store& store) -> std::optional<Failures> {
        Statement query(store.database(),
                        "SELECT failures, last_failure, blocked_until FROM sign_in_counter WHERE counter_key = ?");
        query.bind(1, stored_key(key));
        if (!query.step()) return std::nullopt;
        Failures found{query.integer(0), query.integer(1), query.integer(2)};
        if (now - found.last_failure > forget_after && now >= found.blocked_until) return std::nullopt;
        return found;
    });
}

int64_t SharedCounters::add_failure(const std::string& key, int64_t now, int64_t forget_after) {
    sweep(now);
    return databases_.unlogged_write([&](Store& store) {
        Statement upsert(store.database(),
                         "INSERT INTO sign_in_counter(counter_key, failures, last_failure, blocked_until) "
                         "VALUES (?1, 1, ?2, 0) ON CONFLICT(counter_key) DO UPDATE SET "
                         "failures = CASE WHEN ?2 - sign_in_counter.last_failure > ?3 "
                         "AND ?2 >= sign_in_counter.blocked_until THEN 1 ELSE sign_in_counter.failures + 1 END, "
                         "last_failure = ?2 RETURNING failures");
        upsert.bind(1, stored_key(key)).bind(2, now).bind(3, forget_after).step();
        return upsert.integer(0);
    });
}

void SharedCounters::block_until(const std::string& key, int64_t until) {
    databases_.unlogged_write([&](Store& store) {
        Statement(store.database(), "UPDATE sign_in_counter SET blocked_until = GREATEST(blocked_until, ?2) "
                                    "WHERE counter_key = ?1")
            .bind(1, stored_key(key))
            .bind(2, until)
            .run();
    });
}

void SharedCounters::forget(const std::string& key) {
    databases_.unlogged_write([&](Store& store) {
        Statement(store.database(), "DELETE FROM sign_in_counter WHERE counter_key = ?").bind(1, stored_key(key)).run();
    });
}

void SharedCounters::sweep(int64_t now) {
    static std::atomic<int64_t> calls{0};
    if (++calls % kSweepEvery != 0) return;
    databases_.unlogged_write([&](Store& store) {
        Statement(store.database(), "DELETE FROM rate_window WHERE window_start < ?").bind(1, now - kKeepMillis).run();
        Statement(store.database(), "DELETE FROM sign_in_counter WHERE last_failure < ?1 AND blocked_until < ?1")
            .bind(1, now - kKeepMillis)
            .run();
    });
}

}  // namespace tandem::server
