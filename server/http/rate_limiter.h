#pragma once
// Counts requests per key (an answer token's digest, a kiosk) in fixed one-minute windows, for endpoints
// anyone can reach without an account. Bounded: when full, the window that started longest ago is forgotten
// first. Every call is O(1): the keys are kept in the order their windows started, so the oldest is at the
// front and a flood of new keys never scans the table.
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tandem::server {

// Windows kept where several server instances count together (store/shared_counters.h).
class SharedWindows {
public:
    virtual ~SharedWindows() = default;
    // Counts one request in the key's window; returns when that window started and its count so far.
    virtual std::pair<int64_t, int64_t> hit_window(const std::string& key, int64_t now, int64_t window_millis) = 0;
};

class RateLimiter {
public:
    RateLimiter(int per_minute, size_t capacity = 100'000)
        : per_minute_(per_minute), capacity_(capacity ? capacity : 1) {}
    // Counting in `shared` when it is set, under keys that start with `name`; in memory otherwise.
    RateLimiter(int per_minute, SharedWindows* shared, std::string name)
        : per_minute_(per_minute), capacity_(100'000), shared_(shared), name_(std::move(name)) {}

    // Counts this request; returns 0 when it may go ahead, else whole seconds until the window ends.
    int64_t wait_seconds(const std::string& key, int64_t now_millis);

    size_t size();

private:
    struct Window {
        int64_t started = 0;
        int count = 0;
        std::list<std::string>::iterator order;  // this key's place in `by_start_`
    };
    const int per_minute_;
    const size_t capacity_;
    SharedWindows* shared_ = nullptr;
    std::string name_;
    std::mutex mutex_;
    std::unordered_map<std::string, Window> windows_;
    std::list<std::string> by_start_;  // keys, oldest window first
};

} // namespace tandem::server
