#include "http/rate_limiter.h"

namespace tandem::server {

namespace {
constexpr int64_t kWindowMillis = 60'000;
}

int64_t RateLimiter::wait_seconds(const std::string& key, int64_t now_millis) {
    if (shared_) {
        const auto [started, hits] = shared_->hit_window(name_ + "\n" + key, now_millis, kWindowMillis);
        return hits > per_minute_ ? (started + kWindowMillis - now_millis + 999) / 1000 : 0;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    // Finished windows at the front go first: a finished window limits nothing, so forgetting it is free.
    // At most one per call, which keeps the call O(1) while the table still drains as fast as it fills.
    if (!by_start_.empty()) {
        auto oldest = windows_.find(by_start_.front());
        if (now_millis - oldest->second.started >= kWindowMillis && oldest->first != key) {
            windows_.erase(oldest);
            by_start_.pop_front();
        }
    }
    auto it = windows_.find(key);
    if (it == windows_.end()) {
        if (windows_.size() >= capacity_) {  // all current: the oldest goes (memory stays bounded)
            windows_.erase(by_start_.front());
            by_start_.pop_front();
        }
        by_start_.push_back(key);
        it = windows_.emplace(key, Window{now_millis, 0, std::prev(by_start_.end())}).first;
    }
    Window& window = it->second;
    if (now_millis - window.started >= kWindowMillis) {  // a new window: it is now the newest
        window.started = now_millis;
        window.count = 0;
        by_start_.splice(by_start_.end(), by_start_, window.order);
    }
    if (window.count >= per_minute_) return (window.started + kWindowMillis - now_millis + 999) / 1000;
    ++window.count;
    return 0;
}

size_t RateLimiter::size() {
    std::lock_guard<std::mutex> lock(mutex_);
    return windows_.size();
}

} // namespace tandem::server
