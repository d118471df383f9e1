#pragma once
// Counts requests per key (an answer token's digest, a kiosk) in fixed one-minute windows, for endpoints
// anyone can reach without an account. Bounded: when full, the oldest window is forgotten first.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tandem::server {

class RateLimiter {
public:
    RateLimiter(int per_minute, size_t capacity = 100'000) : per_minute_(per_minute), capacity_(capacity) {}

    // Counts this request; returns 0 when it may go ahead, else whole seconds until the window ends.
    int64_t wait_seconds(const std::string& key, int64_t now_millis);

private:
    struct Window {
        int64_t started = 0;
        int count = 0;
    };
    const int per_minute_;
    const size_t capacity_;
    std::mutex mutex_;
    std::unordered_map<std::string, Window> windows_;
};

} // namespace tandem::server
