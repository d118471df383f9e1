#include "auth/sign_in_throttle.h"

#include <algorithm>
#include <cctype>

#include "tandem/sync/entity.h"

namespace tandem::server {

namespace {
constexpr int kFreeFailuresPerPair = 5;
constexpr int kFreeFailuresPerClient = 20;
constexpr int kFreeFailuresPerAddress = 50;
constexpr int64_t kFirstWaitMillis = 1000;
constexpr int64_t kLongestWaitMillis = 15 * 60 * 1000;
constexpr int64_t kForgetAfterMillis = 60 * 60 * 1000;

// Keys cannot collide: an e-mail address has no newline, and the prefixes differ.
std::string pair_key(const std::string& email, const std::string& client) {
    return "p\n" + lower_ascii(email) + "\n" + client;
}
std::string client_key(const std::string& client) { return "c\n" + client; }
std::string address_key(const std::string& email) { return "a\n" + lower_ascii(email); }

int64_t wait_for(int over) { return std::min<int64_t>(kLongestWaitMillis, kFirstWaitMillis << std::min(over - 1, 20)); }
}  // namespace

int64_t SignInThrottle::shared_wait(const std::string& email, const std::string& client, int64_t now) {
    int64_t until = 0;
    const auto pair = shared_->failures(pair_key(email, client), now, kForgetAfterMillis);
    if (pair) until = std::max(until, pair->blocked_until);
    if (const auto by_client = shared_->failures(client_key(client), now, kForgetAfterMillis))
        until = std::max(until, by_client->blocked_until);
    if (pair && pair->failures > 0)
        if (const auto by_address = shared_->failures(address_key(email), now, kForgetAfterMillis))
            until = std::max(until, by_address->blocked_until);
    return until > now ? (until - now + 999) / 1000 : 0;
}

void SignInThrottle::shared_fail(const std::string& key, int free_failures, int64_t now) {
    const int64_t over = shared_->add_failure(key, now, kForgetAfterMillis) - free_failures;
    if (over > 0) shared_->block_until(key, now + wait_for(int(std::min<int64_t>(over, 64))));
}

SignInThrottle::Counter* SignInThrottle::find(const std::string& key, int64_t now) {
    auto it = counters_.find(key);
    if (it == counters_.end()) return nullptr;
    if (now - it->second.last_failure > kForgetAfterMillis && now >= it->second.blocked_until) {
        recency_.erase(it->second.recency);
        counters_.erase(it);
        return nullptr;
    }
    return &it->second;
}

int64_t SignInThrottle::wait_seconds(const std::string& email, const std::string& client, int64_t now) {
    if (shared_) return shared_wait(email, client, now);
    std::lock_guard<std::mutex> lock(mutex_);
    int64_t until = 0;
    const Counter* pair = find(pair_key(email, client), now);
    if (pair) until = std::max(until, pair->blocked_until);
    if (const Counter* by_client = find(client_key(client), now)) until = std::max(until, by_client->blocked_until);
    if (pair && pair->failures > 0)
        if (const Counter* by_address = find(address_key(email), now))
            until = std::max(until, by_address->blocked_until);
    return until > now ? (until - now + 999) / 1000 : 0;
}

void SignInThrottle::fail(const std::string& key, int free_failures, int64_t now) {
    Counter* counter = find(key, now);
    if (!counter) {
        recency_.push_front(key);
        counter = &counters_[key];
    } else {
        recency_.erase(counter->recency);
        recency_.push_front(key);
    }
    counter->recency = recency_.begin();
    counter->last_failure = now;
    const int over = ++counter->failures - free_failures;
    if (over > 0) counter->blocked_until = now + wait_for(over);
    while (counters_.size() > capacity_) {
        counters_.erase(recency_.back());
        recency_.pop_back();
    }
}

void SignInThrottle::record_failure(const std::string& email, const std::string& client, int64_t now) {
    if (shared_) {
        shared_fail(pair_key(email, client), kFreeFailuresPerPair, now);
        shared_fail(client_key(client), kFreeFailuresPerClient, now);
        shared_fail(address_key(email), kFreeFailuresPerAddress, now);
        return;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    fail(pair_key(email, client), kFreeFailuresPerPair, now);
    fail(client_key(client), kFreeFailuresPerClient, now);
    fail(address_key(email), kFreeFailuresPerAddress, now);
}

void SignInThrottle::record_success(const std::string& email, const std::string& client) {
    if (shared_) return shared_->forget(pair_key(email, client));
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = counters_.find(pair_key(email, client));
    if (it == counters_.end()) return;
    recency_.erase(it->second.recency);
    counters_.erase(it);
}

size_t SignInThrottle::size() {
    std::lock_guard<std::mutex> lock(mutex_);
    return counters_.size();
}

} // namespace tandem::server
