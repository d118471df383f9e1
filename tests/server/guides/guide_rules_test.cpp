// Templates and playbooks from outside: HR writes them and everyone reads them; a manager's rating is seen
// by that manager and HR only; a published version cannot be rewritten.
#include "live_server.h"
#include "tandem/base/ids.h"

namespace tandem::testing {
namespace {

class GuideRules : public LiveServer {
protected:
    // HR writes; two managers and a mentor read, and one manager rates.
    void declare(TestOrg& org) override { add_two_teams(org); }
};
// The starter set is the demo's own content.
using DemoGuides = DemoServer;


std::vector<Json> results(httplib::Result reply) {
    const Json body = Json::parse(reply->body);  // named: it must outlive the loop over its member
    return std::vector<Json>(body["results"].begin(), body["results"].end());
}

TEST_F(GuideRules, HrWritesGuidesEveryoneReadsThemRatingsStayWithTheirAuthorAndHr) {
    Session hr = sign_in("hr@example.test"), maya = sign_in("manager1@example.test");
    Session noah = sign_in("manager2@example.test"), mentor = sign_in("mentor@example.test");
    const std::string guide = new_uuid_v7(wall_millis()), version = new_uuid_v7(wall_millis());
    auto written = results(push(hr, Json{{"device_id", "h"}, {"changes", Json::array({
        pushed_change("g-1", "guide", guide, {{"kind", "template"}, {"title", "Stay interview"}}),
        pushed_change("v-1", "guide_version", version, {{"guide_id", guide}, {"version", 1}, {"title", "Stay interview"},
                                                  {"body", "What keeps you here?"}}),
        pushed_change("g-2", "guide", guide, {{"current_version_id", version}})})}}));
    for (auto& result : written) EXPECT_EQ(result["status"], "accepted") << result;

    for (const Session* not_hr : {&maya, &noah, &mentor}) {
        auto refused = results(push(*not_hr, Json{{"device_id", "x"}, {"changes", Json::array({
            pushed_change("g-" + not_hr->user_id, "guide", guide, {{"title", "Hijacked"}}),
            pushed_change("n-" + not_hr->user_id, "guide", new_uuid_v7(wall_millis()),
                   {{"kind", "template"}, {"title", "Mine"}})})}}));
        for (auto& result : refused) EXPECT_EQ(result["error"]["code"], "forbidden") << result;
        int seen = 0;
        for (auto& row : pull_all(*not_hr)) seen += row["record_id"] == guide || row["record_id"] == version;
        EXPECT_GE(seen, 2) << "every signed-in role reads HR's guides";
    }
    auto rewrite = results(push(hr, Json{{"device_id", "h"}, {"changes", Json::array({
        pushed_change("v-2", "guide_version", version, {{"body", "Rewritten"}})})}}));
    EXPECT_EQ(rewrite[0]["error"]["code"], "invalid_change");

    const std::string rating = new_uuid_v7(wall_millis());
    auto rated = results(push(maya, Json{{"device_id", "m"}, {"changes", Json::array({
        pushed_change("r-1", "guide_feedback", rating, {{"owner_id", maya.user_id}, {"guide_id", guide},
                                                 {"usefulness", 5}, {"comment", "Used it twice"}})})}}));
    EXPECT_EQ(rated[0]["status"], "accepted");
    auto sees_rating = [&](const Session& session) {
        for (auto& row : pull_all(session))
            if (row["record_id"] == rating) return true;
        return false;
    };
    EXPECT_TRUE(sees_rating(maya));
    EXPECT_TRUE(sees_rating(hr));
    EXPECT_FALSE(sees_rating(noah));
    EXPECT_FALSE(sees_rating(mentor));
    auto forged = results(push(noah, Json{{"device_id", "n"}, {"changes", Json::array({
        pushed_change("r-2", "guide_feedback", new_uuid_v7(wall_millis()),
               {{"owner_id", maya.user_id}, {"guide_id", guide}, {"usefulness", 1}})})}}));
    EXPECT_EQ(forged[0]["error"]["code"], "forbidden") << "nobody rates in someone else's name";
}

TEST_F(DemoGuides, TheDemoShipsAStarterSet) {
    Session maya = sign_in("manager1@demo.example");
    int templates = 0, playbooks = 0;
    for (auto& row : pull_all(maya))
        if (row["entity"] == "guide" && row["fields"].contains("kind"))
            (row["fields"]["kind"] == "playbook" ? playbooks : templates)++;
    EXPECT_EQ(templates, 7);
    EXPECT_EQ(playbooks, 2);
}

}  // namespace
}  // namespace tandem::testing
