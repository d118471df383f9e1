#include "store/databases.h"

#include <chrono>
#include <thread>

#include "store/server_schema.h"
#include "store/server_store.h"

namespace tandem::server {

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
    Database& db = writer_->database();
    // VACUUM FULL keeps a dead row that a running query (a reader, an autovacuum's ANALYZE) may still see.
    // So first wait, boundedly, until every other session of this database started after the erasure.
    Statement erased(db, "SELECT xid(pg_snapshot_xmax(pg_current_snapshot()))::text");
    erased.step();
    const std::string horizon = erased.text(0);
    erased.reset();
    Statement older(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL "
                        "AND age(backend_xmin) > age(CAST(? AS xid))");
    for (int attempt = 0; attempt < 250; ++attempt) {
        older.bind(1, horizon).step();
        const bool waiting = older.integer(0) > 0;
        older.reset();
        if (!waiting) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // Every table that holds people's names, words or addresses (the audit log holds ids only).
    db.exec("VACUUM FULL records, change_log, accounts, sessions, invites, survey_token_issued");
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
