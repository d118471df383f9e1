#include "store/databases.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <thread>

#include "store/server_schema.h"
#include "store/postgres_connection.h"
#include "store/server_store.h"

namespace tandem::server {

namespace {
// VACUUM VERBOSE says "N dead row versions cannot be removed yet" per table; true when any N is not 0.
bool keeps_dead_rows(const std::string& report) {
    const std::string phrase = " dead row versions cannot be removed yet";
    for (size_t at = report.find(phrase); at != std::string::npos; at = report.find(phrase, at + 1)) {
        size_t start = at;
        while (start > 0 && std::isdigit(static_cast<unsigned char>(report[start - 1]))) --start;
        if (start < at && std::stoll(report.substr(start, at - start)) > 0) return true;
    }
    return false;
}
}  // namespace

Databases::Databases(const std::string& locator, size_t reader_count)
    : writes_in_transaction_(is_postgres_url(locator)) {
    if (writes_in_transaction_) {
        writer_ = open_server_store(locator);
        for (size_t i = 0; i < reader_count; ++i) idle_readers_.push_back(open_server_store(locator, true));
        return;
    }
    const std::string& path = locator;
    // WAL with synchronous=FULL: readers never block the writer, and a commit is on disk before the push
    // that caused it is acknowledged.
    writer_ = std::make_unique<Store>(path, StoreOptions{true, false});
    // secure_delete: erasing a person (docs/api.md, Export and erasure) must leave none of their bytes in free
    // pages.
    // A larger page cache for the writer: answers and tallies of a big organisation are written into
    // tables of millions of rows, where SQLite's default 2 MiB would reread pages from disk on every answer.
    writer_->database().exec("PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA cache_size=-65536");
    migrate_server_schema(*writer_);  // in the SQLite file, after the PRAGMAs
    for (size_t i = 0; i < reader_count; ++i)
        idle_readers_.push_back(std::make_unique<Store>(path, StoreOptions{true, true}));
}

void Databases::compact_after_erasure() {
    if (!writes_in_transaction_) return;
    std::lock_guard<std::mutex> lock(writer_mutex_);
    auto& connection = static_cast<PostgresConnection&>(writer_->database().connection());
    // VACUUM FULL keeps a dead row that some running transaction may still see ("cannot be removed yet" in
    // its report); such a row is the erased text. So it runs again, boundedly, until none is kept.
    for (int attempt = 0; attempt < 100; ++attempt) {
        // Every table that holds people's names, words or addresses (the audit log holds ids only).
        const std::string report = connection.exec_with_notices(
            "VACUUM (FULL, VERBOSE) records, change_log, accounts, sessions, invites, survey_token_issued");
        if (!keeps_dead_rows(report)) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::fprintf(stderr, "tandem-server: after an erasure, old row versions were still kept after 100 attempts\n");
}

Databases::Lease::Lease(Databases& owner_) : owner(owner_) {
    std::unique_lock<std::mutex> lock(owner.readers_mutex_);
    owner.reader_returned_.wait(lock, [&] { return !owner.idle_readers_.empty(); });
    store = std::move(owner.idle_readers_.back());
    owner.idle_readers_.pop_back();
}

Databases::Lease::~Lease() {
    std::lock_guard<std::mutex> lock(owner.readers_mutex_);
    owner.idle_readers_.push_back(std::move(store));
    owner.reader_returned_.notify_one();
}

} // namespace tandem::server
