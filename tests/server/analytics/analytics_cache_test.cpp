// The server keeps each reader's survey indices between requests (server/analytics/survey_index_cache.h).
// These tests read a figure first, so it is kept, then change what it is computed from and read again: a
// kept figure that did not follow the change fails them. And a figure kept for one reader never reaches
// another whose rules decide differently.
#include "live_server.h"
#include "surveys/survey_store.h"
#include "tandem/base/dates.h"
#include "tandem/base/ids.h"

namespace tandem::testing {
namespace {

Json change(const std::string& entity, const std::string& record_id, Json fields, uint16_t counter = 1) {
    return Json{{"id", "c-" + record_id + std::to_string(counter)}, {"entity", entity}, {"record_id", record_id},
                {"hlc", Hlc{wall_millis(), counter}.to_string()}, {"fields", std::move(fields)}};
}

class AnalyticsCache : public LiveServer {
protected:
    Session hr, maya, noah;
    std::string today = iso_from_millis(wall_millis());
    std::string period = "?from=" + add_days(today, -30) + "&to=" + today;
    std::string survey, likert;
    uint16_t survey_changes = 1;

    void declare(TestOrg& org) override { add_two_teams(org); }

    void SetUp() override {
        LiveServer::SetUp();
        hr = sign_in("hr@example.test");
        maya = sign_in("manager1@example.test");
        noah = sign_in("manager2@example.test");
    }

    httplib::Result get(const Session& who, const std::string& path) { return client().Get(path.c_str(), bearer(who)); }

    // HR's survey of one engagement question (N = 3), answered by the teams with these values, then closed.
    // Maya's team's 2, 3, 4, 5 make 62.5 and Noah's 4, 4, 4 make 75 (engagement is (mean - 1) x 25).
    std::string closed_survey(const std::vector<int>& maya_answers, const std::vector<int>& noah_answers) {
        const std::string id = new_uuid_v7(wall_millis()), question = new_uuid_v7(wall_millis());
        auto reply = push(hr, Json{{"device_id", "hr-laptop"},
                                   {"changes", {change("survey", id, {{"title", "Pulse"}, {"audience", "org"},
                                                                      {"status", "open"}, {"min_group_size", 3},
                                                                      {"min_comment_group_size", 3}}),
                                                change("survey_question", question,
                                                       {{"survey_id", id}, {"position", 1}, {"kind", "likert5"},
                                                        {"theme", "engagement"}, {"text", "I look forward to work."}})}}});
        EXPECT_EQ(reply->status, 200);
        answer(id, question, maya.user_id, maya_answers);
        answer(id, question, noah.user_id, noah_answers);
        set_survey(id, {{"status", "closed"}});
        survey = id;
        likert = question;
        return id;
    }
    void answer(const std::string& id, const std::string& question, const std::string& manager,
                const std::vector<int>& values) {
        if (values.empty()) return;
        auto links = client().Post(("/api/v1/surveys/" + id + "/links").c_str(), bearer(hr),
                                   Json{{"team_of", manager}, {"count", values.size()}}.dump(), "application/json");
        ASSERT_EQ(links->status, 200) << links->body;
        const Json body = body_of(links);
        for (size_t i = 0; i < values.size(); ++i)
            ASSERT_EQ(client().Post(("/api/v1/answer/" + body["links"][i]["token"].get<std::string>()).c_str(),
                                    Json{{"answers", {{{"question_id", question}, {"value", values[i]}}}}}.dump(),
                                    "application/json")
                          ->status,
                      201);
    }
    void set_survey(const std::string& id, Json fields) {
        auto reply = push(hr, Json{{"device_id", "hr-laptop"}, {"changes", {change("survey", id, fields, ++survey_changes)}}});
        ASSERT_EQ(reply->status, 200);
        const Json body = body_of(reply);
        ASSERT_EQ(body["results"][0]["status"], "accepted") << body;
    }

    // The engagement of a manager's team in the reader's team figures.
    Json engagement(const Session& reader, const std::string& manager) {
        auto reply = get(reader, "/api/v1/analytics/teams" + period);
        EXPECT_EQ(reply->status, 200) << reply->body;
        const Json body = body_of(reply);
        for (const auto& row : body["teams"])
            if (row["manager_id"] == manager) return row["engagement"];
        return Json("no such row");
    }
    // The same team as the reader's survey results show it, decided afresh on every request.
    Json results_engagement(const Session& reader, const std::string& manager) {
        const Json body = body_of(get(reader, "/api/v1/surveys/" + survey + "/results?group=team:" + manager));
        return body["indices"]["engagement"];
    }
    // The organisation's round of the survey in HR's series.
    Json series_engagement(const Session& reader) {
        const Json body = body_of(get(reader, "/api/v1/analytics/series" + period + "&group=org"));
        for (const auto& round : body["surveys"])
            if (round["survey_id"] == survey) return round["engagement"];
        return Json("no round");
    }
};

TEST_F(AnalyticsCache, AKeptFigureFollowsAnAnswerCountedBehindIt) {
    closed_survey({2, 3, 4, 5}, {4, 4, 4});
    ASSERT_EQ(engagement(hr, maya.user_id), Json(62.5));
    // An answer that lands after the figure was kept: another server on the same database, or an answer
    // accepted a moment before the survey's last day ended. Counted as the answer routes count it.
    {
        auto store = open_store();
        auto definition = server::load_survey(*store, survey);
        ASSERT_TRUE(definition);
        auto checked = survey::check_answers(definition->questions,
                                             Json{{"answers", {{{"question_id", likert}, {"value", 1}}}}});
        ASSERT_TRUE(checked.problem.empty()) << checked.problem;
        server::record_respondent(*store, *definition, checked.answers, {survey::team_group(maya.user_id), "org"},
                                  today);
    }
    EXPECT_EQ(engagement(hr, maya.user_id), Json(50.0)) << "2, 3, 4, 5 and 1";
    EXPECT_EQ(engagement(hr, maya.user_id), results_engagement(hr, maya.user_id));
}

TEST_F(AnalyticsCache, ALaterSurveyClosingReplacesTheKeptFigure) {
    closed_survey({2, 3, 4, 5}, {4, 4, 4});
    ASSERT_EQ(engagement(hr, maya.user_id), Json(62.5));
    const Json first_round = series_engagement(hr);
    ASSERT_TRUE(first_round.is_number()) << first_round;
    EXPECT_DOUBLE_EQ(first_round.get<double>(), (26.0 / 7.0 - 1.0) * 25.0) << "the seven answers";
    closed_survey({5, 5, 5}, {1, 1, 1});
    EXPECT_EQ(engagement(hr, maya.user_id), Json(100.0)) << "the latest closed survey that invited her team";
    EXPECT_EQ(engagement(hr, noah.user_id), Json(0.0));
    EXPECT_EQ(engagement(maya, maya.user_id), Json(100.0));
    const Json body = body_of(get(hr, "/api/v1/analytics/series" + period + "&group=org"));
    ASSERT_EQ(body["surveys"].size(), 2u) << body;
    EXPECT_DOUBLE_EQ(body["surveys"][0]["engagement"].get<double>(), (26.0 / 7.0 - 1.0) * 25.0);
    EXPECT_EQ(body["surveys"][1]["engagement"], Json(50.0)) << "the second round: three 5s and three 1s";
}

TEST_F(AnalyticsCache, AnOrgMoveChangesTheKeptFigures) {
    closed_survey({2, 3, 4, 5}, {4, 4, 4});
    // Maya's own forest holds her team alone: Noah's team is none of hers.
    ASSERT_EQ(engagement(maya, maya.user_id), Json(62.5));
    ASSERT_EQ(engagement(maya, noah.user_id), Json("no such row"));
    ASSERT_EQ(engagement(hr, noah.user_id), Json(75.0));
    // HR moves Noah under Maya: his team joins her tree, and her forest grows by it.
    auto reply = client().Post("/api/v1/people/import", bearer(hr),
                               "employee_id,name,email,manager_employee_id\n"
                               "manager2,Noah Okafor,manager2@example.test,manager1\n",
                               "text/csv");
    ASSERT_EQ(reply->status, 200) << reply->body;
    EXPECT_EQ(engagement(maya, noah.user_id), Json(75.0)) << "decided in Maya's forest as it is now";
    EXPECT_EQ(engagement(maya, noah.user_id), results_engagement(maya, noah.user_id));
    EXPECT_EQ(engagement(maya, maya.user_id), results_engagement(maya, maya.user_id));
    EXPECT_EQ(engagement(hr, noah.user_id), results_engagement(hr, noah.user_id));
    EXPECT_EQ(engagement(hr, maya.user_id), results_engagement(hr, maya.user_id));
}

TEST_F(AnalyticsCache, HrRaisingTheMinimumGroupSizeHidesKeptFiguresOnTheNextRead) {
    closed_survey({2, 3, 4, 5}, {4, 4, 4});
    ASSERT_EQ(engagement(hr, noah.user_id), Json(75.0));
    ASSERT_EQ(engagement(maya, maya.user_id), Json(62.5));
    ASSERT_TRUE(series_engagement(hr).is_number());
    // Four answers now fall short for HR's view of Noah's team (3) ...
    set_survey(survey, {{"min_group_size", 4}});
    EXPECT_TRUE(engagement(hr, noah.user_id).is_null());
    EXPECT_EQ(engagement(maya, maya.user_id), Json(62.5)) << "Maya's team's 4 answers still make the group";
    // ... and eight for Maya's 4 and for the organisation's 7.
    set_survey(survey, {{"min_group_size", 8}});
    EXPECT_TRUE(engagement(maya, maya.user_id).is_null());
    EXPECT_TRUE(series_engagement(hr).is_null());
    for (const Session* reader : {&hr, &maya})
        EXPECT_EQ(engagement(*reader, maya.user_id), results_engagement(*reader, maya.user_id));
}

TEST_F(AnalyticsCache, AManagerNeverGetsFiguresKeptForHrNorHrAManagers) {
    // Noah's two answers are below N = 3, so HR may not show Maya's team beside Dana's tree (the difference
    // would be Noah's two); Maya, reading her own tree, may.
    closed_survey({2, 3, 4, 5}, {4, 4});
    for (int round = 0; round < 2; ++round) {  // whoever read first, each reader's own figure
        EXPECT_EQ(engagement(maya, maya.user_id), Json(62.5)) << round;
        EXPECT_TRUE(engagement(hr, maya.user_id).is_null()) << round;
    }
    EXPECT_TRUE(engagement(hr, maya.user_id).is_null());
    EXPECT_EQ(engagement(maya, maya.user_id), Json(62.5));
    // HR's series carries the organisation's round; Maya's never does, though HR's is kept.
    EXPECT_TRUE(series_engagement(hr).is_number());
    EXPECT_EQ(series_engagement(maya), Json("no round"));
}

}  // namespace
}  // namespace tandem::testing
