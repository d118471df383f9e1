// Issue 22 over HTTP: an employee's session (Aiko, in Maya's team) pushes what policy allows and refuses:
// asking her own manager about herself, recognising a colleague; not asking about or of anyone else, not
// giving feedback. Maya's pull then holds the request as a to-do, and Aiko's pull holds Maya's answer and
// what Maya shared, but not what Maya kept private or shared with a team-mate.
#include "live_server.h"
#include "people/employee_access_on.h"
#include "tandem/base/ids.h"

namespace tandem::testing {
namespace {

class EmployeeFeedback : public LiveServer {
protected:
    void make_database() override {
        LiveServer::make_database();
        switch_employee_access_on(database);  // employees sign in here
    }
    Session aiko, maya, noah;
    std::string aiko_id, bruno_id, maya_id, noah_id, emeka_id;
    int serial = 0;

    void declare(TestOrg& org) override {
        add_two_teams(org);
        org.account("m1r1");
        org.account("m1r2");
    }

    void SetUp() override {
        LiveServer::SetUp();
        aiko = sign_in("aiko.tanaka@example.test");
        maya = sign_in("manager1@example.test");
        noah = sign_in("manager2@example.test");
        aiko_id = aiko.user_id;
        maya_id = maya.user_id;
        noah_id = noah.user_id;
        bruno_id = sign_in("bruno.alvarez@example.test").user_id;
        for (const auto& row : pull_all(noah))
            if (row["entity"] == "person" && row["fields"]["name"] == "Emeka Obi") emeka_id = row["record_id"];
        ASSERT_FALSE(emeka_id.empty());
    }

    // Pushes one change as `who` and gives back its result: {"status": "accepted"} or the refusal.
    Json push_one(const Session& who, const std::string& entity, const std::string& record_id, Json fields) {
        const std::string id = "c-" + std::to_string(++serial) + "-" + record_id;
        auto reply = push(who, Json{{"device_id", "phone-" + who.user_id},
                                    {"changes", {pushed_change(id, entity, record_id, std::move(fields))}}});
        EXPECT_EQ(reply->status, 200) << reply->body;
        return body_of(reply)["results"][0];
    }
    std::string refusal(const Json& result) { return result.value("error", Json::object()).value("code", ""); }

    Json ask(const std::string& asked, const std::string& about) {
        return {{"from_id", aiko_id}, {"asked_id", asked}, {"about_id", about},
                {"question", "How did my demo to the customer land?"}, {"asked_on", "2026-12-01"}};
    }
    Json feedback(const std::string& from, const std::string& about, const char* visibility) {
        return {{"from_id", from}, {"about_id", about}, {"kind", "praise"}, {"visibility", visibility},
                {"given_on", "2026-12-02"}, {"situation", "The customer demo"},
                {"behaviour", "You answered the pricing question with numbers"}, {"impact", "They signed"}};
    }
    bool pulls(const Session& who, const std::string& record_id) {
        for (const auto& row : pull_all(who))
            if (row["record_id"] == record_id) return true;
        return false;
    }
};

TEST_F(EmployeeFeedback, AskingHerManagerReachesHerManagerAndTheAnswerReachesHer) {
    for (const auto& [asked, about, why] :
         {std::tuple{maya_id, bruno_id, "about a team-mate"}, std::tuple{bruno_id, aiko_id, "of a peer"},
          std::tuple{noah_id, aiko_id, "of another manager"}}) {
        const Json result = push_one(aiko, "feedback_request", new_uuid_v7(wall_millis()), ask(asked, about));
        EXPECT_EQ(refusal(result), "forbidden") << why << ": " << result;
    }
    const std::string request = new_uuid_v7(wall_millis());
    ASSERT_EQ(push_one(aiko, "feedback_request", request, ask(maya_id, aiko_id))["status"], "accepted");
    EXPECT_TRUE(pulls(maya, request)) << "on Maya's to-do list";
    EXPECT_FALSE(pulls(noah, request));

    Json answer = feedback(maya_id, aiko_id, "private");
    answer["request_id"] = request;
    const std::string answered = new_uuid_v7(wall_millis());
    ASSERT_EQ(push_one(maya, "feedback", answered, answer)["status"], "accepted");
    bool aiko_reads_answer = false;
    for (const auto& row : pull_all(aiko))
        if (row["record_id"] == answered)
            aiko_reads_answer = row["fields"]["behaviour"] == "You answered the pricing question with numbers";
    EXPECT_TRUE(aiko_reads_answer) << "the answer goes to whoever asked";

    const std::string declined = new_uuid_v7(wall_millis());
    ASSERT_EQ(push_one(aiko, "feedback_request", declined, ask(maya_id, aiko_id))["status"], "accepted");
    EXPECT_EQ(push_one(maya, "feedback_request", declined, {{"declined", true}, {"decline_reason", "In our 1:1"}})["status"],
              "accepted");
    bool reason_reached_aiko = false;
    for (const auto& row : pull_all(aiko))
        if (row["record_id"] == declined && row["fields"].value("decline_reason", "") == "In our 1:1")
            reason_reached_aiko = true;
    EXPECT_TRUE(reason_reached_aiko);
}

TEST_F(EmployeeFeedback, SheReadsWhatWasSharedWithHerAndGivesNoFeedback) {
    const std::string shared = new_uuid_v7(wall_millis()), kept = new_uuid_v7(wall_millis()),
                      to_bruno = new_uuid_v7(wall_millis());
    ASSERT_EQ(push_one(maya, "feedback", shared, feedback(maya_id, aiko_id, "shared"))["status"], "accepted");
    ASSERT_EQ(push_one(maya, "feedback", kept, feedback(maya_id, aiko_id, "private"))["status"], "accepted");
    ASSERT_EQ(push_one(maya, "feedback", to_bruno, feedback(maya_id, bruno_id, "shared"))["status"], "accepted");
    EXPECT_TRUE(pulls(aiko, shared));
    EXPECT_FALSE(pulls(aiko, kept)) << "private feedback about her";
    EXPECT_FALSE(pulls(aiko, to_bruno)) << "a team-mate's";
    EXPECT_EQ(refusal(push_one(aiko, "feedback", new_uuid_v7(wall_millis()), feedback(aiko_id, bruno_id, "shared"))),
              "forbidden");
    EXPECT_EQ(refusal(push_one(aiko, "feedback", new_uuid_v7(wall_millis()), feedback(aiko_id, maya_id, "shared"))),
              "forbidden");
}

TEST_F(EmployeeFeedback, SheRecognisesAColleagueOnTheWallEveryoneReadsWithHerName) {
    const std::string recognition = new_uuid_v7(wall_millis());
    Json praise{{"from_id", aiko_id}, {"from_name", "Aiko Tanaka"}, {"about_id", emeka_id},
                {"about_name", "Emeka Obi"}, {"given_on", "2026-12-02"},
                {"behaviour", "Stayed on the call until the outage was over"}};
    Json posing = praise;
    posing["from_name"] = "Maya Chen";
    EXPECT_EQ(refusal(push_one(aiko, "recognition", new_uuid_v7(wall_millis()), posing)), "invalid_change");
    ASSERT_EQ(push_one(aiko, "recognition", recognition, praise)["status"], "accepted");
    for (const Session* reader : {&noah, &maya, &aiko}) {
        bool named = false;
        for (const auto& row : pull_all(*reader))
            if (row["record_id"] == recognition) named = row["fields"]["from_name"] == "Aiko Tanaka";
        EXPECT_TRUE(named) << "Noah has no record of Aiko: the wall names her";
    }
    Json self = praise;
    self["about_id"] = aiko_id;
    self["about_name"] = "Aiko Tanaka";
    EXPECT_EQ(refusal(push_one(aiko, "recognition", new_uuid_v7(wall_millis()), self)), "forbidden");
}

}  // namespace
}  // namespace tandem::testing
