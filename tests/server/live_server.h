#pragma once
// A real Tandem server for a test: a database (test_database.h) holding the organisation the test declares
// (test_org.h), listening on 127.0.0.1 at a free port, serving on its own thread; stopped and joined when the
// test ends.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sodium.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <memory>
#include <thread>

#include "demo/demo_org.h"
#include "tandem_server.h"
#include "store/server_store.h"
#include "support/running_server.h"
#include "support/temp_dir.h"
#include "test_database.h"
#include "test_org.h"
#include "tandem/sync/replica.h"

namespace tandem::testing {

struct Session {
    std::string token;
    std::string user_id;
};

class LiveServer : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        test_database = std::make_unique<TestDatabase>(dir);
        database = test_database->locator();
        make_database();
        if (HasFatalFailure()) return;
        start();
    }

    // What the fixture's tests start from: nobody, unless the fixture declares people and records.
    virtual void declare(TestOrg&) {}

    // A fresh database holding what `declare` adds; the builder closes it before the server opens it.
    virtual void make_database() {
        TestOrg org(database);
        declare(org);
    }

    void TearDown() override {
        shut_down();
        test_database.reset();
    }

    void start(size_t max_body = 8 * 1024 * 1024, const std::string& web_dir = "") {
        server::ServerOptions options;
        options.web_dir = web_dir;
        options.database_path = database;
        options.port = 0;
        options.threads = 4;
        options.max_body_bytes = max_body;
        if (configure) configure(options);
        try {
            running = std::make_unique<RunningServer>(options);
        } catch (const std::exception& error) {
            FAIL() << error.what();
        }
        server = &running->server();
        port = running->port();
    }

    void shut_down() {
        running.reset();
        server = nullptr;
    }

    httplib::Client client() {
        httplib::Client http("127.0.0.1", port);
        http.set_connection_timeout(5);
        http.set_read_timeout(60);  // a loaded machine (the PostgreSQL pass beside other tests) is slow, not wrong
        return http;
    }

    Session sign_in(const std::string& email) {
        auto reply = client().Post("/api/v1/session",
                                   Json{{"email", email}, {"password", password}}.dump(),
                                   "application/json");
        EXPECT_TRUE(reply);
        EXPECT_EQ(reply->status, 200) << reply->body;
        auto body = Json::parse(reply->body);
        return Session{body["token"], body["user"]["id"]};
    }

    static httplib::Headers bearer(const Session& session) {
        return {{"Authorization", "Bearer " + session.token}};
    }

    httplib::Result push(const Session& session, const Json& body) {
        return client().Post("/api/v1/sync/push", bearer(session), body.dump(), "application/json");
    }

    httplib::Result pull(const Session& session, int64_t since, int limit = 500) {
        return client().Get(("/api/v1/sync/pull?since=" + std::to_string(since) + "&limit=" + std::to_string(limit))
                                .c_str(),
                            bearer(session));
    }

    // Everything this session may see, pulled page by page through the cursor.
    std::vector<Json> pull_all(const Session& session, int limit = 500) {
        std::vector<Json> changes;
        int64_t since = 0;
        for (int page = 0; page < 10000; ++page) {
            auto reply = pull(session, since, limit);
            EXPECT_EQ(reply->status, 200);
            auto body = Json::parse(reply->body);
            for (auto& change : body["changes"]) changes.push_back(change);
            since = body["cursor"];
            if (!body["more"]) break;
        }
        return changes;
    }

    // One device's sync round over HTTP, exactly as the client's platform layer does it.
    void sync(Replica& device, const Session& session) {
        while (auto body = device.next_push()) {
            auto reply = push(session, *body);
            ASSERT_EQ(reply->status, 200) << reply->body;
            device.apply_push_results(Json::parse(reply->body));
            if (device.store().outbox_pending() == 0) break;
        }
        for (bool more = true; more;) {
            auto reply = pull(session, device.cursor());
            ASSERT_EQ(reply->status, 200);
            more = device.apply_pull(Json::parse(reply->body));
        }
    }

    // A report of the signed-in manager, found through what the server lets them pull.
    std::string first_report_of(const Session& manager) {
        for (const auto& change : pull_all(manager))
            if (change["entity"] == "person" && change["fields"]["manager_id"] == manager.user_id)
                return change["record_id"];
        ADD_FAILURE() << "manager has no reports";
        return "";
    }

    // Every byte of the database's files (SQLite's write-ahead log included; PostgreSQL's base/ folder of this
    // database): what "no byte left" is checked against.
    std::string raw_database_bytes() { return test_database->raw_bytes(); }

    // A connection of the test's own to the server's database, beside the server's.
    std::unique_ptr<Store> open_store() { return server::open_server_store(database); }

    // What every account of the organisation signs in with.
    std::string password = kTestPassword;
    // Set before start() to change the server's options (connection limits, say).
    std::function<void(server::ServerOptions&)> configure;
    TempDir dir;
    std::unique_ptr<TestDatabase> test_database;
    std::string database;  // a SQLite file or a PostgreSQL URL
    std::unique_ptr<RunningServer> running;
    server::TandemServer* server = nullptr;  // running's, while it runs
    int port = 0;
};

// For tests whose subject is the demo organisation itself, not an organisation they declare.
class DemoServer : public LiveServer {
protected:
    void make_database() override {
        ASSERT_EQ(server::create_demo_database(database, KeyCost::minimum()), "");
        password = server::kDemoPassword;
    }
};

inline uint64_t wall_millis() {
    return uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count());
}

// A response body as JSON (held by the caller: a range-for over a temporary's member would dangle).
inline Json body_of(const httplib::Result& reply) { return Json::parse(reply->body); }

// One change as a device pushes it, stamped now.
inline Json pushed_change(const std::string& id, const std::string& entity, const std::string& record_id, Json fields) {
    return Json{{"id", id}, {"entity", entity}, {"record_id", record_id}, {"hlc", Hlc{wall_millis(), 1}.to_string()},
                {"fields", std::move(fields)}};
}

inline Json checkin_change(const std::string& id, const std::string& record_id, const std::string& report_id,
                           const std::string& notes) {
    return Json{{"id", id},
                {"entity", "checkin"},
                {"record_id", record_id},
                {"hlc", Hlc{wall_millis(), 0}.to_string()},
                {"fields", {{"report_id", report_id}, {"held_on", "2026-11-23"}, {"shared_notes", notes}}},
                {"deleted", false}};
}

} // namespace tandem::testing
