#pragma once
// The server's SQLite connections: one writer (SQLite allows one writer at a time, so queueing here is
// cheaper than SQLITE_BUSY retries) and a pool of readers that WAL lets run beside it.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tandem/sync/store.h"

namespace tandem::server {

class Databases {
public:
    Databases(const std::string& path, size_t reader_count);

    template <class Work>
    auto write(Work&& work) {
        std::lock_guard<std::mutex> lock(writer_mutex_);
        return work(*writer_);
    }

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

    std::string path_;
    std::mutex writer_mutex_;
    std::unique_ptr<Store> writer_;
    std::mutex readers_mutex_;
    std::condition_variable reader_returned_;
    std::vector<std::unique_ptr<Store>> idle_readers_;
};

} // namespace tandem::server
