#pragma once
// Counters every instance on one PostgreSQL database shares: the sign-in throttle's failure counts and the
// per-link and per-kiosk rate windows, each under a digest of its key (keys may be bytes, or name an
// address). Each update is one statement on a pooled connection, atomic across instances and outside the
// write lock (no record or log row changes). A single SQLite server keeps these counters in memory instead
// (sign_in_throttle.h, rate_limiter.h).
#include <cstdint>
#include <optional>
#include <string>

#include "http/rate_limiter.h"
#include "store/databases.h"

namespace tandem::server {

class SharedCounters final : public SharedWindows {
public:
    explicit SharedCounters(Databases& databases) : databases_(databases) {}

    std::pair<int64_t, int64_t> hit_window(const std::string& key, int64_t now, int64_t window_millis) override {
        const Window window = hit(key, now, window_millis);
        return {window.started, window.hits};
    }

    struct Window {
        int64_t started = 0;
        int64_t hits = 0;  // this request included
    };
    // Counts a request in the key's fixed window of `window_millis` (a new window once the last has ended).
    Window hit(const std::string& key, int64_t now, int64_t window_millis);

    struct Failures {
        int64_t failures = 0;
        int64_t last_failure = 0;
        int64_t blocked_until = 0;
    };
    // A counter that was quiet for `forget_after` and is not blocking is treated as gone.
    std::optional<Failures> failures(const std::string& key, int64_t now, int64_t forget_after);
    // One more failure (starting again after a quiet `forget_after`); returns the count.
    int64_t add_failure(const std::string& key, int64_t now, int64_t forget_after);
    void block_until(const std::string& key, int64_t until);
    void forget(const std::string& key);

private:
    void sweep(int64_t now);  // now and then, drops rows that limit nothing any more

    Databases& databases_;
};

}  // namespace tandem::server
