#pragma once
// Raw TCP connections to a server on loopback, for the requests an attacker sends and no HTTP library
// would: trickled headers, thousands of header lines, endless chunked bodies, a chosen source address.
// Used by the server tests and the attack benchmark; every wait is bounded.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace tandem::testing {

class RawConnection {
public:
    // `source` picks the client's address (any 127.x.y.z reaches a server on 127.0.0.1 under Linux).
    explicit RawConnection(int port, const char* source = nullptr) {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd_ < 0) return;
        if (source) {
            sockaddr_in local{};
            local.sin_family = AF_INET;
            inet_pton(AF_INET, source, &local.sin_addr);
            if (::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
                close_now();
                return;
            }
        }
        sockaddr_in server{};
        server.sin_family = AF_INET;
        server.sin_port = htons(uint16_t(port));
        inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) close_now();
    }
    RawConnection(RawConnection&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;
    ~RawConnection() { close_now(); }

    bool open() const { return fd_ >= 0; }

    // Close with a reset rather than a FIN: a load generator opening thousands of connections would otherwise
    // run out of ports to TIME_WAIT and measure its own stalls.
    void reset_on_close() {
        const linger abort{1, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
    }

    // Sends everything, giving up when the peer stops reading for `timeout` or closes.
    bool send_all(std::string_view data, std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
        while (!data.empty()) {
            if (!wait(POLLOUT, timeout)) return false;
            const ssize_t sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
            if (sent <= 0) return false;
            data.remove_prefix(size_t(sent));
        }
        return true;
    }

    // One response: the head and as many body bytes as Content-Length says (or up to the close).
    std::string read_response(std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
        std::string in;
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            const size_t head_end = in.find("\r\n\r\n");
            if (head_end != std::string::npos) {
                const size_t length = header_number(in.substr(0, head_end), "content-length");
                if (in.size() >= head_end + 4 + length) return in;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0 || !wait(POLLIN, left)) return in;
            char buffer[16 * 1024];
            const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
            if (got <= 0) return in;
            in.append(buffer, size_t(got));
        }
    }

    // True when the server closed the connection within `timeout` (any bytes it sent first are skipped).
    bool closed_by_server(std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0 || !wait(POLLIN, left)) return false;
            char buffer[4096];
            if (::recv(fd_, buffer, sizeof buffer, 0) <= 0) return true;
        }
    }

    static int status_of(const std::string& response) {
        if (response.compare(0, 9, "HTTP/1.1 ") != 0 || response.size() < 12) return 0;
        return std::atoi(response.c_str() + 9);
    }
    static size_t header_number(const std::string& head, const std::string& lower_name) {
        std::string lower = head;
        for (auto& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
        const size_t at = lower.find("\r\n" + lower_name + ":");
        return at == std::string::npos ? 0 : size_t(std::strtoull(head.c_str() + at + lower_name.size() + 3, nullptr, 10));
    }
    static std::string body_of(const std::string& response) {
        const size_t head_end = response.find("\r\n\r\n");
        return head_end == std::string::npos ? "" : response.substr(head_end + 4);
    }

private:
    bool wait(short events, std::chrono::milliseconds timeout) {
        pollfd fd{fd_, events, 0};
        return fd_ >= 0 && ::poll(&fd, 1, int(timeout.count())) > 0;
    }
    void close_now() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    int fd_ = -1;
};

// A POST as one string, for send_all.
inline std::string raw_post(const std::string& path, const std::string& body, const std::string& extra_headers = "") {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n" + extra_headers + "\r\n" + body;
}

} // namespace tandem::testing
