// People analytics over HTTP (docs/api.md, People analytics): who reads which teams,
// survey figures suppressed exactly as the survey results of the same reader, exits and retention for HR only,
// figures that move with real writes (1:1s pushed by a manager, an exit imported by HR), the CSV exports and
// their audit.
#include "live_server.h"
#include "tandem/base/dates.h"
#include "tandem/base/ids.h"

namespace tandem::testing {
namespace {

Json change(const std::string& entity, const std::string& record_id, Json fields, uint16_t counter = 1) {
    return Json{{"id", "c-" + record_id + std::to_string(counter)}, {"entity", entity}, {"record_id", record_id},
                {"hlc", Hlc{wall_millis(), counter}.to_string()}, {"fields", std::move(fields)}};
}

class Analytics : public LiveServer {
protected:
    Session hr, maya, noah, elena;
    std::string today = iso_from_millis(wall_millis());
    std::string from = add_days(today, -30);

    // The two teams (everyone joined two years ago) and a pulse round that closed 84 days ago, inside the
    // figures' longest period.
    void declare(TestOrg& org) override {
        add_two_teams(org);
        org.write("hr", "survey", {{"title", "Quarterly pulse"}, {"audience", "org"}, {"status", "closed"},
                                   {"min_group_size", 3}, {"min_comment_group_size", 3},
                                   {"opens_on", org.days_ago(98)}, {"closes_on", org.days_ago(84)}});
    }

    void SetUp() override {
        LiveServer::SetUp();
        hr = sign_in("hr@example.test");
        maya = sign_in("manager1@example.test");
        noah = sign_in("manager2@example.test");
        elena = sign_in("mentor@example.test");
    }
    httplib::Result get(const Session& who, const std::string& path) {
        return client().Get(path.c_str(), bearer(who));
    }
    Json teams(const Session& who, const std::string& period = "") {
        auto reply = get(who, "/api/v1/analytics/teams" + (period.empty() ? "?from=" + from + "&to=" + today : period));
        EXPECT_EQ(reply->status, 200) << reply->body;
        return body_of(reply)["teams"];
    }
    static Json row_of(const Json& rows, const std::string& manager_id) {
        for (const auto& row : rows)
            if (row["manager_id"] == manager_id) return row;
        return Json();
    }
    std::vector<Json> audit(const std::string& action) {
        auto reply = get(hr, "/api/v1/audit?limit=1000&action=" + action);
        EXPECT_EQ(reply->status, 200) << reply->body;
        const Json body = body_of(reply);
        std::vector<Json> out;
        for (const auto& entry : body["entries"]) out.push_back(entry);
        return out;
    }
    std::vector<std::string> reports_of(const std::string& manager_id) {
        std::vector<std::string> out;
        for (auto& row : pull_all(hr))
            if (row["entity"] == "person" && row["fields"].value("manager_id", Json()) == manager_id &&
                row["fields"].value("exit_date", Json()).is_null())
                out.push_back(row["record_id"]);
        return out;
    }
};

TEST_F(Analytics, EachReaderGetsTheTeamsOfTheirTreeAndExitsAreForHrOnly) {
    const Json all = teams(hr);
    ASSERT_FALSE(row_of(all, maya.user_id).is_null());
    ASSERT_FALSE(row_of(all, noah.user_id).is_null());
    const Json maya_row = row_of(all, maya.user_id);
    const std::vector<std::string> fields{"manager_id", "headcount", "cadence_adherence", "checkins",
                                          "feedback_given", "recognitions", "exits", "voluntary_exits",
                                          "retention_12m", "engagement", "enps", "psych_safety"};
    for (const auto& field : fields) EXPECT_TRUE(maya_row.contains(field)) << field;
    EXPECT_EQ(maya_row["headcount"], 4);
    EXPECT_TRUE(maya_row["exits"].is_number());
    EXPECT_TRUE(maya_row["retention_12m"].is_number());

    const Json mine = teams(maya);
    ASSERT_EQ(mine.size(), 1u) << "Maya leads one team and no managers";
    EXPECT_EQ(mine[0]["manager_id"], maya.user_id);
    EXPECT_TRUE(mine[0]["exits"].is_null());
    EXPECT_TRUE(mine[0]["voluntary_exits"].is_null());
    EXPECT_TRUE(mine[0]["retention_12m"].is_null());
    EXPECT_EQ(mine[0]["checkins"], maya_row["checkins"]) << "the same figure, whoever reads it";
    EXPECT_TRUE(row_of(teams(noah), maya.user_id).is_null()) << "Noah never sees Maya's team";

    const std::string period = "?from=" + from + "&to=" + today;
    EXPECT_EQ(get(elena, "/api/v1/analytics/teams" + period)->status, 403);
    EXPECT_EQ(client().Get(("/api/v1/analytics/teams" + period).c_str())->status, 401);
    for (const std::string bad : {std::string(), "?from=" + from, "?from=2026-13-01&to=" + today, "?from=" + today + "&to=" + from,
                                  std::string("?from=1990-01-01&to=2026-01-01")}) {
        auto reply = get(hr, "/api/v1/analytics/teams" + bad);
        EXPECT_EQ(reply->status, 400) << bad;
        EXPECT_EQ(body_of(reply)["error"]["code"], "invalid_parameter") << bad;
    }
    for (const std::string path : {std::string("/api/v1/analytics/series"), std::string("/api/v1/analytics/return")})
        EXPECT_EQ(get(elena, path + period + "&group=org")->status, 403) << path;
}

TEST_F(Analytics, FiguresFollowWhatManagersWriteAndWhatHrImports) {
    const Json before = row_of(teams(hr), maya.user_id);
    const auto reports = reports_of(maya.user_id);
    ASSERT_EQ(reports.size(), 4u);
    // Two 1:1s inside the period and one before it; feedback from Maya to a report.
    const std::string a = new_uuid_v7(wall_millis()), b = new_uuid_v7(wall_millis()), c = new_uuid_v7(wall_millis()),
                      f = new_uuid_v7(wall_millis());
    auto reply = push(maya, Json{{"device_id", "maya-laptop"},
                                 {"changes", {change("checkin", a, {{"report_id", reports[0]}, {"held_on", add_days(today, -2)}}),
                                              change("checkin", b, {{"report_id", reports[3]}, {"held_on", add_days(today, -1)}}),
                                              change("checkin", c, {{"report_id", reports[3]}, {"held_on", add_days(today, -60)}}),
                                              change("feedback", f, {{"from_id", maya.user_id}, {"about_id", reports[1]},
                                                                     {"kind", "praise"}, {"visibility", "shared"},
                                                                     {"given_on", add_days(today, -1)},
                                                                     {"situation", "Release"}, {"behaviour", "Calm"},
                                                                     {"impact", "Shipped"}})}}});
    ASSERT_EQ(reply->status, 200);
    const Json pushed = body_of(reply);  // named: a range-for over a member of a temporary reads freed memory
    for (const auto& result : pushed["results"]) ASSERT_EQ(result["status"], "accepted") << result;
    const Json after = row_of(teams(hr), maya.user_id);
    EXPECT_EQ(after["checkins"].get<int>(), before["checkins"].get<int>() + 2);
    // feedback_given counts what the team's people gave, per person: Maya's own feedback is not theirs.
    EXPECT_EQ(after["feedback_given"], before["feedback_given"]);

    // HR imports an exit for one of Maya's reports (Dev Patel), dated inside the period.
    const std::string exit_day = add_days(today, -3);
    reply = client().Post("/api/v1/people/import", bearer(hr),
                          "employee_id,name,email,manager_employee_id,exit_date,exit_reason\n"
                          "m1r4,Dev Patel,dev.patel@example.test,manager1," + exit_day + ",voluntary\n",
                          "text/csv");
    ASSERT_EQ(reply->status, 200) << reply->body;
    const Json exited = row_of(teams(hr), maya.user_id);
    EXPECT_EQ(exited["exits"].get<int>(), before["exits"].get<int>() + 1);
    EXPECT_EQ(exited["voluntary_exits"].get<int>(), before["voluntary_exits"].get<int>() + 1);
    EXPECT_EQ(exited["headcount"], 3) << "he is no longer active on `to`";
    // A period that ends before his exit still counts him in.
    const Json earlier = row_of(teams(hr, "?from=" + add_days(today, -40) + "&to=" + add_days(today, -10)), maya.user_id);
    EXPECT_EQ(earlier["headcount"], 4);
    EXPECT_EQ(earlier["exits"], 0);
}

TEST_F(Analytics, SurveyFiguresAreSuppressedExactlyAsTheReadersTeamResults) {
    // HR's own survey (N = 3): Maya's team answers 4 times, Noah's twice, then it closes, so it is the
    // latest closed survey of both teams.
    const std::string survey = new_uuid_v7(wall_millis()), likert = new_uuid_v7(wall_millis());
    auto reply = push(hr, Json{{"device_id", "hr-laptop"},
                               {"changes", {change("survey", survey, {{"title", "Analytics check"}, {"audience", "org"},
                                                                      {"status", "open"}, {"min_group_size", 3},
                                                                      {"min_comment_group_size", 3}}),
                                            change("survey_question", likert, {{"survey_id", survey}, {"position", 1},
                                                                               {"kind", "likert5"}, {"theme", "engagement"},
                                                                               {"text", "I look forward to work."}})}}});
    ASSERT_EQ(reply->status, 200);
    auto links = [&](const std::string& manager, int count) {
        auto answer = client().Post(("/api/v1/surveys/" + survey + "/links").c_str(), bearer(hr),
                                    Json{{"team_of", manager}, {"count", count}}.dump(), "application/json");
        EXPECT_EQ(answer->status, 200) << answer->body;
        const Json body = body_of(answer);
        std::vector<std::string> tokens;
        for (const auto& link : body["links"]) tokens.push_back(link["token"]);
        return tokens;
    };
    int value = 2;
    for (const auto& token : links(maya.user_id, 4))
        ASSERT_EQ(client().Post(("/api/v1/answer/" + token).c_str(),
                                Json{{"answers", {{{"question_id", likert}, {"value", value++}}}}}.dump(), "application/json")
                      ->status,
                  201);
    for (const auto& token : links(noah.user_id, 2))
        ASSERT_EQ(client().Post(("/api/v1/answer/" + token).c_str(),
                                Json{{"answers", {{{"question_id", likert}, {"value", 4}}}}}.dump(), "application/json")
                      ->status,
                  201);
    reply = push(hr, Json{{"device_id", "hr-laptop"}, {"changes", {change("survey", survey, {{"status", "closed"}}, 2)}}});
    ASSERT_EQ(reply->status, 200);

    auto results = [&](const Session& who, const std::string& manager) {
        return body_of(get(who, "/api/v1/surveys/" + survey + "/results?group=team:" + manager));
    };
    for (const Session* reader : {&hr, &maya, &noah}) {
        for (const auto& row : teams(*reader)) {
            const std::string manager = row["manager_id"];
            const Json expected = results(*reader, manager)["indices"]["engagement"];
            EXPECT_EQ(row["engagement"], expected) << reader->user_id << " reading " << manager;
        }
    }
    // What that means here: Maya, reading from her own tree down, sees her team's 2,3,4,5 → 62.5; HR, from
    // the organisation down, may not (showing Maya's tree beside Dana's would leave Noah's 2 answers).
    EXPECT_DOUBLE_EQ(row_of(teams(maya), maya.user_id)["engagement"].get<double>(), 62.5);
    EXPECT_TRUE(row_of(teams(hr), maya.user_id)["engagement"].is_null());
    EXPECT_TRUE(row_of(teams(noah), noah.user_id)["engagement"].is_null()) << "2 answers are below 3";

    // The series and the cohort comparison carry the same figures under the same rules.
    auto round_in_series = [&](const Session& who, const std::string& group) {
        const Json body = body_of(get(who, "/api/v1/analytics/series?from=" + from + "&to=" + today + "&group=" + group));
        for (const auto& round : body["surveys"])
            if (round["survey_id"] == survey) return round;
        return Json();
    };
    const Json mine = round_in_series(maya, "team:" + maya.user_id);
    ASSERT_TRUE(mine.is_object()) << "the closed round is a point of Maya's team's trend";
    EXPECT_DOUBLE_EQ(mine["engagement"].get<double>(), 62.5);
    const Json hrs = round_in_series(hr, "team:" + maya.user_id);
    ASSERT_TRUE(hrs.is_object());
    EXPECT_TRUE(hrs["engagement"].is_null()) << "hidden from HR, as in HR's team: results";
    for (const Session* reader : {&hr, &maya}) {
        const Json body = body_of(get(*reader, "/api/v1/analytics/return?from=" + from + "&to=" + today));
        const Json rows = teams(*reader);
        for (const auto& team : body["teams"])
            EXPECT_EQ(team["engagement"], row_of(rows, team["manager_id"])["engagement"]) << team["manager_id"];
    }
}

TEST_F(Analytics, CsvExportsMatchTheJsonAndAreAuditedWithTheCaller) {
    const std::string period = "?from=" + from + "&to=" + today;
    EXPECT_TRUE(audit("analytics.export").empty());
    const Json rows = teams(hr);
    EXPECT_TRUE(audit("analytics.export").empty()) << "reading the figures is not an export";
    auto reply = get(hr, "/api/v1/analytics/teams.csv" + period);
    ASSERT_EQ(reply->status, 200);
    EXPECT_EQ(reply->get_header_value("Content-Type").rfind("text/csv", 0), 0u);
    std::vector<std::string> lines;
    for (size_t start = 0; start < reply->body.size();) {
        size_t end = reply->body.find("\r\n", start);
        lines.push_back(reply->body.substr(start, end - start));
        start = end + 2;
    }
    ASSERT_EQ(lines.size(), rows.size() + 1);
    EXPECT_EQ(lines[0], "manager_id,headcount,cadence_adherence,checkins,feedback_given,recognitions,exits,"
                        "voluntary_exits,retention_12m,engagement,enps,psych_safety");
    const Json first = rows[0];
    const std::string expected = first["manager_id"].get<std::string>() + "," + first["headcount"].dump() + "," +
                                 (first["cadence_adherence"].is_null() ? "" : first["cadence_adherence"].dump()) + "," +
                                 first["checkins"].dump();
    EXPECT_EQ(lines[1].rfind(expected, 0), 0u) << lines[1] << " vs " << expected;

    auto entries = audit("analytics.export");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0]["actor_id"], hr.user_id);
    EXPECT_EQ(entries[0]["details"]["export"], "teams");

    // A manager may download it too, scoped like the JSON; each chart's data has its own audited CSV.
    reply = get(maya, "/api/v1/analytics/teams.csv" + period);
    ASSERT_EQ(reply->status, 200);
    EXPECT_EQ(std::count(reply->body.begin(), reply->body.end(), '\n'), 2) << "header and her one team";
    EXPECT_NE(reply->body.find(maya.user_id + ",4,"), std::string::npos);
    ASSERT_EQ(get(maya, "/api/v1/analytics/series.csv" + period + "&group=team:" + maya.user_id)->status, 200);
    ASSERT_EQ(get(hr, "/api/v1/analytics/return.csv" + period)->status, 200);
    entries = audit("analytics.export");
    ASSERT_EQ(entries.size(), 4u);
    EXPECT_EQ(entries[1]["actor_id"], maya.user_id);
    EXPECT_EQ(entries[2]["details"]["export"], "series");
    EXPECT_EQ(entries[3]["details"]["export"], "return");
    EXPECT_EQ(get(hr, "/api/v1/analytics/teams.csv?from=x&to=y")->status, 400);
    EXPECT_EQ(audit("analytics.export").size(), 4u) << "refused calls are not audited";
}

TEST_F(Analytics, SeriesAndTheReturnKeepToTheReadersScope) {
    const std::string period = "?from=" + add_days(today, -95) + "&to=" + today;
    auto reply = get(hr, "/api/v1/analytics/series" + period + "&group=org");
    ASSERT_EQ(reply->status, 200) << reply->body;
    Json body = body_of(reply);
    EXPECT_GE(body["points"].size(), 4u);
    EXPECT_LE(body["points"].size(), 5u);
    EXPECT_EQ(body["points"].back()["to"], today);
    EXPECT_TRUE(body["points"][0]["exits"].is_number());
    EXPECT_FALSE(body["surveys"].empty()) << "the closed pulse round";

    // Maya: her own team and tree, the organisation's activity figures, never its survey results or exits.
    EXPECT_EQ(get(maya, "/api/v1/analytics/series" + period + "&group=team:" + maya.user_id)->status, 200);
    EXPECT_EQ(get(maya, "/api/v1/analytics/series" + period + "&group=team:" + noah.user_id)->status, 403);
    body = body_of(get(maya, "/api/v1/analytics/series" + period + "&group=org"));
    EXPECT_TRUE(body["surveys"].empty());
    EXPECT_TRUE(body["points"][0]["exits"].is_null());
    EXPECT_TRUE(body["points"][0]["retention_12m"].is_null());
    EXPECT_EQ(get(hr, "/api/v1/analytics/series" + period + "&group=team:" + elena.user_id)->status, 404);
    EXPECT_EQ(get(hr, "/api/v1/analytics/series" + period + "&group=everyone")->status, 400);
    EXPECT_EQ(get(hr, "/api/v1/analytics/series?from=2000-01-01&to=2012-12-31&group=org&bucket=week")->status, 400);
    EXPECT_EQ(get(hr, "/api/v1/analytics/series" + period + "&group=org&bucket=day")->status, 400);

    body = body_of(get(hr, "/api/v1/analytics/return" + period));
    EXPECT_EQ(body["practice"], "1:1 cadence adherence (month by month)");
    EXPECT_EQ(body["high"]["teams"].get<int>() + body["low"]["teams"].get<int>() +
                  int(std::count_if(body["teams"].begin(), body["teams"].end(),
                                    [](const Json& t) { return t["cohort"] == "none"; })),
              int(body["teams"].size()));
    EXPECT_FALSE(body["sentences"].empty());
    body = body_of(get(hr, "/api/v1/analytics/return" + period + "&split=recognition"));
    EXPECT_EQ(body["practice"], "recognitions received per person");
    EXPECT_EQ(get(hr, "/api/v1/analytics/return" + period + "&split=mood")->status, 400);
    body = body_of(get(maya, "/api/v1/analytics/return" + period));
    ASSERT_EQ(body["teams"].size(), 1u);
    EXPECT_EQ(body["teams"][0]["manager_id"], maya.user_id);
    EXPECT_TRUE(body["teams"][0]["retention_12m"].is_null());
    EXPECT_EQ(get(hr, "/api/v1/analytics/return" + period + "&split=program:00000000-0000-7000-8000-000000000000")->status,
              404);
}

}  // namespace
}  // namespace tandem::testing
