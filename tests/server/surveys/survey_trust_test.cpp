// The outside review's attacks on survey anonymity, replayed through the API: reading results before and
// after one person answers, padding a group with links meant for people who left, a link count that wraps,
// and a reader outside the survey's audience. Each must now learn nothing it should not.
#include "live_server.h"
#include "tandem/base/dates.h"
#include "tandem/base/ids.h"
#include "tandem/sync/sync_service.h"

namespace tandem::testing {
namespace {

class SurveyTrust : public LiveServer {
protected:
    Session hr, maya, noah;
    std::string survey = new_uuid_v7(wall_millis()), likert = new_uuid_v7(wall_millis()),
                comment = new_uuid_v7(wall_millis());

    // Maya's four reports are the group read around one answer; Noah's team is outside some audiences.
    void declare(TestOrg& org) override { add_two_teams(org); }

    void SetUp() override {
        LiveServer::SetUp();
        hr = sign_in("hr@example.test");
        maya = sign_in("manager1@example.test");
        noah = sign_in("manager2@example.test");
    }

    void write_survey(const std::string& audience, int threshold = 3) {
        std::vector<Json> changes{
            pushed_change("s-" + survey, "survey", survey,
                   {{"title", "Winter pulse"}, {"audience", audience}, {"status", "open"},
                    {"min_group_size", threshold}, {"min_comment_group_size", threshold}}),
            pushed_change("q1-" + survey, "survey_question", likert,
                   {{"survey_id", survey}, {"position", 1}, {"kind", "likert5"}, {"theme", "engagement"},
                    {"text", "I look forward to work most days."}}),
            pushed_change("q2-" + survey, "survey_question", comment,
                   {{"survey_id", survey}, {"position", 2}, {"kind", "text"}, {"text", "What should change?"}})};
        auto reply = push(hr, Json{{"device_id", "hr-laptop"}, {"changes", changes}});
        ASSERT_EQ(reply->status, 200);
        const Json body = body_of(reply);  // held: a range-for over a temporary's member would dangle
        for (auto& result : body["results"]) ASSERT_EQ(result["status"], "accepted") << result;
    }
    httplib::Result make_links(const std::string& manager_id, const Json& count) {
        return client().Post(("/api/v1/surveys/" + survey + "/links").c_str(), bearer(hr),
                             Json{{"team_of", manager_id}, {"count", count}}.dump(), "application/json");
    }
    std::vector<std::string> links(const std::string& manager_id, int count) {
        auto reply = make_links(manager_id, count);
        EXPECT_EQ(reply->status, 200) << reply->body;
        std::vector<std::string> tokens;
        if (reply->status != 200) return tokens;
        const Json body = body_of(reply);  // held here: a range-for over a temporary's member would dangle
        for (auto& link : body["links"]) tokens.push_back(link["token"]);
        return tokens;
    }
    httplib::Result results(const Session& session, const std::string& group) {
        return client().Get(("/api/v1/surveys/" + survey + "/results?group=" + group + "&children=true").c_str(),
                            bearer(session));
    }
};

TEST_F(SurveyTrust, WhileOpenResultsGiveParticipationOnlySoReadingAroundOneAnswerRevealsNothing) {
    write_survey("org");
    auto tokens = links(maya.user_id, 4);
    ASSERT_EQ(tokens.size(), 4u);
    std::vector<std::string> seen;  // every body HR and Maya read while people answered, one at a time
    for (size_t i = 0; i < tokens.size(); ++i) {
        const std::string words = "answer number " + std::to_string(i) + " says the workload is too high";
        auto sent = client().Post(("/api/v1/answer/" + tokens[i]).c_str(),
                                  Json{{"answers", Json::array({{{"question_id", likert}, {"value", 1 + int(i)}},
                                                                {{"question_id", comment}, {"value", words}}})}}
                                      .dump(),
                                  "application/json");
        ASSERT_EQ(sent->status, 201);
        for (const Session* reader : {&hr, &maya})
            for (const std::string group : {"team:" + maya.user_id, "tree:" + maya.user_id})
                if (auto read = results(*reader, group); read->status == 200) seen.push_back(read->body);
    }
    ASSERT_GE(seen.size(), 8u);
    for (const auto& body : seen) {
        const Json parsed = Json::parse(body);
        EXPECT_EQ(parsed["released"], false);
        EXPECT_FALSE(parsed.contains("questions") || parsed.contains("indices")) << body;
        EXPECT_EQ(body.find("workload"), std::string::npos) << "no comment while open";
        EXPECT_EQ(body.find(likert), std::string::npos) << "no question, so no per-question figure";
        EXPECT_EQ(body.find("mean"), std::string::npos);
        EXPECT_EQ(body.find("distribution"), std::string::npos);
    }
    EXPECT_EQ(body_of(results(maya, "team:" + maya.user_id))["respondents"], 4) << "participation is shown";

    // Closed (by HR here; a passed closing day does the same), the figures are released once and for all.
    auto closing = push(hr, Json{{"device_id", "hr-laptop"},
                                 {"changes", Json::array({pushed_change("close", "survey", survey, {{"status", "closed"}})})}});
    ASSERT_EQ(body_of(closing)["results"][0]["status"], "accepted");
    const Json released = body_of(results(maya, "team:" + maya.user_id));
    EXPECT_EQ(released["released"], true);
    EXPECT_DOUBLE_EQ(released["questions"][0]["mean"].get<double>(), 2.5);
    EXPECT_EQ(released["questions"][1]["comments"].size(), 4u);
}

TEST_F(SurveyTrust, APassedClosingDayReleasesTheResults) {
    write_survey("org");
    auto tokens = links(maya.user_id, 3);
    for (const auto& token : tokens)
        ASSERT_EQ(client().Post(("/api/v1/answer/" + token).c_str(),
                                Json{{"answers", Json::array({{{"question_id", likert}, {"value", 4}}})}}.dump(),
                                "application/json")
                      ->status,
                  201);
    EXPECT_FALSE(body_of(results(hr, "org")).contains("questions"));
    const std::string yesterday = add_days(iso_from_millis(wall_millis()), -1);
    auto schedule = push(hr, Json{{"device_id", "hr-laptop"},
                                  {"changes", Json::array({pushed_change("past", "survey", survey, {{"closes_on", yesterday}})})}});
    ASSERT_EQ(body_of(schedule)["results"][0]["status"], "accepted") << schedule->body;
    const Json org = body_of(results(hr, "org"));
    EXPECT_EQ(org["released"], true);
    EXPECT_EQ(org["questions"][0]["n"], 3);
}

TEST_F(SurveyTrust, LinksGoOnlyToPeopleStillEmployed) {
    write_survey("org");
    // One of Maya's four reports left yesterday: her team now has three links to hand out, not four.
    const std::string leaver = first_report_of(maya);
    shut_down();
    {
        auto opened = open_store();
        Store& store = *opened;
        HlcClock clock;
        SyncService(store).write_as_server({server_change(
            clock, wall_millis(), "person", leaver, {{"exit_date", add_days(iso_from_millis(wall_millis()), -1)}})});
    }
    start();
    hr = sign_in("hr@example.test");
    auto four = make_links(maya.user_id, 4);
    EXPECT_EQ(four->status, 400);
    EXPECT_EQ(body_of(four)["error"]["code"], "invalid_parameter");
    EXPECT_EQ(links(maya.user_id, 3).size(), 3u);
    auto spare = make_links(maya.user_id, 1);
    EXPECT_EQ(spare->status, 400) << "no spare link to pad the group with";
    EXPECT_NE(body_of(spare)["error"]["message"].get<std::string>().find("already has a link"), std::string::npos);
}

TEST_F(SurveyTrust, ACountOutsideTheAllowanceIsRefusedBeforeAnyArithmetic) {
    write_survey("org");
    ASSERT_EQ(links(maya.user_id, 1).size(), 1u);
    for (const Json& count : {Json(9223372036854775807LL), Json(18446744073709551615ULL), Json(-9223372036854775807LL),
                              Json(0), Json(4), Json(2.5), Json("2"), Json(nullptr)}) {
        auto reply = make_links(maya.user_id, count);
        ASSERT_TRUE(reply);
        EXPECT_EQ(reply->status, 400) << count;
        EXPECT_EQ(body_of(reply)["error"]["code"], "invalid_parameter") << count;
    }
    EXPECT_EQ(links(maya.user_id, 3).size(), 3u) << "the allowance is intact: three of four remain";
}

TEST_F(SurveyTrust, AReaderOutsideTheAudienceLearnsNothingAboutTheSurvey) {
    write_survey(noah.user_id);  // for Noah's tree only
    for (const std::string group : {"team:" + maya.user_id, "tree:" + maya.user_id}) {
        auto read = results(maya, group);
        EXPECT_EQ(read->status, 403) << group;
        EXPECT_EQ(read->body.find(likert), std::string::npos);
        EXPECT_EQ(read->body.find("min_group_size"), std::string::npos);
    }
    EXPECT_EQ(results(noah, "team:" + noah.user_id)->status, 200);
    EXPECT_EQ(results(hr, "org")->status, 200);
}

TEST_F(SurveyTrust, LinksAreOnlyForTeamsTheSurveyInvites) {
    write_survey(noah.user_id);
    auto outside = make_links(maya.user_id, 1);
    EXPECT_EQ(outside->status, 400) << "answers HR wrote there would only pad the organisation's figures";
    EXPECT_EQ(body_of(outside)["error"]["code"], "invalid_parameter");
    EXPECT_EQ(links(noah.user_id, 1).size(), 1u);
}

TEST_F(SurveyTrust, ThresholdsPromisedToThoseWhoAnsweredCannotBeLowered) {
    write_survey("org", 5);
    for (const auto& token : links(maya.user_id, 3))
        ASSERT_EQ(client().Post(("/api/v1/answer/" + token).c_str(),
                                Json{{"answers", Json::array({{{"question_id", likert}, {"value", 2}},
                                                              {{"question_id", comment}, {"value", "too much"}}})}}
                                    .dump(),
                                "application/json")
                      ->status,
                  201);
    auto lowered = push(hr, Json{{"device_id", "hr-laptop"},
                                 {"changes", Json::array({pushed_change("lower", "survey", survey,
                                                                 {{"min_group_size", 3}, {"min_comment_group_size", 3}})})}});
    EXPECT_EQ(body_of(lowered)["results"][0]["status"], "rejected") << lowered->body;
    auto closing = push(hr, Json{{"device_id", "hr-laptop"},
                                 {"changes", Json::array({pushed_change("close", "survey", survey, {{"status", "closed"}})})}});
    ASSERT_EQ(body_of(closing)["results"][0]["status"], "accepted");
    const std::string read = results(maya, "team:" + maya.user_id)->body;
    EXPECT_EQ(Json::parse(read)["status"], "below_threshold") << "three answered under the promise of five";
    EXPECT_EQ(read.find("too much"), std::string::npos);
    auto reopening = push(hr, Json{{"device_id", "hr-laptop"},
                                   {"changes", Json::array({pushed_change("reopen", "survey", survey, {{"status", "open"}})})}});
    EXPECT_EQ(body_of(reopening)["results"][0]["status"], "rejected") << "a closed survey never reopens";
}

TEST_F(SurveyTrust, TheAnswerPageSaysScoresWaitForTheClose) {
    write_survey("org");
    auto tokens = links(noah.user_id, 1);
    auto page = client().Get(("/api/v1/answer/" + tokens[0]).c_str());
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(body_of(page)["anonymity"].get<std::string>().find("released when it closes"), std::string::npos);
}

} // namespace
} // namespace tandem::testing
