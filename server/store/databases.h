#pragma once
// The server's connections: one writer (SQLite allows one writer at a time, so queueing here is cheaper than
// SQLITE_BUSY retries) and a pool of readers that WAL lets run beside it. On PostgreSQL the same shape, and
// every write is one transaction under the lock all instances share (postgres_connection.h): a write is
// atomic there whether or not its work opens a transaction itself.
#include <optional>
#include <type_traits>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tandem/sync/store.h"

namespace tandem::server {

class Databases {
public:
    // `locator`: a SQLite file or a PostgreSQL URL (server_store.h).
    Databases(const std::string& locator, size_t reader_count);

    template <class Work>
    auto write(Work&& work) {
        std::lock_guard<std::mutex> lock(writer_mutex_);
        using Result = decltype(work(*writer_));
        if (!writes_in_transaction_) return work(*writer_);
        if constexpr (std::is_void_v<Result>) {
            writer_->transaction([&] { work(*writer_); });
        } else {
            std::optional<Result> result;
            writer_->transaction([&] { result.emplace(work(*writer_)); });
            return std::move(*result);
        }
    }

    bool shared_by_instances() const { return writes_in_transaction_; }

    // A write that changes no record and no log row (a shared counter): on a pooled connection, in its own
    // statement, without waiting for the write lock. PostgreSQL only.
    template <class Work>
    auto unlogged_write(Work&& work) {
        Lease lease(*this);
        return work(*lease.store);
    }

    // After an erasure. PostgreSQL keeps an updated or deleted row's old version in the table's files until
    // a vacuum, and a plain vacuum frees the space without wiping it; VACUUM FULL writes the tables anew and
    // drops the old files. SQLite needs nothing more (secure_delete and the checkpoint already wiped it).
    void compact_after_erasure();

    template <class Work>
    auto read(Work&& work) {
        Lease lease(*this);
        return work(*lease.store);
    }

private:
    struct Lease {
        explicit Lease(Databases& owner);
        ~Lease();
        Databases& owner;
        std::unique_ptr<Store> store;
    };

    bool writes_in_transaction_ = false;
    std::mutex writer_mutex_;
    std::unique_ptr<Store> writer_;
    std::mutex readers_mutex_;
    std::condition_variable reader_returned_;
    std::vector<std::unique_ptr<Store>> idle_readers_;
};

} // namespace tandem::server
