#include "auth/password_hasher.h"

#include <sodium.h>

#include <algorithm>
#include <future>
#include <memory>

#include "auth/accounts.h"

namespace tandem::server {

PasswordHasher::PasswordHasher(size_t threads, size_t queue_limit) : queue_limit_(queue_limit) {
    for (size_t i = 0; i < std::max<size_t>(1, threads); ++i) threads_.emplace_back([this] { work(); });
}

PasswordHasher::~PasswordHasher() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    job_ready_.notify_all();
    for (auto& thread : threads_) thread.join();
}

size_t PasswordHasher::default_threads() { return std::max(1u, std::thread::hardware_concurrency() / 2); }

bool PasswordHasher::enqueue(std::function<void()> job) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (jobs_.size() >= queue_limit_) return false;
        jobs_.push_back(std::move(job));
    }
    job_ready_.notify_one();
    return true;
}

std::optional<bool> PasswordHasher::verify(const std::string& hash, const std::string& password) {
    auto task = std::make_shared<std::packaged_task<bool()>>([hash, secret = std::string(password)]() mutable {
        const bool ok = crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
        sodium_memzero(&secret[0], secret.size());
        return ok;
    });
    auto verdict = task->get_future();
    if (!enqueue([task] { (*task)(); })) return std::nullopt;
    return verdict.get();
}

std::optional<std::string> PasswordHasher::hash(const std::string& password) {
    auto task = std::make_shared<std::packaged_task<std::string()>>([secret = std::string(password)]() mutable {
        std::string made = hash_password(secret);
        sodium_memzero(&secret[0], secret.size());
        return made;
    });
    auto made = task->get_future();
    if (!enqueue([task] { (*task)(); })) return std::nullopt;
    return made.get();  // rethrows hash_password's error, if any, on the request thread
}

void PasswordHasher::work() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            job_ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        job();
    }
}

} // namespace tandem::server
