// The HTTP API of docs/api.md, checked from outside as any client would see it.
#include <set>

#include "live_server.h"
#include "tandem/base/ids.h"
#include "support/sealed_sample.h"

namespace tandem::testing {
namespace {

class ApiTest : public LiveServer {
protected:
    // Two teams, and one 1:1 of Maya's written before the test, so scoping covers what devices did not push.
    void declare(TestOrg& org) override {
        add_two_teams(org);
        const std::string checkin = org.write("manager1", "checkin",
                                              {{"report_id", org.id("m1r1")}, {"held_on", org.days_ago(20)},
                                               {"shared_notes", "Workload during the migration."}});
        org.write("manager1", "action_item",
                  {{"checkin_id", checkin}, {"text", "Pair Aiko with Dev"}, {"owner_id", org.id("manager1")},
                   {"due_on", org.days_ago(13)}, {"done", false}});
    }
};

Json error_of(const httplib::Result& reply) { return Json::parse(reply->body)["error"]; }

TEST_F(ApiTest, HealthNeedsNoSignIn) {
    auto reply = client().Get("/healthz");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(Json::parse(reply->body), (Json{{"status", "ok"}}));
}

TEST_F(ApiTest, SignInReturnsATokenAndTheUsersOwnPersonRecord) {
    auto reply = client().Post("/api/v1/session",
                               Json{{"email", "Manager1@example.test"}, {"password", kTestPassword}}.dump(),
                               "application/json");
    ASSERT_EQ(reply->status, 200);
    auto body = Json::parse(reply->body);
    EXPECT_EQ(body["user"]["role"], "manager");
    EXPECT_EQ(body["user"]["name"], "Maya Chen");
    EXPECT_TRUE(is_uuid(body["user"]["id"].get<std::string>()));
    EXPECT_GE(body["token"].get<std::string>().size(), 32u);
}

TEST_F(ApiTest, WrongPasswordAndUnknownEmailGetTheSameAnswer) {
    auto wrong = client().Post("/api/v1/session", R"({"email":"manager1@example.test","password":"nope"})",
                               "application/json");
    auto unknown = client().Post("/api/v1/session",
                                 Json{{"email", "nobody@example.test"}, {"password", kTestPassword}}.dump(),
                                 "application/json");
    EXPECT_EQ(wrong->status, 401);
    EXPECT_EQ(unknown->status, 401);
    EXPECT_EQ(wrong->body, unknown->body);
    EXPECT_EQ(error_of(wrong)["code"], "invalid_credentials");
}

TEST_F(ApiTest, RepeatedFailuresForOneAddressAreRateLimited) {
    int last_status = 0;
    for (int attempt = 0; attempt < 11; ++attempt)
        last_status = client()
                          .Post("/api/v1/session", R"({"email":"mentor@example.test","password":"guess"})",
                                "application/json")
                          ->status;
    EXPECT_EQ(last_status, 429);
    // Another account is unaffected.
    EXPECT_EQ(sign_in("manager2@example.test").token.size(), 64u);
}

TEST_F(ApiTest, EveryApiCallNeedsAValidToken) {
    EXPECT_EQ(client().Get("/api/v1/sync/pull")->status, 401);
    auto bad = client().Get("/api/v1/sync/pull", {{"Authorization", "Bearer " + std::string(64, 'a')}});
    EXPECT_EQ(bad->status, 401);
    EXPECT_EQ(error_of(bad)["code"], "unauthenticated");
    auto push_without = client().Post("/api/v1/sync/push", R"({"device_id":"d","changes":[]})", "application/json");
    EXPECT_EQ(push_without->status, 401);
}

TEST_F(ApiTest, SigningOutEndsTheSession) {
    Session session = sign_in("manager1@example.test");
    EXPECT_EQ(pull(session, 0)->status, 200);
    EXPECT_EQ(client().Delete("/api/v1/session", bearer(session))->status, 204);
    EXPECT_EQ(pull(session, 0)->status, 401);
}

TEST_F(ApiTest, APushedCheckInComesBackOnPullWithItsSeq) {
    Session manager = sign_in("manager1@example.test");
    std::string report = first_report_of(manager);
    std::string record = new_uuid_v7(wall_millis());
    auto reply = push(manager, Json{{"device_id", "laptop-1"},
                                    {"changes", {checkin_change("c-1", record, report, "Talked about goals 🎯")}}});
    ASSERT_EQ(reply->status, 200) << reply->body;
    EXPECT_EQ(Json::parse(reply->body)["results"][0]["status"], "accepted");

    std::vector<Json> checkins;
    for (auto& change : pull_all(manager))
        if (change["entity"] == "checkin" && change["device_id"] != "server") checkins.push_back(change);
    ASSERT_EQ(checkins.size(), 1u);
    EXPECT_EQ(checkins[0]["record_id"], record);
    EXPECT_EQ(checkins[0]["device_id"], "laptop-1");
    EXPECT_EQ(checkins[0]["fields"]["shared_notes"], "Talked about goals 🎯");
    EXPECT_GT(checkins[0]["seq"].get<int64_t>(), 0);
}

TEST_F(ApiTest, ADuplicatePushIsAcknowledgedButNotAppliedAgain) {
    Session manager = sign_in("manager1@example.test");
    std::string report = first_report_of(manager);
    std::string record = new_uuid_v7(wall_millis());
    Json batch{{"device_id", "d1"}, {"changes", {checkin_change("dup-1", record, report, "first")}}};
    EXPECT_EQ(Json::parse(push(manager, batch)->body)["results"][0]["status"], "accepted");
    // Same id, different content: still a duplicate, and the content is not taken.
    batch["changes"][0]["fields"]["shared_notes"] = "second";
    EXPECT_EQ(Json::parse(push(manager, batch)->body)["results"][0]["status"], "duplicate");
    int count = 0;
    for (auto& change : pull_all(manager))
        if (change["entity"] == "checkin" && change["device_id"] == "d1") {
            ++count;
            EXPECT_EQ(change["fields"]["shared_notes"], "first");
        }
    EXPECT_EQ(count, 1);
}

TEST_F(ApiTest, AForbiddenChangeIsRejectedWhileTheRestOfTheBatchIsAccepted) {
    Session manager1 = sign_in("manager1@example.test"), manager2 = sign_in("manager2@example.test");
    std::string own_report = first_report_of(manager1), other_report = first_report_of(manager2);
    Json person_edit{{"id", "p-1"}, {"entity", "person"}, {"record_id", own_report},
                     {"hlc", Hlc{wall_millis(), 0}.to_string()}, {"fields", {{"name", "Renamed"}}}};
    auto reply = push(manager1, Json{{"device_id", "d1"},
                                     {"changes",
                                      {checkin_change("ok-1", new_uuid_v7(wall_millis()), own_report, "fine"),
                                       checkin_change("no-1", new_uuid_v7(wall_millis()), other_report, "not mine"),
                                       person_edit,
                                       checkin_change("ok-2", new_uuid_v7(wall_millis()), own_report, "fine too")}}});
    ASSERT_EQ(reply->status, 200);
    auto results = Json::parse(reply->body)["results"];
    ASSERT_EQ(results.size(), 4u);
    EXPECT_EQ(results[0]["status"], "accepted");
    EXPECT_EQ(results[1]["status"], "rejected");
    EXPECT_EQ(results[1]["error"]["code"], "forbidden");
    EXPECT_EQ(results[2]["error"]["code"], "forbidden");
    EXPECT_EQ(results[3]["status"], "accepted");
    EXPECT_EQ(results[1]["id"], "no-1");
}

TEST_F(ApiTest, PullIsScopedToEachManagersTeam) {
    Session manager1 = sign_in("manager1@example.test"), manager2 = sign_in("manager2@example.test");
    Session hr = sign_in("hr@example.test");
    std::string report = first_report_of(manager1);
    std::string checkin = new_uuid_v7(wall_millis());
    Json note{{"id", "n-1"}, {"entity", "private_note"}, {"record_id", new_uuid_v7(wall_millis())},
              {"hlc", Hlc{wall_millis(), 1}.to_string()},
              {"fields", {{"checkin_id", checkin}, {"text", testing::sealed_sample("mine")}}}};
    push(manager1, Json{{"device_id", "d1"}, {"changes", {checkin_change("s-1", checkin, report, "x"), note}}});

    // Counts what each session pulls, leaving out the 1:1 the organisation was declared with.
    auto entities_seen_by = [&](const Session& session) {
        std::multiset<std::string> seen;
        for (auto& change : pull_all(session, 3))
            if (change["entity"] == "person" || change["device_id"] != "server")
                seen.insert(change["entity"].get<std::string>());
        return seen;
    };
    auto seen1 = entities_seen_by(manager1), seen2 = entities_seen_by(manager2), seen_hr = entities_seen_by(hr);
    EXPECT_EQ(seen1.count("checkin"), 1u);
    EXPECT_EQ(seen1.count("private_note"), 1u);
    EXPECT_EQ(seen1.count("person"), 5u);  // self and four reports
    EXPECT_EQ(seen2.count("checkin"), 0u);
    EXPECT_EQ(seen2.count("private_note"), 0u);
    EXPECT_EQ(seen2.count("person"), 4u);  // self and three reports
    EXPECT_EQ(seen_hr.count("checkin"), 0u);
    EXPECT_EQ(seen_hr.count("private_note"), 0u);
    EXPECT_EQ(seen_hr.count("person"), 12u) << "everyone in the organisation";
    // No check-in or action item of manager1's, declared or pushed, leaks.
    std::set<std::string> of_manager1;
    for (auto& change : pull_all(manager1))
        if (change["entity"] == "checkin" || change["entity"] == "action_item") of_manager1.insert(change["record_id"]);
    ASSERT_FALSE(of_manager1.empty());
    for (const Session* outsider : {&manager2, &hr})
        for (auto& change : pull_all(*outsider)) {
            EXPECT_EQ(of_manager1.count(change["record_id"]), 0u) << change;
            if (outsider == &hr) EXPECT_NE(change["entity"], "checkin") << "HR reads no 1:1 at all";
        }
    for (auto& change : pull_all(manager2))
        EXPECT_NE(change["record_id"], report) << "manager2 must not see manager1's report";
}

TEST_F(ApiTest, MalformedJsonGetsACleanError) {
    Session manager = sign_in("manager1@example.test");
    auto reply = client().Post("/api/v1/sync/push", bearer(manager), "{\"device_id\": \"d\", \"changes\": [",
                               "application/json");
    EXPECT_EQ(reply->status, 400);
    EXPECT_EQ(error_of(reply)["code"], "malformed_json");
    auto missing = push(manager, Json{{"changes", Json::array()}});
    EXPECT_EQ(missing->status, 400);
    EXPECT_EQ(error_of(missing)["code"], "invalid_request");
}

TEST_F(ApiTest, AnOversizedBodyGets413AsJson) {
    Session manager = sign_in("manager1@example.test");
    std::string huge(9 * 1024 * 1024, ' ');
    auto reply = client().Post("/api/v1/sync/push", bearer(manager), huge, "application/json");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 413);
    EXPECT_EQ(error_of(reply)["code"], "payload_too_large");
}

TEST_F(ApiTest, BadPullParametersAreRefusedAndLimitIsClamped) {
    Session manager = sign_in("manager1@example.test");
    auto bad = client().Get("/api/v1/sync/pull?since=-1", bearer(manager));
    EXPECT_EQ(bad->status, 400);
    EXPECT_EQ(error_of(bad)["code"], "invalid_parameter");
    EXPECT_EQ(client().Get("/api/v1/sync/pull?limit=abc", bearer(manager))->status, 400);
    auto one = Json::parse(pull(manager, 0, 0)->body);  // clamped up to 1
    EXPECT_EQ(one["changes"].size(), 1u);
    EXPECT_TRUE(one["more"]);
}

// A device catching up shows its progress as (cursor - start) / (head - start): head is where the last page of
// the catch-up will end, and moves on when someone writes.
TEST_F(ApiTest, APullSaysWhereTheLogEndsSoACatchUpCanShowItsProgress) {
    Session manager = sign_in("manager1@example.test");
    Json first = Json::parse(pull(manager, 0, 1)->body);
    ASSERT_TRUE(first["more"]);
    const int64_t head = first["head"];
    EXPECT_GT(head, first["cursor"].get<int64_t>());
    int64_t cursor = 0;
    for (int pages = 0; pages < 1000; ++pages) {  // to the end of what this manager may read
        Json page = Json::parse(pull(manager, cursor, 1000)->body);
        EXPECT_GE(page["head"].get<int64_t>(), page["cursor"].get<int64_t>());
        cursor = page["cursor"];
        if (!page["more"]) break;
    }
    EXPECT_LE(cursor, head);
    push(manager, Json{{"device_id", "d"},
                       {"changes", {checkin_change("h-1", new_uuid_v7(wall_millis()), first_report_of(manager), "x")}}});
    Json after = Json::parse(pull(manager, cursor, 1000)->body);
    EXPECT_GT(after["head"].get<int64_t>(), head);
    EXPECT_EQ(after["cursor"], after["head"]);  // the manager's own change ends the log
}

TEST_F(ApiTest, InvalidChangesAreRejectedWithReasons) {
    Session manager = sign_in("manager1@example.test");
    std::string report = first_report_of(manager);
    Json bad_date = checkin_change("v-1", new_uuid_v7(wall_millis()), report, "x");
    bad_date["fields"]["held_on"] = "yesterday";
    Json unknown_field = checkin_change("v-2", new_uuid_v7(wall_millis()), report, "x");
    unknown_field["fields"]["salary"] = 100000;
    Json future = checkin_change("v-3", new_uuid_v7(wall_millis()), report, "x");
    future["hlc"] = Hlc{wall_millis() + 25ull * 3600 * 1000, 0}.to_string();
    auto results = Json::parse(push(manager, Json{{"device_id", "d"}, {"changes", {bad_date, unknown_field, future}}})
                                   ->body)["results"];
    EXPECT_EQ(results[0]["error"]["code"], "invalid_change");
    EXPECT_EQ(results[1]["error"]["code"], "invalid_change");
    EXPECT_EQ(results[2]["error"]["code"], "invalid_hlc");
    EXPECT_FALSE(results[0]["error"]["message"].get<std::string>().empty());
}

TEST_F(ApiTest, UnknownAddressesAnswerJson404) {
    auto reply = client().Get("/api/v1/nothing");
    EXPECT_EQ(reply->status, 404);
    EXPECT_EQ(error_of(reply)["code"], "not_found");
}

TEST_F(ApiTest, ConcurrentPushesFromManyDevicesAreAllKept) {
    Session manager = sign_in("manager1@example.test");
    std::string report = first_report_of(manager);
    std::vector<std::thread> devices;
    std::atomic<int> accepted{0};
    for (int d = 0; d < 6; ++d)
        devices.emplace_back([&, d] {
            for (int batch = 0; batch < 5; ++batch) {
                Json changes = Json::array();
                for (int i = 0; i < 20; ++i)
                    changes.push_back(checkin_change("d" + std::to_string(d) + "-" + std::to_string(batch) + "-" +
                                                         std::to_string(i),
                                                     new_uuid_v7(wall_millis()), report, "load"));
                auto reply = push(manager, Json{{"device_id", "dev" + std::to_string(d)}, {"changes", changes}});
                ASSERT_TRUE(reply);
                ASSERT_EQ(reply->status, 200) << reply->body;
                const Json answer = Json::parse(reply->body);
                for (const auto& r : answer["results"]) {
                    EXPECT_EQ(r["status"], "accepted") << r.dump();
                    accepted += r["status"] == "accepted";
                }
            }
        });
    for (auto& t : devices) t.join();
    EXPECT_EQ(accepted.load(), 600);
    int checkins = 0;
    for (auto& change : pull_all(manager, 1000))
        checkins += change["entity"] == "checkin" && change["device_id"] != "server";
    EXPECT_EQ(checkins, 600);
}

}  // namespace
}  // namespace tandem::testing
