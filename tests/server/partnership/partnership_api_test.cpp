// Programs, agreements and mentoring over HTTP with the demo organisation: what each account pulls (the
// pair's notes reach the pair and nobody else, HR included), and the figures only the server can compute:
// an agreement's adherence and a program's adoption per team, each with its readers.
#include "live_server.h"
#include "tandem/base/ids.h"

namespace tandem::testing {
namespace {

class Partnership : public DemoServer {
protected:
    Session hr, maya, noah, elena;

    void SetUp() override {
        LiveServer::SetUp();
        hr = sign_in("hr@demo.example");
        maya = sign_in("manager1@demo.example");
        noah = sign_in("manager2@demo.example");
        elena = sign_in("mentor@demo.example");
    }
    std::vector<Json> rows_of(const Session& who, const std::string& entity) {
        std::vector<Json> out;
        for (auto& row : pull_all(who))
            if (row["entity"] == entity) out.push_back(row);
        return out;
    }
    std::string first_id(const Session& who, const std::string& entity) {
        auto rows = rows_of(who, entity);
        return rows.empty() ? std::string() : rows[0]["record_id"].get<std::string>();
    }
};

TEST_F(Partnership, MentoringNotesReachThePairOnlyAndHrSeesThatSessionsHappened) {
    EXPECT_EQ(rows_of(hr, "mentoring_pair").size(), 2u);
    EXPECT_EQ(rows_of(hr, "mentoring_session").size(), 3u) << "HR sees that sessions happened";
    EXPECT_TRUE(rows_of(hr, "mentoring_note").empty()) << "and never what was said";
    EXPECT_EQ(rows_of(elena, "mentoring_note").size(), 3u) << "the mentor reads the notes of both her pairs";
    EXPECT_EQ(rows_of(maya, "mentoring_note").size(), 2u) << "Maya reads her own pair's notes";
    EXPECT_EQ(rows_of(noah, "mentoring_note").size(), 1u) << "Noah his, not Maya's";
    EXPECT_EQ(rows_of(maya, "mentoring_pair").size(), 1u);

    // A session logged by the mentor reaches the mentee; its note stays between them.
    const std::string pair = first_id(maya, "mentoring_pair"), session = new_uuid_v7(wall_millis()),
                      note = new_uuid_v7(wall_millis());
    auto reply = push(elena, Json{{"device_id", "elena-phone"},
                                  {"changes", {{{"id", "s-" + session}, {"entity", "mentoring_session"},
                                                {"record_id", session}, {"hlc", Hlc{wall_millis(), 1}.to_string()},
                                                {"fields", {{"pair_id", pair}, {"held_on", "2026-11-20"}}}},
                                               {{"id", "n-" + note}, {"entity", "mentoring_note"}, {"record_id", note},
                                                {"hlc", Hlc{wall_millis(), 2}.to_string()},
                                                {"fields", {{"session_id", session}, {"text", "Hiring plan"}}}}}}});
    ASSERT_EQ(reply->status, 200);
    const Json results = body_of(reply)["results"];
    for (const auto& result : results) EXPECT_EQ(result["status"], "accepted") << result;
    auto has = [&](const Session& who, const std::string& id) {
        for (auto& row : pull_all(who))
            if (row["record_id"] == id) return true;
        return false;
    };
    EXPECT_TRUE(has(maya, note));
    EXPECT_TRUE(has(hr, session));
    EXPECT_FALSE(has(hr, note));
    EXPECT_FALSE(has(noah, session));
}

TEST_F(Partnership, APersonsExportListsMentoringNotesWithTheirWordsWithheld) {
    const auto pairs = rows_of(maya, "mentoring_pair");
    ASSERT_EQ(pairs.size(), 1u);
    const std::string maya_id = pairs[0]["fields"]["mentee_id"];
    auto reply = client().Get(("/api/v1/people/" + maya_id + "/export").c_str(), bearer(hr));
    ASSERT_EQ(reply->status, 200) << reply->body;
    EXPECT_EQ(reply->body.find("delegating the release process"), std::string::npos) << "HR never reads the notes";
    int notes = 0, sessions = 0;
    const Json body = body_of(reply);
    for (const auto& record : body["records"]) {
        if (record["entity"] == "mentoring_note") {
            ++notes;
            EXPECT_EQ(record["fields"]["text"], "withheld: private to the mentoring pair");
        }
        sessions += record["entity"] == "mentoring_session";
    }
    EXPECT_EQ(notes, 2);
    EXPECT_EQ(sessions, 2) << "the sessions as a mentee (docs/api.md, Export and erasure)";
}

TEST_F(Partnership, ErasingAMentorLeavesNoCopyOfTheirNameAndEndsTheirPairs) {
    std::string elena_id;
    for (auto& row : rows_of(hr, "mentoring_pair")) elena_id = row["fields"]["mentor_id"];
    ASSERT_FALSE(elena_id.empty());
    ASSERT_NE(raw_database_bytes().find("Elena Petrova"), std::string::npos) << "copied into her pairs";
    auto reply = client().Post(("/api/v1/people/" + elena_id + "/erase").c_str(), bearer(hr), "", "application/json");
    ASSERT_EQ(reply->status, 200) << reply->body;
    EXPECT_EQ(raw_database_bytes().find("Elena Petrova"), std::string::npos) << "no byte of her name is left";
    // Maya's device learns that her pair ended and no longer names the mentor.
    Json pair;
    for (auto& row : pull_all(maya))
        if (row["entity"] == "mentoring_pair") pair = row;
    ASSERT_TRUE(pair.is_object());
    EXPECT_EQ(pair["fields"].value("mentor_name", "?"), "");
    EXPECT_FALSE(pair["fields"].value("ended_on", "").empty());
}

TEST_F(Partnership, AdherenceIsForHrAndTheManagerConcerned) {
    const std::string agreement = first_id(maya, "agreement");
    ASSERT_FALSE(agreement.empty());
    EXPECT_TRUE(rows_of(noah, "agreement").empty());
    EXPECT_TRUE(rows_of(elena, "agreement").empty());
    const std::string path = "/api/v1/agreements/" + agreement + "/adherence";
    for (const Session* who : {&hr, &maya}) {
        auto reply = client().Get(path.c_str(), bearer(*who));
        ASSERT_EQ(reply->status, 200) << reply->body;
        const Json body = body_of(reply);
        EXPECT_EQ(body["in_force_version"], 1);
        EXPECT_EQ(body["awaiting_signatures"], false);
        ASSERT_EQ(body["commitments"].size(), 4u) << "the measured ones";
        const Json cadence = body["commitments"][0];
        EXPECT_EQ(cadence["metric"], "checkin_cadence");
        EXPECT_GE(cadence["months"].size(), 2u) << "signed 40 days ago";
    }
    // Another manager cannot tell Maya's agreement from one that does not exist; a mentor is refused either way.
    const std::string unknown = "/api/v1/agreements/" + new_uuid_v7(wall_millis()) + "/adherence";
    auto others = client().Get(path.c_str(), bearer(noah));
    auto missing = client().Get(unknown.c_str(), bearer(noah));
    EXPECT_EQ(others->status, 404);
    EXPECT_EQ(others->status, missing->status);
    EXPECT_EQ(others->body, missing->body);
    EXPECT_EQ(client().Get(path.c_str(), bearer(elena))->status, 403);
    EXPECT_EQ(client().Get(unknown.c_str(), bearer(elena))->status, 403);
    EXPECT_EQ(client().Get(unknown.c_str(), bearer(hr))->status, 404);
    EXPECT_EQ(client().Get(path.c_str())->status, 401);
}

TEST_F(Partnership, AdoptionPerTeamForHrAndWithinAManagersTree) {
    std::string program;
    for (auto& row : rows_of(hr, "program"))
        if (row["fields"]["stage"] == "design") program = row["record_id"];
    ASSERT_FALSE(program.empty());
    const std::string path = "/api/v1/programs/" + program + "/adoption";
    auto reply = client().Get(path.c_str(), bearer(hr));
    ASSERT_EQ(reply->status, 200) << reply->body;
    const Json all = body_of(reply);
    ASSERT_EQ(all["teams"].size(), 7u) << "Dana's, Maya's, Noah's, Omar's and his three managers'";
    reply = client().Get(path.c_str(), bearer(maya));
    ASSERT_EQ(reply->status, 200);
    const Json mine = body_of(reply);
    ASSERT_EQ(mine["teams"].size(), 1u);
    EXPECT_EQ(mine["teams"][0]["manager_name"], "Maya Chen");
    EXPECT_GT(mine["teams"][0]["checkins"], 0) << "her demo 1:1s in the last 60 days";
    EXPECT_EQ(client().Get(path.c_str(), bearer(elena))->status, 403);
    EXPECT_TRUE(rows_of(elena, "program").size() == 3u) << "a mentor takes part in the discussion";
}

} // namespace
} // namespace tandem::testing
