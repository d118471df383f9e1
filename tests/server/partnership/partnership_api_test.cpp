// Programs, agreements and mentoring over HTTP: what each account pulls (the
// pair's notes reach the pair and nobody else, HR included), and the figures only the server can compute:
// an agreement's adherence and a program's adoption per team, each with its readers.
#include "live_server.h"
#include "tandem/base/ids.h"
#include "tandem/partnership/agreements.h"

namespace tandem::testing {
namespace {

class Partnership : public LiveServer {
protected:
    Session hr, maya, noah, elena;

    void declare(TestOrg& org) override {
        add_two_teams(org);
        const std::string hr_id = org.id("hr"), maya_id = org.id("manager1");
        // HR's three programs; Maya's 1:1 counts towards the one in design.
        org.write("hr", "program", {{"title", "Career conversations for every report"},
                                    {"goal", "Every report has a career conversation each quarter."},
                                    {"stage", "design"}, {"owner_ids", hr_id}, {"starts_on", org.days_ago(60)}});
        org.write("hr", "program", {{"title", "Recognition rhythm"}, {"goal", "Recognition every month in every team."},
                                    {"stage", "pilot"}, {"owner_ids", hr_id}, {"starts_on", org.days_ago(30)}});
        org.write("hr", "program", {{"title", "New manager onboarding"}, {"goal", "A first-90-days path."},
                                    {"stage", "idea"}, {"owner_ids", hr_id}});
        org.write("manager1", "checkin", {{"report_id", org.id("m1r1")}, {"held_on", org.days_ago(20)}});

        // Maya's agreement, signed by her and HR 40 days ago: four commitments are measured, one is not.
        const std::string agreement =
            org.write("hr", "agreement", {{"manager_id", maya_id}, {"title", "Manager agreement 2026"}});
        const std::vector<Commitment> commitments{
            {"cadence", "Hold a 1:1 with every report at least fortnightly", metric::kCheckinCadence, 100},
            {"recognition", "Recognise someone in the team every month", metric::kRecognitions, 1},
            {"survey", "Discuss survey results with the team within two weeks", metric::kSurveyDiscussed, 14},
            {"mentoring", "Meet my mentor every month", metric::kMentoringSessions, 1},
            {"growth", "Agree a growth goal with each report this year", "", 0}};
        const std::string version = org.write("hr", "agreement_version",
                                              {{"agreement_id", agreement}, {"author_id", hr_id}, {"number", 1},
                                               {"commitments", commitments_json(commitments)}});
        for (const char* signer : {"manager1", "hr"})
            org.write(signer, "agreement_signature", {{"agreement_id", agreement}, {"version_id", version},
                                                      {"signer_id", org.id(signer)}, {"signed_on", org.days_ago(40)}});

        // Elena mentors Maya (two sessions so far) and Noah (one); each session has a note.
        struct Mentee {
            const char* key;
            const char* name;
            int sessions;
        };
        for (const Mentee& mentee : {Mentee{"manager1", "Maya Chen", 2}, Mentee{"manager2", "Noah Okafor", 1}}) {
            const std::string pair = org.write("hr", "mentoring_pair",
                                               {{"mentee_id", org.id(mentee.key)}, {"mentor_id", org.id("mentor")},
                                                {"mentee_name", mentee.name}, {"mentor_name", "Elena Petrova"},
                                                {"cadence_days", 30}, {"started_on", org.days_ago(90)}});
            for (int held = 0; held < mentee.sessions; ++held) {
                const std::string session = org.write("mentor", "mentoring_session",
                                                      {{"pair_id", pair}, {"held_on", org.days_ago(30 + held * 30)},
                                                       {"minutes", 45}});
                org.write("mentor", "mentoring_note",
                          {{"session_id", session}, {"text", "Talked through delegating the release process."}});
            }
        }
    }

    void SetUp() override {
        LiveServer::SetUp();
        hr = sign_in("hr@example.test");
        maya = sign_in("manager1@example.test");
        noah = sign_in("manager2@example.test");
        elena = sign_in("mentor@example.test");
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
    ASSERT_EQ(all["teams"].size(), 3u) << "Dana's, Maya's and Noah's";
    reply = client().Get(path.c_str(), bearer(maya));
    ASSERT_EQ(reply->status, 200);
    const Json mine = body_of(reply);
    ASSERT_EQ(mine["teams"].size(), 1u);
    EXPECT_EQ(mine["teams"][0]["manager_name"], "Maya Chen");
    EXPECT_GT(mine["teams"][0]["checkins"], 0) << "her 1:1 in the last 60 days";
    EXPECT_EQ(client().Get(path.c_str(), bearer(elena))->status, 403);
    EXPECT_TRUE(rows_of(elena, "program").size() == 3u) << "a mentor takes part in the discussion";
}

} // namespace
} // namespace tandem::testing
