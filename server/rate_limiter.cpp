#include "rate_limiter.h"

namespace tandem::server {

namespace {
constexpr int64_t kWindowMillis = 60'000;
}

int64_t RateLimiter::wait_seconds(const std::string& key, int64_t now_millis) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = windows_.find(key);
    if (it == windows_.end()) {
        if (windows_.size() >= capacity_) {
            // Drop every finished window; if all are current, drop one (a flood of new keys cannot grow memory).
            for (auto at = windows_.begin(); at != windows_.end();)
                at = now_millis - at->second.started >= kWindowMillis ? windows_.erase(at) : std::next(at);
            if (windows_.size() >= capacity_) windows_.erase(windows_.begin());
        }
        it = windows_.emplace(key, Window{now_millis, 0}).first;
    }
    Window& window = it->second;
    if (now_millis - window.started >= kWindowMillis) window = Window{now_millis, 0};
    if (window.count >= per_minute_) return (window.started + kWindowMillis - now_millis + 999) / 1000;
    ++window.count;
    return 0;
}

} // namespace tandem::server
