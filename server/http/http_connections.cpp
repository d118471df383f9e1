#include "http/http_connections.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace tandem::server {

namespace {

using Clock = std::chrono::steady_clock;

thread_local Connection* serving = nullptr;

struct Serving {
    explicit Serving(Connection* connection) { serving = connection; }
    ~Serving() { serving = nullptr; }
};

void describe_address(const sockaddr_storage& address, std::string& ip, int& port) {
    char text[INET6_ADDRSTRLEN] = "";
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        port = ntohs(v6.sin6_port);
    }
    ip = text;
}

// Sent without waiting to a connection over the limit: the client learns to come back instead of hanging.
void refuse_over_capacity(int socket) {
    static const std::string body =
        R"({"error":{"code":"server_busy","message":"The server has too many open connections; try again shortly."}})";
    static const std::string response = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                        "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
                                        std::to_string(body.size()) + "\r\n\r\n" + body;
    (void)::send(socket, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

}  // namespace

Connection* current_connection() { return serving; }

Connection::Connection(int socket, const ConnectionLimits& limits, int wake_fd, std::atomic<uint64_t>& body_bytes)
    : socket_(socket), wake_fd_(wake_fd), limits_(limits), body_bytes_(body_bytes), buffer_(16 * 1024) {}

bool Connection::wait(short events, Clock::time_point deadline) const {
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return false;
        pollfd fds[2] = {{socket_, events, 0}, {wake_fd_, POLLIN, 0}};
        const int ready = ::poll(fds, 2, int(std::min<int64_t>(left, 60'000)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0 || fds[1].revents) return false;  // poll failed, or the server is stopping
        if (fds[0].revents) return true;                 // ready, or hung up: the next call reports which
    }
}

Clock::time_point Connection::read_deadline() const {
    return std::min(Clock::now() + limits_.io_timeout, phase_deadline_);
}

bool Connection::is_readable() const {
    return buffer_begin_ < buffer_end_ || wait(POLLIN, read_deadline());
}

bool Connection::is_writable() const { return wait(POLLOUT, Clock::now() + limits_.io_timeout); }

ssize_t Connection::read(char* data, size_t size) {
    if (broken_) return -1;
    size_t wanted = size;
    if (phase_ == Phase::Body) {
        // Past the grant the parser sees the end of the body: a request without a length has none (RFC 9112
        // 6.3), and nothing beyond a granted length is ever taken off the socket.
        if (!body_granted_ || body_left_ == 0) return 0;
        wanted = std::min(wanted, body_left_);
    }
    if (buffer_begin_ == buffer_end_) {
        if (!wait(POLLIN, read_deadline())) {
            if (Clock::now() >= phase_deadline_)
                refusal_ = phase_ == Phase::Head ? Refusal::HeadTimeout : Refusal::BodyTimeout;
            broken_ = true;
            return -1;
        }
        ssize_t got;
        do got = ::recv(socket_, buffer_.data(), buffer_.size(), 0);
        while (got < 0 && errno == EINTR);
        if (got <= 0) {
            broken_ = true;
            peer_closed_ = got == 0;
            return got;
        }
        buffer_begin_ = 0;
        buffer_end_ = size_t(got);
    }
    const size_t n = std::min(wanted, buffer_end_ - buffer_begin_);
    const char* from = buffer_.data() + buffer_begin_;
    if (phase_ == Phase::Head) {
        head_bytes_ += n;
        head_lines_ += int(std::count(from, from + n, '\n'));
        // The request line and the blank line that ends the head are lines too.
        if (head_bytes_ > limits_.max_head_bytes || head_lines_ > limits_.max_header_lines + 2) {
            refusal_ = Refusal::HeadTooLarge;
            broken_ = true;
            return -1;
        }
    } else {
        body_left_ -= n;
        body_bytes_ += n;
    }
    std::memcpy(data, from, n);
    buffer_begin_ += n;
    return ssize_t(n);
}

ssize_t Connection::write(const char* data, size_t size) {
    if (!wait(POLLOUT, Clock::now() + limits_.io_timeout)) return -1;
    ssize_t sent;
    do sent = ::send(socket_, data, size, MSG_NOSIGNAL);
    while (sent < 0 && errno == EINTR);
    return sent;
}

void Connection::get_remote_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        describe_address(address, ip, port);
}

void Connection::get_local_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        describe_address(address, ip, port);
}

bool Connection::wait_for_request() {
    return buffer_begin_ < buffer_end_ || wait(POLLIN, Clock::now() + limits_.keep_alive_timeout);
}

void Connection::begin_request() {
    started_ = true;
    phase_ = Phase::Head;
    phase_deadline_ = Clock::now() + limits_.head_timeout;
    head_bytes_ = 0;
    head_lines_ = 0;
    body_granted_ = false;
    body_left_ = 0;
    refusal_ = Refusal::None;
}

void Connection::grant_body(size_t bytes) {
    phase_ = Phase::Body;
    body_granted_ = true;
    body_left_ = bytes;
    const auto transfer = std::chrono::milliseconds(bytes * 1000 / std::max<size_t>(1, limits_.min_body_bytes_per_second));
    phase_deadline_ = Clock::now() + limits_.body_grace + transfer;
}

bool Connection::reusable() const {
    // Only a request the gate let through and whose body was read to the end leaves the stream at the start
    // of the next request; anything else (a refusal, an unread body, a parse error) closes the connection.
    return !broken_ && refusal_ == Refusal::None && phase_ == Phase::Body && body_granted_ && body_left_ == 0;
}

void Connection::linger_before_close() {
    if (!started_ || reusable() || peer_closed_ || refusal_ == Refusal::HeadTimeout || refusal_ == Refusal::BodyTimeout) return;
    ::shutdown(socket_, SHUT_WR);
    const auto deadline = Clock::now() + limits_.linger;
    char sink[16 * 1024];
    while (wait(POLLIN, deadline)) {
        const ssize_t got = ::recv(socket_, sink, sizeof sink, 0);
        if (got <= 0 && !(got < 0 && errno == EINTR)) return;
    }
}

void ConnectionWorkers::enqueue(std::function<void()> task) {
    std::lock_guard<std::mutex> lock(mutex_);
    reap_finished();
    tasks_.push_back(std::move(task));
    if (tasks_.size() > idle_) {
        std::thread worker([this] { work(); });
        const auto id = worker.get_id();
        workers_.emplace(id, std::move(worker));
    } else {
        task_ready_.notify_one();
    }
}

void ConnectionWorkers::work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        ++idle_;
        const bool woken = task_ready_.wait_for(lock, std::chrono::seconds(60),
                                                [&] { return stopping_ || !tasks_.empty(); });
        --idle_;
        if (!tasks_.empty()) {
            auto task = std::move(tasks_.front());
            tasks_.pop_front();
            lock.unlock();
            task();
            lock.lock();
            continue;
        }
        if (stopping_) return;
        if (!woken && workers_.size() - finished_.size() > warm_) {
            finished_.push_back(std::this_thread::get_id());
            return;
        }
    }
}

void ConnectionWorkers::reap_finished() {
    for (const auto& id : finished_) {
        auto it = workers_.find(id);
        if (it == workers_.end()) continue;
        it->second.join();
        workers_.erase(it);
    }
    finished_.clear();
}

void ConnectionWorkers::shutdown() {
    std::map<std::thread::id, std::thread> workers;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        task_ready_.notify_all();
        workers.swap(workers_);
        finished_.clear();
    }
    for (auto& [id, worker] : workers) worker.join();
}

GuardedServer::GuardedServer(ConnectionLimits limits, size_t warm_workers) : limits_(limits) {
    if (::pipe2(wake_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("cannot create a pipe");
    new_task_queue = [warm_workers] { return new ConnectionWorkers(warm_workers); };
    set_tcp_nodelay(true);
}

GuardedServer::~GuardedServer() {
    shut_down();
    ::close(wake_pipe_[0]);
    ::close(wake_pipe_[1]);
}

void GuardedServer::widen_listen_backlog() {
    if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, SOMAXCONN);
}

void GuardedServer::shut_down() {
    if (!stopping_.exchange(true)) (void)!::write(wake_pipe_[1], "x", 1);  // never read: every poll sees it
    if (is_running()) stop();
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
    bool served = false;
    if (open_.fetch_add(1) >= limits_.max_connections) {
        refuse_over_capacity(sock);
    } else {
        const int on = 1;
        ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        Connection connection(sock, limits_, wake_pipe_[0], body_bytes_);
        Serving scope(&connection);
        for (size_t count = 1; count <= limits_.keep_alive_max_requests && !stopping_; ++count) {
            if (!connection.wait_for_request()) break;
            connection.begin_request();
            bool client_closes = false;
            served = process_request(connection, count == limits_.keep_alive_max_requests, client_closes, nullptr);
            if (!served || client_closes || !connection.reusable()) break;
        }
        if (!stopping_) connection.linger_before_close();
    }
    --open_;
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return served;
}

} // namespace tandem::server
