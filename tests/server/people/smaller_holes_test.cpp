// The smaller holes of the outside review, through the real HTTP API and the database bytes: a copied
// facilitator name left behind by erasure, work still owned by an erased person, an imported name that a
// spreadsheet would run as a formula, and threshold changes of a survey that went unaudited.
#include "live_server.h"
#include "tandem/base/dates.h"
#include "tandem/base/ids.h"
#include "tandem/partnership/agreements.h"

namespace tandem::testing {
namespace {

class SmallerHoles : public LiveServer {
protected:
    Session hr, maya;
    // The two teams, an organisation-wide survey Maya can act on and an agreement of hers to sign.
    void declare(TestOrg& org) override {
        add_two_teams(org);
        org.write("hr", "survey", {{"title", "Quarterly pulse"}, {"audience", "org"}, {"status", "open"},
                                   {"min_group_size", 3}, {"min_comment_group_size", 3},
                                   {"opens_on", org.days_ago(7)}, {"closes_on", org.days_ago(-14)}});
        const std::string agreement =
            org.write("hr", "agreement", {{"manager_id", org.id("manager1")}, {"title", "Manager agreement 2026"}});
        org.write("hr", "agreement_version",
                  {{"agreement_id", agreement}, {"author_id", org.id("hr")}, {"number", 1},
                   {"commitments", commitments_json({{"cadence", "Hold a 1:1 with every report at least fortnightly",
                                                      metric::kCheckinCadence, 100}})}});
    }
    void SetUp() override {
        LiveServer::SetUp();
        hr = sign_in("hr@example.test");
        maya = sign_in("manager1@example.test");
    }
    std::string status_of_push(const Session& who, const Json& one) {
        auto reply = push(who, Json{{"device_id", "d1"}, {"changes", Json::array({one})}});
        EXPECT_EQ(reply->status, 200) << reply->body;
        const Json result = body_of(reply)["results"][0];
        const std::string status = result["status"];
        return result.contains("error") ? status + " " + result["error"]["code"].get<std::string>() : status;
    }
    // Each record's fields as the session's devices end up holding them, by record id.
    std::map<std::string, Json> records(const Session& who) {
        std::map<std::string, Json> out;
        for (const auto& c : pull_all(who)) {
            if (c.value("removed", false) || c.value("deleted", false)) {
                out.erase(c["record_id"].get<std::string>());
                continue;
            }
            Json& fields = out[c["record_id"].get<std::string>()];
            if (fields.is_null()) fields = Json::object();
            fields["entity"] = c["entity"];
            for (auto& [k, v] : c["fields"].items()) fields[k] = v;
        }
        return out;
    }
    std::vector<Json> audit(const std::string& action) {
        auto reply = client().Get(("/api/v1/audit?limit=1000&action=" + action).c_str(), bearer(hr));
        auto entries = body_of(reply)["entries"];
        return std::vector<Json>(entries.begin(), entries.end());
    }
};

TEST_F(SmallerHoles, ErasureTakesEveryCopiedNameAndReleasesWorkTheyOwnedInOthersOneOnOnes) {
    std::string aiko, colleague, survey;
    for (const auto& [id, fields] : records(maya)) {
        if (fields["entity"] == "person" && fields.value("employee_id", "") == "m1r1") aiko = id;
        else if (fields["entity"] == "person" && fields["manager_id"] == maya.user_id) colleague = id;
        if (fields["entity"] == "survey") survey = id;
    }
    ASSERT_FALSE(aiko.empty() || colleague.empty() || survey.empty());

    const std::string session = new_uuid_v7(wall_millis()), checkin = new_uuid_v7(wall_millis()),
                      item = new_uuid_v7(wall_millis()), action = new_uuid_v7(wall_millis());
    ASSERT_EQ(status_of_push(hr, pushed_change("ts-1", "training_session", session,
                                        {{"title", "Giving feedback"}, {"held_on", "2026-11-20"},
                                         {"facilitator", "Aiko Tanaka"}, {"facilitator_id", aiko}})),
              "accepted");
    ASSERT_EQ(status_of_push(maya, checkin_change("ci-1", checkin, colleague, "pairing plan")), "accepted");
    ASSERT_EQ(status_of_push(maya, pushed_change("ai-1", "action_item", item,
                                          {{"checkin_id", checkin}, {"text", "Pair on the release"},
                                           {"owner_id", aiko}})),
              "accepted");
    ASSERT_EQ(status_of_push(maya, pushed_change("sa-1", "survey_action", action,
                                          {{"manager_id", maya.user_id}, {"survey_id", survey}, {"focus", "engagement"},
                                           {"title", "Team retro"}, {"owner_id", aiko}, {"due_on", "2026-12-20"}})),
              "accepted");

    ASSERT_EQ(client().Post(("/api/v1/people/" + aiko + "/erase").c_str(), bearer(hr), "", "application/json")->status,
              200);
    EXPECT_EQ(raw_database_bytes().find("Aiko Tanaka"), std::string::npos)
        << "the facilitator's copied name is still in the files";

    auto held_by_hr = records(hr);
    ASSERT_TRUE(held_by_hr.count(session));
    EXPECT_EQ(held_by_hr[session]["facilitator"], "") << "devices get the blank too";
    EXPECT_EQ(held_by_hr[session]["facilitator_id"], aiko) << "records about others name the person by id only";
    auto held_by_maya = records(maya);
    ASSERT_TRUE(held_by_maya.count(item));
    EXPECT_TRUE(held_by_maya[item]["owner_id"].is_null()) << "nobody waits on someone who is gone";
    ASSERT_TRUE(held_by_maya.count(action));
    EXPECT_EQ(held_by_maya[action]["owner_id"], maya.user_id) << "an owner is required: it returns to the manager";
}

TEST_F(SmallerHoles, AnImportedFormulaReachesEveryCsvAsTextNotAsAFormula) {
    const std::string csv =
        "employee_id,name,email,manager_employee_id,department,start_date,exit_date,exit_reason,role\n"
        "F1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",f1@example.test,,@SUM(A1),2026-01-05,,,\n"
        "F2,+Frank,f2@example.test,F1,-Ops,2026-01-05,,,\n";
    auto imported = client().Post("/api/v1/people/import", bearer(hr), csv, "text/csv");
    ASSERT_EQ(imported->status, 200) << imported->body;

    const std::string today = iso_from_millis(wall_millis());
    const std::string period = "?from=" + add_days(today, -30) + "&to=" + today;
    const std::vector<std::string> exports{"/api/v1/analytics/return.csv", "/api/v1/analytics/teams.csv",
                                           "/api/v1/analytics/return.csv?split=recognition"};
    for (const std::string& path : exports) {
        const std::string url = path + (path.find('?') == std::string::npos ? period : "&" + period.substr(1));
        auto reply = client().Get(url.c_str(), bearer(hr));
        ASSERT_EQ(reply->status, 200) << path << ": " << reply->body;
        const std::string& body = reply->body;
        for (const char* start : {",=", ",+", ",@", "\n=", "\n+", "\n@", ",\"=", ",\"+", ",\"@"})
            EXPECT_EQ(body.find(start), std::string::npos) << path << " has a cell starting a formula:\n" << body;
        if (path.find("return") != std::string::npos)
            EXPECT_NE(body.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), std::string::npos)
                << "the name shows as typed:\n" << body;
    }
}

TEST_F(SmallerHoles, EveryAcceptedThresholdChangeIsAuditedOnceAndLoweringAnOpenSurveyIsRefused) {
    const std::string survey = new_uuid_v7(wall_millis());
    ASSERT_EQ(status_of_push(hr, pushed_change("s-1", "survey", survey, {{"title", "Pulse"}, {"audience", "org"},
                                                                  {"status", "open"}, {"min_group_size", 5}})),
              "accepted");
    EXPECT_TRUE(audit("survey.thresholds").empty()) << "setting them on creation is not a change";

    const Json raise = pushed_change("s-2", "survey", survey, {{"min_group_size", 7}, {"min_comment_group_size", 9}});
    ASSERT_EQ(status_of_push(hr, raise), "accepted");
    EXPECT_EQ(status_of_push(hr, raise), "duplicate");
    EXPECT_EQ(status_of_push(hr, pushed_change("s-3", "survey", survey, {{"min_group_size", 3}})), "rejected invalid_change")
        << "people answered under the promise of 7";
    EXPECT_EQ(status_of_push(hr, pushed_change("s-4", "survey", survey, {{"title", "Pulse (November)"}})), "accepted");
    EXPECT_EQ(status_of_push(hr, pushed_change("s-5", "survey", survey, {{"status", "closed"}})), "accepted");
    EXPECT_EQ(status_of_push(hr, pushed_change("s-6", "survey", survey, {{"status", "open"}})), "rejected invalid_change")
        << "a closed survey never reopens";

    auto entries = audit("survey.thresholds");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0]["actor_id"], hr.user_id);
    EXPECT_EQ(entries[0]["target_id"], survey);
    EXPECT_EQ(entries[0]["details"],
              (Json{{"min_group_size", {{"old", 5}, {"new", 7}}},
                    {"min_comment_group_size", {{"old", 5}, {"new", 9}}}}));
}

// The record rules, replayed as the review did them: through the push endpoint, each refused for its own reason.
TEST_F(SmallerHoles, ARuleBreakingChangeIsRefusedOverHttpWithItsReason) {
    auto refusal = [&](const Json& one) {
        auto reply = push(maya, Json{{"device_id", "d1"}, {"changes", Json::array({one})}});
        const Json body = body_of(reply);
        const Json result = body["results"][0];
        EXPECT_EQ(result["status"], "rejected") << result;
        return result.contains("error") ? result["error"]["message"].get<std::string>() : std::string();
    };
    std::string agreement, version;
    for (const auto& c : pull_all(maya))
        if (c["entity"] == "agreement_version" && version.empty()) {
            version = c["record_id"];
            agreement = c["fields"]["agreement_id"];
        }
    ASSERT_FALSE(version.empty()) << "Maya has an agreement to sign";
    const std::string today = iso_from_millis(wall_millis());
    EXPECT_NE(refusal(pushed_change("sig", "agreement_signature", new_uuid_v7(wall_millis()),
                             {{"agreement_id", agreement}, {"version_id", version}, {"signer_id", maya.user_id},
                              {"signed_on", "2099-12-31"}}))
                  .find("signed_on"),
              std::string::npos)
        << "a commitment dated 2099 would never be judged";
    EXPECT_NE(refusal(pushed_change("act", "survey_action", new_uuid_v7(wall_millis()),
                             {{"manager_id", maya.user_id}, {"survey_id", new_uuid_v7(wall_millis())}, {"focus", "x"},
                              {"title", "An action about no survey"}, {"owner_id", maya.user_id}, {"due_on", today}}))
                  .find("survey_id"),
              std::string::npos);
    const std::string sealed = "sealed:v1:" + std::string(64, 'A');  // 48 bytes, well-formed base64
    EXPECT_NE(refusal(pushed_change("jr", "journal_entry", new_uuid_v7(wall_millis()),
                             {{"owner_id", maya.user_id}, {"written_on", today}, {"prompt", std::string(500, 'x')},
                              {"text", sealed}}))
                  .find("prompt"),
              std::string::npos)
        << "free text next to a sealed entry is not a prompt";
}

}  // namespace
}  // namespace tandem::testing
