#pragma once
// argon2id work on its own threads. Each hash or check costs ~0.1 s of CPU and 64 MiB, so a burst of sign-ins
// or accepted invitations must neither wait inside the request workers other requests need nor take every
// core or all memory: a few threads do the work, and a bounded queue refuses the excess at once (the route
// answers 429). They run at normal priority on purpose: at a lower one, any busy neighbour process (a build,
// a browser) starved sign-ins.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace tandem::server {

class PasswordHasher {
public:
    // `threads` jobs run at once; at most `queue_limit` more wait their turn.
    PasswordHasher(size_t threads, size_t queue_limit);
    ~PasswordHasher();

    // True when `password` matches the argon2id `hash`. Nothing when the queue is full: try again later.
    std::optional<bool> verify(const std::string& hash, const std::string& password);
    // A new argon2id hash of `password` (as hash_password makes it). Nothing when the queue is full.
    std::optional<std::string> hash(const std::string& password);

    // Threads and queue sized for this machine: half the cores hash, so requests keep the rest.
    static size_t default_threads();

private:
    // Queues `job` unless the queue is full; the caller waits for its result through its own future.
    bool enqueue(std::function<void()> job);
    void work();

    const size_t queue_limit_;
    std::mutex mutex_;
    std::condition_variable job_ready_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

} // namespace tandem::server
