#pragma once
// A tandem-server on 127.0.0.1 at a free port, serving on its own thread: ready once constructed (it has
// answered /healthz; throws if it did not within about two seconds), stopped and joined when destroyed.
#include <httplib.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <thread>

#include "tandem_server.h"

namespace tandem::testing {

class RunningServer {
public:
    explicit RunningServer(server::ServerOptions options) : server_(std::make_unique<server::TandemServer>(options)) {
        port_ = server_->bind();
        if (port_ <= 0) throw std::runtime_error("the server could not bind a port");
        thread_ = std::thread([this] { server_->run(); });
        // httplib 0.11 has no wait_until_ready(): poll /healthz, bounded.
        httplib::Client http("127.0.0.1", port_);
        for (int attempt = 0; attempt < 200; ++attempt) {
            if (auto reply = http.Get("/healthz"); reply && reply->status == 200) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        stop();
        throw std::runtime_error("the server did not become ready");
    }
    ~RunningServer() { stop(); }
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    int port() const { return port_; }
    server::TandemServer& server() { return *server_; }

private:
    void stop() {
        server_->stop();
        if (thread_.joinable()) thread_.join();
    }

    std::unique_ptr<server::TandemServer> server_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace tandem::testing
