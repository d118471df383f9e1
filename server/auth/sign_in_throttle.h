#pragma once
// Slows down password guessing without letting anyone lock an account. Failures are counted per
// (address, client), per client across addresses (spraying one password over many accounts) and per
// address across clients (guessing from many clients). Each counter allows a few failures, then makes the
// next try wait 1 s, 2 s, 4 s ... up to 15 minutes; a quiet hour forgets it. The address-wide counter only
// holds back clients that have themselves failed for that address, so the owner, signing in from a client
// with no failures, always gets through. The table is bounded: past its capacity the entry touched least
// recently is forgotten, one at a time.
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

#include "store/shared_counters.h"

namespace tandem::server {

class SignInThrottle {
public:
    explicit SignInThrottle(size_t capacity = 100'000) : capacity_(capacity) {}
    // Counting in `shared` (every instance on one database together) when it is set.
    explicit SignInThrottle(SharedCounters* shared) : capacity_(100'000), shared_(shared) {}

    // Whole seconds (rounded up, as Retry-After wants them) before this client may try this address again;
    // 0 when it may try now. Times are milliseconds.
    int64_t wait_seconds(const std::string& email, const std::string& client, int64_t now_millis);
    void record_failure(const std::string& email, const std::string& client, int64_t now_millis);
    void record_success(const std::string& email, const std::string& client);

    size_t size();

private:
    struct Counter {
        int failures = 0;
        int64_t last_failure = 0;
        int64_t blocked_until = 0;
        std::list<std::string>::iterator recency;
    };
    Counter* find(const std::string& key, int64_t now);
    void fail(const std::string& key, int free_failures, int64_t now);

    int64_t shared_wait(const std::string& email, const std::string& client, int64_t now);
    void shared_fail(const std::string& key, int free_failures, int64_t now);

    const size_t capacity_;
    SharedCounters* shared_ = nullptr;
    std::mutex mutex_;
    std::unordered_map<std::string, Counter> counters_;
    std::list<std::string> recency_;  // most recently touched first
};

} // namespace tandem::server
