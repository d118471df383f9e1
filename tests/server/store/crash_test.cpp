// Kill -9 the real server binary while devices push; after a restart every acknowledged change is there.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <set>

#include "live_server.h"
#include "support/server_process.h"
#include "tandem/base/ids.h"

namespace tandem::testing {
namespace {

TEST(CrashTest, EveryAcknowledgedPushSurvivesKillNine) {
    ASSERT_GE(sodium_init(), 0);
    TempDir dir;
    TestDatabase test_database(dir);
    const std::string database = test_database.locator();
    {
        // A manager who pushes 1:1s about her report.
        TestOrg org(database);
        org.person("manager1", "Maya Chen", "manager1@example.test", Role::Manager);
        org.person("m1r1", "Aiko Tanaka", "aiko.tanaka@example.test", Role::Employee, "manager1");
        org.account("manager1");
    }

    auto sign_in = [](int port) {
        httplib::Client http("127.0.0.1", port);
        auto reply = http.Post("/api/v1/session",
                               Json{{"email", "manager1@example.test"}, {"password", kTestPassword}}.dump(),
                               "application/json");
        return reply && reply->status == 200 ? Json::parse(reply->body) : Json();
    };

    std::set<std::string> acknowledged;
    {
        ServerProcess server(TANDEM_SERVER_BINARY, database);
        ASSERT_GT(server.port, 0);
        Json session = sign_in(server.port);
        ASSERT_TRUE(session.is_object());
        const std::string token = session["token"];
        httplib::Client http("127.0.0.1", server.port);
        auto people = Json::parse(http.Get("/api/v1/sync/pull?limit=1000", {{"Authorization", "Bearer " + token}})->body);
        std::string report;
        for (auto& change : people["changes"])
            if (change["entity"] == "person" && change["fields"]["manager_id"] == session["user"]["id"])
                report = change["record_id"];

        std::atomic<bool> stop{false};
        std::atomic<int> batches_acknowledged{0};
        std::thread pusher([&] {
            httplib::Client client("127.0.0.1", server.port);
            client.set_read_timeout(2);
            for (int batch = 0; batch < 2000 && !stop; ++batch) {
                Json changes = Json::array();
                for (int i = 0; i < 50; ++i)
                    changes.push_back(checkin_change("k" + std::to_string(batch) + "-" + std::to_string(i),
                                                     new_uuid_v7(wall_millis()), report, "before the crash"));
                auto reply = client.Post("/api/v1/sync/push", {{"Authorization", "Bearer " + token}},
                                         Json{{"device_id", "crash-device"}, {"changes", changes}}.dump(),
                                         "application/json");
                if (!reply || reply->status != 200) break;
                const Json answer = Json::parse(reply->body);
                for (const auto& result : answer["results"])
                    if (result["status"] == "accepted") acknowledged.insert(result["id"].get<std::string>());
                batches_acknowledged = batch + 1;
            }
        });
        // Killed while the pusher is mid-load: after its first acknowledged batch (a fixed delay was too short
        // for a sanitizer build on a loaded machine), bounded so a dead server still ends the test.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (batches_acknowledged < 2 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        server.kill_hard();
        stop = true;
        pusher.join();
    }
    ASSERT_GT(acknowledged.size(), 0u) << "nothing was pushed before the kill";

    ServerProcess restarted(TANDEM_SERVER_BINARY, database);
    ASSERT_GT(restarted.port, 0) << "server did not come back after the crash";
    Json session = sign_in(restarted.port);
    httplib::Client http("127.0.0.1", restarted.port);
    std::set<std::string> present;
    int64_t since = 0;
    for (int page = 0; page < 10000; ++page) {
        auto reply = http.Get(("/api/v1/sync/pull?limit=1000&since=" + std::to_string(since)).c_str(),
                              {{"Authorization", "Bearer " + session["token"].get<std::string>()}});
        ASSERT_EQ(reply->status, 200);
        auto body = Json::parse(reply->body);
        for (auto& change : body["changes"]) present.insert(change["id"].get<std::string>());
        since = body["cursor"];
        if (!body["more"]) break;
    }
    for (const auto& id : acknowledged) ASSERT_TRUE(present.count(id)) << "acknowledged change " << id << " was lost";
}

}  // namespace
}  // namespace tandem::testing
