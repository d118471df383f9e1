#pragma once
// The sync server: HTTP routes (api.md) over the core's SyncService. Routes only translate between HTTP and
// core calls; who may do what is decided in shared/tandem/policy.
#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>

#include "accounts.h"
#include "databases.h"
#include "tandem/org_chart.h"

namespace tandem::server {

struct ServerOptions {
    std::string database_path;
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string web_dir;  // the built web client; empty serves the API only
    size_t max_body_bytes = 8 * 1024 * 1024;
    int threads = 16;
    int session_days = 30;
};

class TandemServer {
public:
    explicit TandemServer(ServerOptions options);
    ~TandemServer();

    int bind();         // binds the listening socket; returns the port (useful with port 0)
    bool run();         // serves until stop(); returns false if the socket failed
    void stop();

private:
    void add_routes();
    std::shared_ptr<const OrgChart> org_chart();
    void reload_org_chart();

    ServerOptions options_;
    Databases databases_;
    Accounts accounts_;
    httplib::Server http_;
    std::mutex org_mutex_;
    std::shared_ptr<const OrgChart> org_;
};

// Builds the reporting lines from the person records in `store`.
OrgChart load_org_chart(Store& store);

} // namespace tandem::server
