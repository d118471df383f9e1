#pragma once
// Connection handling for tandem-server, under cpp-httplib's request parsing and routing.
//
// cpp-httplib 0.11 (Debian bookworm) gives one worker per connection from a fixed pool and bounds each read
// by a timeout, but not a whole request: a client sending one header line every few seconds, or thousands
// of header lines, or an endless chunked body, holds a worker or memory for as long as it likes. This layer
// replaces its connection loop (Server::process_and_close_socket is virtual) and the stream it reads from:
//   - workers grow with the number of open connections (ConnectionWorkers), up to max_connections; past
//     that a connection gets a canned 503 at once, so slow or idle clients never queue everyone else;
//   - the request head must arrive within head_timeout and max_head_bytes / max_header_lines (else 408 or
//     431), and idle keep-alive connections are closed after keep_alive_timeout;
//   - the body is delivered only after the route's gate has checked the framing and the session, and never
//     beyond the allowance the gate granted (BodyGrant), so no body is buffered past its route's limit.
// Polling uses poll(2) with a shared wake pipe, so stop() ends every wait at once.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tandem::server {

struct ConnectionLimits {
    size_t max_connections = 1024;
    std::chrono::milliseconds head_timeout{10'000};      // request line and headers, from the first wait
    std::chrono::milliseconds keep_alive_timeout{5'000};  // idle time allowed before a request starts
    std::chrono::milliseconds io_timeout{15'000};         // one read or write making no progress
    size_t max_head_bytes = 64 * 1024;
    int max_header_lines = 100;
    size_t keep_alive_max_requests = 1000;
    // The body must keep arriving at no less than this rate (after a fixed grace), so a trickled upload
    // cannot hold a worker for ever.
    size_t min_body_bytes_per_second = 64 * 1024;
    std::chrono::milliseconds body_grace{30'000};
    std::chrono::milliseconds linger{2'000};
};

// Why a connection refused a request part-way; the error handler turns it into the answer.
enum class Refusal { None, HeadTimeout, HeadTooLarge, BodyTimeout };

class Connection;

// The connection the calling thread is serving (each connection is served on one worker thread), so
// cpp-httplib's per-request callbacks, which carry no per-connection data, can reach it. Null outside.
Connection* current_connection();

class Connection final : public httplib::Stream {
public:
    // `body_bytes` counts every body byte handed to the parser, server-wide: what the server buffered.
    Connection(int socket, const ConnectionLimits& limits, int wake_fd, std::atomic<uint64_t>& body_bytes);

    // httplib::Stream
    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* data, size_t size) override;
    ssize_t write(const char* data, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return socket_; }

    // Waits until the client starts a request (true) or keep-alive time runs out / the server stops.
    bool wait_for_request();
    void begin_request();
    // The gate's verdict on the body: deliver exactly `bytes` to the parser (0: no body is read at all).
    void grant_body(size_t bytes);
    Refusal refusal() const { return refusal_; }
    // After the response: whether the connection can carry another request.
    bool reusable() const;
    // Before closing a connection whose client may still be sending (a body refused unread, headers cut
    // short): stop writing and discard input for a short while, so the client reads the answer instead of
    // a reset. Bounded in time; nothing is kept.
    void linger_before_close();

private:
    enum class Phase { Head, Body };
    bool wait(short events, std::chrono::steady_clock::time_point deadline) const;
    std::chrono::steady_clock::time_point read_deadline() const;

    int socket_;
    int wake_fd_;
    const ConnectionLimits& limits_;
    std::atomic<uint64_t>& body_bytes_;
    std::vector<char> buffer_;
    size_t buffer_begin_ = 0, buffer_end_ = 0;

    Phase phase_ = Phase::Head;
    std::chrono::steady_clock::time_point phase_deadline_;
    size_t head_bytes_ = 0;
    int head_lines_ = 0;
    bool body_granted_ = false;
    size_t body_left_ = 0;
    Refusal refusal_ = Refusal::None;
    bool broken_ = false;
    bool peer_closed_ = false;
    bool started_ = false;  // a request has begun on this connection
};

// A task queue whose workers grow with demand (one per open connection) and retire after a minute idle,
// keeping `warm` of them. httplib hands it one task per accepted connection.
class ConnectionWorkers final : public httplib::TaskQueue {
public:
    explicit ConnectionWorkers(size_t warm) : warm_(warm) {}
    ~ConnectionWorkers() override { shutdown(); }
    void enqueue(std::function<void()> task) override;
    void shutdown() override;

private:
    void work();
    void reap_finished();  // joins workers that retired; called with mutex_ held

    const size_t warm_;
    std::mutex mutex_;
    std::condition_variable task_ready_;
    std::deque<std::function<void()>> tasks_;
    std::map<std::thread::id, std::thread> workers_;
    std::vector<std::thread::id> finished_;
    size_t idle_ = 0;
    bool stopping_ = false;
};

class GuardedServer final : public httplib::Server {
public:
    explicit GuardedServer(ConnectionLimits limits, size_t warm_workers);
    ~GuardedServer() override;

    // httplib listens with a backlog of 5, compiled into Debian's library: a burst of connections then
    // overflows the queue and clients wait a second for their SYN to be resent. Listening again on the
    // bound socket raises it (Linux takes the new backlog).
    void widen_listen_backlog();
    // Ends every connection's waits and stops accepting; run() then returns.
    void shut_down();
    size_t open_connections() const { return open_.load(); }
    // Request body bytes read off sockets and handed to the parser since start: an exact measure of what an
    // unauthenticated or refused upload made the server hold, where a process's resident size is not.
    uint64_t body_bytes_read() const { return body_bytes_.load(); }

private:
    bool process_and_close_socket(socket_t sock) override;

    ConnectionLimits limits_;
    int wake_pipe_[2] = {-1, -1};
    std::atomic<size_t> open_{0};
    std::atomic<uint64_t> body_bytes_{0};
    std::atomic<bool> stopping_{false};
};

} // namespace tandem::server
