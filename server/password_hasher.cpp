#include "password_hasher.h"

#include <sodium.h>

#include <algorithm>

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

std::optional<bool> PasswordHasher::verify(const std::string& hash, const std::string& password) {
    std::future<bool> verdict;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (jobs_.size() >= queue_limit_) return std::nullopt;
        jobs_.push_back(Job{hash, password, {}});
        verdict = jobs_.back().verdict.get_future();
    }
    job_ready_.notify_one();
    return verdict.get();
}

void PasswordHasher::work() {
    for (;;) {
        Job job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            job_ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        const bool ok = crypto_pwhash_str_verify(job.hash.c_str(), job.password.data(), job.password.size()) == 0;
        sodium_memzero(job.password.data(), job.password.size());
        job.verdict.set_value(ok);
    }
}

} // namespace tandem::server
