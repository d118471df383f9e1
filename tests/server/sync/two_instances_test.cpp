// Two tandem-servers on one PostgreSQL database, as behind a load balancer: whatever instance a device
// reaches, it gets the same answers. Runs in the suite's PostgreSQL pass (postgres/...); a SQLite file has
// one server.
#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "live_server.h"
#include "tandem/base/dates.h"
#include "tandem/base/ids.h"

namespace tandem::testing {
namespace {

class TwoInstances : public LiveServer {
protected:
    void declare(TestOrg& org) override { add_two_teams(org); }

    void SetUp() override {
        LiveServer::SetUp();
        if (HasFatalFailure()) return;
        if (!test_database->is_postgres()) GTEST_SKIP() << "several instances share a PostgreSQL database only";
        server::ServerOptions options;
        options.database_path = database;
        options.port = 0;
        options.threads = 4;
        try {
            second = std::make_unique<RunningServer>(options);
        } catch (const std::exception& error) {
            FAIL() << "the second instance: " << error.what();
        }
    }

    void TearDown() override {
        second.reset();
        LiveServer::TearDown();
    }

    httplib::Client other() {
        httplib::Client http("127.0.0.1", second->port());
        http.set_connection_timeout(5);
        http.set_read_timeout(30);
        return http;
    }
    httplib::Client instance(int which) { return which == 0 ? client() : other(); }

    Json pull_page(int which, const Session& session, int64_t since, int limit) {
        auto reply = instance(which).Get(
            ("/api/v1/sync/pull?since=" + std::to_string(since) + "&limit=" + std::to_string(limit)).c_str(),
            bearer(session));
        if (!reply || reply->status != 200) return Json();
        return Json::parse(reply->body);
    }

    std::unique_ptr<RunningServer> second;
};

TEST_F(TwoInstances, ASessionWorksOnEitherAndSigningOutOnOneEndsItOnBoth) {
    Session maya = sign_in("manager1@example.test");
    EXPECT_EQ(other().Get("/api/v1/sync/pull?since=0", bearer(maya))->status, 200) << "made on the first";
    EXPECT_EQ(other().Delete("/api/v1/session", bearer(maya))->status, 204);
    EXPECT_EQ(client().Get("/api/v1/sync/pull?since=0", bearer(maya))->status, 401) << "ended on the second";
}

TEST_F(TwoInstances, GuessesCountAcrossInstances) {
    // The pair allows five failures; alternating instances must not give each its own five.
    const std::string wrong = R"({"email":"manager1@example.test","password":"not-it"})";
    int refused = 0;
    for (int attempt = 0; attempt < 8; ++attempt) {
        auto reply = instance(attempt % 2).Post("/api/v1/session", wrong, "application/json");
        ASSERT_TRUE(reply);
        if (reply->status == 429) ++refused;
    }
    EXPECT_GE(refused, 2) << "the sixth failure on either instance waits";
}

TEST_F(TwoInstances, AMoveMadeOnOneDecidesWhatTheOtherLetsManagersRead) {
    Session hr = sign_in("hr@example.test");
    Session maya = sign_in("manager1@example.test"), noah = sign_in("manager2@example.test");
    // The second instance has loaded the organisation (and may have kept it) before the move.
    ASSERT_EQ(other().Get("/api/v1/sync/pull?since=0", bearer(noah))->status, 200);
    const std::string header = "employee_id,name,email,manager_employee_id,department,start_date,exit_date,"
                               "exit_reason,role\n";
    auto moved = client().Post("/api/v1/people/import", bearer(hr),
                               header + "m1r1,Aiko Tanaka,aiko.tanaka@example.test,manager2,,,,,\n", "text/csv");
    ASSERT_EQ(moved->status, 200) << moved->body;
    // A 1:1 Noah writes about Aiko through the second instance is accepted there: she is his report now.
    const std::string aiko = [&] {
        for (const auto& change : pull_all(noah))
            if (change["entity"] == "person" && change["fields"].value("name", "") == "Aiko Tanaka")
                return change["record_id"].get<std::string>();
        return std::string();
    }();
    ASSERT_FALSE(aiko.empty()) << "Noah's pull has Aiko after the move";
    const Json batch{{"device_id", "d1"}, {"changes", Json::array({checkin_change("noah-aiko", new_uuid_v7(wall_millis()), aiko, "first")})}};
    auto by_noah = other().Post("/api/v1/sync/push", bearer(noah), batch.dump(), "application/json");
    ASSERT_EQ(by_noah->status, 200);
    EXPECT_EQ(body_of(by_noah)["results"][0]["status"], "accepted") << by_noah->body;
    // And Maya's through the second instance is refused: she is no longer Aiko's manager.
    const Json late{{"device_id", "d2"}, {"changes", Json::array({checkin_change("maya-aiko", new_uuid_v7(wall_millis()), aiko, "late")})}};
    auto by_maya = other().Post("/api/v1/sync/push", bearer(maya), late.dump(), "application/json");
    ASSERT_EQ(by_maya->status, 200);
    EXPECT_EQ(body_of(by_maya)["results"][0]["status"], "rejected") << by_maya->body;
}

TEST_F(TwoInstances, EveryChangeReachesAPullerExactlyOnceWhateverInstanceItWasPushedToOrPulledFrom) {
    Session maya = sign_in("manager1@example.test");
    const std::string report = first_report_of(maya);
    // Long pushes on one instance and short ones on the other: a short one commits while a long one, whose
    // rows took smaller seqs, is still open. A cursor by seq alone would move past those rows for good.
    struct Pusher {
        int instance, pushes, changes_each;
    };
    const std::vector<Pusher> plan{{0, 6, 120}, {1, 150, 1}, {1, 6, 120}, {0, 150, 1}};
    size_t expected = 0;
    for (const auto& pusher : plan) expected += size_t(pusher.pushes * pusher.changes_each);
    const int kPushers = int(plan.size());
    std::mutex mutex;
    std::set<std::string> acknowledged;
    std::atomic<int> pushers_done{0};
    std::vector<std::thread> pushers;
    for (int pusher = 0; pusher < kPushers; ++pusher)
        pushers.emplace_back([&, pusher] {
            const Pusher& mine = plan[size_t(pusher)];
            for (int push = 0; push < mine.pushes; ++push) {
                Json changes = Json::array();
                for (int i = 0; i < mine.changes_each; ++i) {
                    const std::string id = "p" + std::to_string(pusher) + "-" + std::to_string(push) + "-" +
                                           std::to_string(i);
                    changes.push_back(checkin_change(id, new_uuid_v7(wall_millis()), report, "note " + id));
                }
                auto reply = instance(mine.instance)
                                 .Post("/api/v1/sync/push", bearer(maya),
                                       Json{{"device_id", "pusher-" + std::to_string(pusher)}, {"changes", changes}}.dump(),
                                       "application/json");
                if (!reply || reply->status != 200) continue;
                const Json results = Json::parse(reply->body)["results"];
                std::lock_guard<std::mutex> lock(mutex);
                for (const auto& result : results)
                    if (result["status"] == "accepted") acknowledged.insert(result["id"].get<std::string>());
            }
            ++pushers_done;
        });

    // The puller pages through both instances in turn while the pushes land, small pages so it often stands
    // at the newest row, then reads on until nothing is left.
    std::map<std::string, int> delivered;
    int64_t cursor = 0;
    int page_number = 0;
    auto read_page = [&] {
        const Json page = pull_page(page_number++ % 2, maya, cursor, 7);
        if (page.is_null()) return false;
        for (const auto& change : page["changes"]) ++delivered[change["id"].get<std::string>()];
        cursor = page["cursor"];
        return bool(page["more"]);
    };
    for (int round = 0; round < 100000 && pushers_done < kPushers; ++round) read_page();
    for (auto& thread : pushers) thread.join();
    for (int round = 0; round < 100000 && read_page(); ++round) {
    }

    ASSERT_EQ(acknowledged.size(), expected);
    int missing = 0, twice = 0;
    for (const auto& id : acknowledged) {
        const auto found = delivered.find(id);
        if (found == delivered.end()) ++missing;
        else if (found->second != 1) ++twice;
    }
    EXPECT_EQ(missing, 0) << "acknowledged changes the puller never got";
    EXPECT_EQ(twice, 0) << "changes the puller got more than once";
}

TEST_F(TwoInstances, EachInstancesFiguresFollowWritesMadeThroughTheOther) {
    Session hr = sign_in("hr@example.test"), maya = sign_in("manager1@example.test");
    const std::string today = iso_from_millis(wall_millis());
    const std::string teams = "/api/v1/analytics/teams?from=" + add_days(today, -30) + "&to=" + today;
    auto checkins_of_maya = [&] {
        auto reply = other().Get(teams.c_str(), bearer(hr));
        EXPECT_EQ(reply->status, 200) << reply->body;
        const Json body = body_of(reply);
        for (const auto& row : body["teams"])
            if (row["manager_id"] == maya.user_id) return row["checkins"].get<int>();
        ADD_FAILURE() << "no row for Maya's team";
        return -1;
    };
    const int before = checkins_of_maya();  // the second instance has folded the log once
    const std::string report = first_report_of(maya);
    Json changes = Json::array();
    for (int i = 0; i < 2; ++i) {
        Json change = checkin_change("fig-" + std::to_string(i), new_uuid_v7(wall_millis()), report, "held");
        change["fields"]["held_on"] = add_days(today, -1 - i);
        changes.push_back(change);
    }
    auto pushed = client().Post("/api/v1/sync/push", bearer(maya),
                                Json{{"device_id", "d1"}, {"changes", changes}}.dump(), "application/json");
    ASSERT_EQ(pushed->status, 200);
    EXPECT_EQ(checkins_of_maya(), before + 2) << "pushed through the first, counted by the second";
}

TEST_F(TwoInstances, APushRetriedThroughTheOtherInstanceIsADuplicate) {
    Session maya = sign_in("manager1@example.test");
    const Json batch{{"device_id", "d1"}, {"changes", Json::array({checkin_change("retry-1", new_uuid_v7(wall_millis()),
                                                             first_report_of(maya), "once")})}};
    auto first = client().Post("/api/v1/sync/push", bearer(maya), batch.dump(), "application/json");
    ASSERT_EQ(first->status, 200);
    EXPECT_EQ(body_of(first)["results"][0]["status"], "accepted");
    auto again = other().Post("/api/v1/sync/push", bearer(maya), batch.dump(), "application/json");
    ASSERT_EQ(again->status, 200);
    EXPECT_EQ(body_of(again)["results"][0]["status"], "duplicate");
}

}  // namespace
}  // namespace tandem::testing
