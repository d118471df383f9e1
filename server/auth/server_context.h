#pragma once
// What every domain's routes share: the options, the databases, accounts and password hashing, and the org
// chart. A domain's routes get this rather than the whole server, and keep their own state themselves (the
// analytics index, the answer links' rate limits, the sign-in throttle).
#include <memory>
#include <mutex>
#include <string>

#include "auth/accounts.h"
#include "auth/password_hasher.h"
#include "http/http_connections.h"
#include "store/databases.h"
#include "store/shared_counters.h"
#include "tandem/sync/org_chart.h"

namespace tandem::server {

struct ServerOptions {
    std::string database_path;  // a SQLite file or a PostgreSQL URL (store/server_store.h)
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string web_dir;  // the built web client; empty serves the API only
    size_t max_body_bytes = 8 * 1024 * 1024;
    int threads = 16;  // database readers, and connection workers kept warm
    int session_days = 30;
    ConnectionLimits connections;
    size_t hashing_threads = PasswordHasher::default_threads();
    // Folded changes between two saves of the analytics ledger's snapshot. Each save writes the whole ledger
    // (about 40 bytes a record: 50 MB at 1.2 million records), and a restart refolds at most this many
    // changes (2 to 3 s), so 200,000 trades a few seconds of start-up for writes that stay rare. 0: never.
    int64_t analytics_snapshot_every = 200000;
};

struct ServerContext {
    explicit ServerContext(ServerOptions server_options);

    ServerOptions options;
    Databases databases;
    // Sign-in and rate-limit counters shared by every instance on a PostgreSQL database; null on SQLite,
    // where one process counts in memory.
    std::unique_ptr<SharedCounters> shared_counters;
    Accounts accounts;
    PasswordHasher hasher;

    // The reporting lines as of the last write that could move someone: routes that change people call
    // reload_org_chart() after their write.
    std::shared_ptr<const OrgChart> org_chart();
    void reload_org_chart();

private:
    std::mutex org_mutex_;
    std::shared_ptr<const OrgChart> org_;
    int64_t org_covers_ = 0;  // the newest person change the chart holds
};

// Builds the reporting lines from the person records in `store`.
OrgChart load_org_chart(Store& store);

} // namespace tandem::server
