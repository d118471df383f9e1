// Surveys over HTTP as docs/api.md, Surveys, states them: who reads a survey, one-time links, answers without
// an account, kiosks that can only answer, results under thresholds, and a look through every table of the
// database after answering for anything that could tie an answer to a person, a token or a moment.
#include <regex>

#include "live_server.h"
#include "tandem/base/ids.h"

namespace tandem::testing {
namespace {

class Surveys : public LiveServer {
protected:
    Session hr, maya, noah, mentor;
    std::string dana;  // the director above Maya and Noah; she has no account
    std::string survey = new_uuid_v7(wall_millis()), likert = new_uuid_v7(wall_millis()),
                comment = new_uuid_v7(wall_millis()), choice = new_uuid_v7(wall_millis());

    // Teams of four (Maya's) and three (Noah's) under Dana, so groups fall on both sides of N = 3.
    void declare(TestOrg& org) override { add_two_teams(org); }

    void SetUp() override {
        LiveServer::SetUp();
        hr = sign_in("hr@example.test");
        maya = sign_in("manager1@example.test");
        noah = sign_in("manager2@example.test");
        mentor = sign_in("mentor@example.test");
        for (auto& row : pull_all(hr))
            if (row["entity"] == "person" && row["fields"].value("name", "") == "Dana Whitfield") dana = row["record_id"];
        ASSERT_FALSE(dana.empty());
    }

    // HR writes a survey with three questions; N = 3 so the teams of 4 and 3 can be shown.
    void write_survey(const std::string& audience, const std::string& status, Json extra = Json::object()) {
        Json fields{{"title", "Autumn pulse"}, {"audience", audience}, {"status", status},
                    {"min_group_size", 3}, {"min_comment_group_size", 3}};
        fields.update(extra);
        std::vector<Json> changes{
            pushed_change("s-" + survey + status, "survey", survey, fields),
            pushed_change("q1-" + survey, "survey_question", likert,
                   {{"survey_id", survey}, {"position", 1}, {"kind", "likert5"}, {"theme", "engagement"},
                    {"text", "I look forward to work most days."}}),
            pushed_change("q2-" + survey, "survey_question", choice,
                   {{"survey_id", survey}, {"position", 2}, {"kind", "choice"}, {"choices", "Remote\nOffice"},
                    {"text", "Where do you do your best work?"}}),
            pushed_change("q3-" + survey, "survey_question", comment,
                   {{"survey_id", survey}, {"position", 3}, {"kind", "text"}, {"text", "What should change?"}})};
        auto reply = push(hr, Json{{"device_id", "hr-laptop"}, {"changes", changes}});
        ASSERT_EQ(reply->status, 200);
        const Json body = body_of(reply);
        for (auto& result : body["results"]) ASSERT_EQ(result["status"], "accepted") << result;
    }
    std::vector<std::string> links(const std::string& manager_id, int count, int expect = 200) {
        auto reply = client().Post(("/api/v1/surveys/" + survey + "/links").c_str(), bearer(hr),
                                   Json{{"team_of", manager_id}, {"count", count}}.dump(), "application/json");
        EXPECT_EQ(reply->status, expect) << reply->body;
        std::vector<std::string> tokens;
        const Json body = reply->status == 200 ? body_of(reply) : Json::object();  // outlives the loop
        for (auto& link : body.value("links", Json::array())) tokens.push_back(link["token"]);
        return tokens;
    }
    httplib::Result answer(const std::string& token, const Json& answers) {
        return client().Post(("/api/v1/answer/" + token).c_str(), Json{{"answers", answers}}.dump(),
                             "application/json");
    }
    // HR closes the survey: its scores and comments are released.
    void close_survey() {
        auto reply = push(hr, Json{{"device_id", "hr-laptop"},
                                   {"changes", Json::array({pushed_change("close-" + survey, "survey", survey,
                                                                   {{"status", "closed"}})})}});
        ASSERT_EQ(reply->status, 200);
        ASSERT_EQ(body_of(reply)["results"][0]["status"], "accepted") << reply->body;
    }
    Json results(const Session& session, const std::string& group, int expect = 200) {
        auto reply = client().Get(("/api/v1/surveys/" + survey + "/results?group=" + group).c_str(), bearer(session));
        EXPECT_EQ(reply->status, expect) << group << " " << reply->body;
        return reply->status == 200 ? body_of(reply) : Json();
    }
    bool sees(const Session& session, const std::string& record_id) {
        for (auto& row : pull_all(session))
            if (row["record_id"] == record_id) return true;
        return false;
    }
    std::vector<Json> audit(const std::string& action) {
        auto reply = client().Get(("/api/v1/audit?limit=1000&action=" + action).c_str(), bearer(hr));
        const Json entries = body_of(reply)["entries"];
        return std::vector<Json>(entries.begin(), entries.end());
    }
};

TEST_F(Surveys, ManagersReadTheSurveysWhoseAudienceTouchesTheirTree) {
    write_survey(noah.user_id, "draft");
    EXPECT_TRUE(sees(hr, survey));
    EXPECT_TRUE(sees(noah, survey));
    EXPECT_TRUE(sees(noah, likert)) << "questions follow their survey";
    EXPECT_FALSE(sees(maya, survey)) << "a peer outside the audience";
    EXPECT_FALSE(sees(maya, likert));
    EXPECT_FALSE(sees(mentor, survey));
    auto forged = push(maya, Json{{"device_id", "m"}, {"changes", Json::array({pushed_change(
        "x", "survey", new_uuid_v7(wall_millis()), {{"title", "Mine"}, {"audience", "org"}})})}});
    EXPECT_EQ(body_of(forged)["results"][0]["error"]["code"], "forbidden");
    auto bad_audience = push(hr, Json{{"device_id", "h"}, {"changes", Json::array({pushed_change(
        "y", "survey", new_uuid_v7(wall_millis()), {{"title", "Bad"}, {"audience", "everyone"}})})}});
    EXPECT_EQ(body_of(bad_audience)["results"][0]["error"]["code"], "invalid_change");
}

TEST_F(Surveys, LinksAreOneTimeUpToTheHeadcountAndAudited) {
    write_survey("org", "draft");
    EXPECT_TRUE(links(maya.user_id, 0, 400).empty());
    EXPECT_TRUE(links(maya.user_id, 5, 400).empty()) << "Maya's team has 4 people";
    EXPECT_TRUE(links(mentor.user_id, 1, 400).empty()) << "a mentor leads no team";
    auto first = links(maya.user_id, 3);
    ASSERT_EQ(first.size(), 3u);
    EXPECT_TRUE(links(maya.user_id, 2, 400).empty()) << "3 made before: only 1 more";
    EXPECT_EQ(links(maya.user_id, 1).size(), 1u);
    for (const auto& token : first) EXPECT_TRUE(std::regex_match(token, std::regex("[0-9a-f]{64}")));
    auto refused = client().Post(("/api/v1/surveys/" + survey + "/links").c_str(), bearer(maya),
                                 Json{{"team_of", maya.user_id}, {"count", 1}}.dump(), "application/json");
    EXPECT_EQ(refused->status, 403);
    auto entries = audit("survey.links");
    ASSERT_EQ(entries.size(), 2u) << "refused calls are not audited";
    EXPECT_EQ(entries[0]["target_id"], survey);
    EXPECT_EQ(entries[0]["details"]["count"], 3);

    EXPECT_EQ(client().Get(("/api/v1/answer/" + first[0]).c_str())->status, 409) << "a draft takes no answers";
    EXPECT_EQ(body_of(answer(first[0], Json::array()))["error"]["code"], "survey_closed");
}

TEST_F(Surveys, AnAnswerIsCheckedWholeCountedOnceAndLeavesNothingThatPointsBack) {
    write_survey("org", "open");
    auto tokens = links(maya.user_id, 4);
    ASSERT_EQ(tokens.size(), 4u);
    auto page = client().Get(("/api/v1/answer/" + tokens[0]).c_str());
    ASSERT_EQ(page->status, 200);
    Json shown = body_of(page);
    EXPECT_EQ(shown["survey"]["title"], "Autumn pulse");
    ASSERT_EQ(shown["questions"].size(), 3u);
    EXPECT_EQ(shown["questions"][0]["question_id"], likert) << "in position order";
    EXPECT_EQ(shown["questions"][1]["choices"], Json::array({"Remote", "Office"}));
    EXPECT_NE(shown["anonymity"].get<std::string>().find("fewer than 3"), std::string::npos);

    auto bad = answer(tokens[0], Json::array({{{"question_id", likert}, {"value", 9}}}));
    EXPECT_EQ(bad->status, 400);
    EXPECT_EQ(body_of(bad)["error"]["code"], "invalid_answer");
    auto unknown_question = answer(tokens[0], Json::array({{{"question_id", new_uuid_v7(1)}, {"value", 3}}}));
    EXPECT_EQ(body_of(unknown_question)["error"]["code"], "invalid_answer");
    const std::string secret = "The rota ignores school holidays, kw7c9";
    auto ok = answer(tokens[0], Json::array({{{"question_id", likert}, {"value", 4}},
                                             {{"question_id", comment}, {"value", secret}}}));
    ASSERT_EQ(ok->status, 201) << ok->body << " (the refused answers left the token usable)";
    EXPECT_EQ(body_of(ok)["status"], "recorded");
    EXPECT_EQ(body_of(answer(tokens[0], Json::array()))["error"]["code"], "already_answered");
    EXPECT_EQ(client().Get(("/api/v1/answer/" + tokens[0]).c_str())->status, 409);
    EXPECT_EQ(client().Get(("/api/v1/answer/" + std::string(64, 'a')).c_str())->status, 404);
    auto huge = answer(tokens[1], Json::array({{{"question_id", comment}, {"value", std::string(600 * 1024, 'x')}}}));
    EXPECT_EQ(huge->status, 413);

    // Every table, every row: no token, no person who could have answered, no time finer than the day
    // beside the answer, and the comment only in the answer table.
    shut_down();
    auto opened = open_store();
    Store& store = *opened;
    const auto tables = test_database->every_row();
    ASSERT_GT(tables.size(), 8u);
    std::vector<std::string> team;  // Maya's reports: who might have answered
    for (auto& record : store.records_of("person"))
        if (record.state.text("manager_id") == maya.user_id) team.push_back(record.state.record_id);
    ASSERT_EQ(team.size(), 4u);
    for (const auto& [table, rows] : tables)
        for (const auto& cells : rows) {
            std::string row;
            for (const auto& cell : cells) row += cell + "|";
            EXPECT_EQ(row.find(tokens[0]), std::string::npos) << table;
            if (row.find(secret) == std::string::npos) continue;
            EXPECT_EQ(table, "survey_answer") << "the comment sits only with the answers";
            for (const auto& person : team) EXPECT_EQ(row.find(person), std::string::npos) << table;
        }
    Statement columns(store.database(), test_database->is_postgres()
                                            ? "SELECT column_name FROM information_schema.columns WHERE "
                                              "table_name = 'survey_answer' ORDER BY ordinal_position"
                                            : "SELECT name FROM pragma_table_info('survey_answer') ORDER BY cid");
    std::vector<std::string> names;
    while (columns.step()) names.push_back(columns.text(0));
    EXPECT_EQ(names, (std::vector<std::string>{"answer_key", "survey_id", "question_id", "group_key", "value", "day"}));
    Statement answers(store.database(),
                      "SELECT group_key, day, length(answer_key) FROM survey_answer WHERE survey_id = ?");
    answers.bind(1, survey);
    int count = 0;
    while (answers.step()) {
        ++count;
        EXPECT_EQ(answers.text(0), "team:" + maya.user_id);
        EXPECT_TRUE(std::regex_match(answers.text(1), std::regex(R"(\d{4}-\d\d-\d\d)")));
        EXPECT_EQ(answers.integer(2), 16) << "a random 128-bit key";
    }
    EXPECT_EQ(count, 2);
    // Where rows are kept: SQLite tables without a rowid keep them in key order; on PostgreSQL, the order
    // of rows and their transaction ids are checked in postgres_storage_test.cpp.
    if (test_database->is_postgres()) return;
    Statement without_rowid(store.database(),
                            "SELECT count(*) FROM sqlite_master WHERE name IN ('survey_answer', 'survey_link', "
                            "'kiosk_submission', 'survey_tally') AND sql LIKE '%WITHOUT ROWID%'");
    ASSERT_TRUE(without_rowid.step());
    EXPECT_EQ(without_rowid.integer(0), 4) << "no rowid that follows the order answers came in";
}

// PostgreSQL keeps rows in a heap, in the order they came, each stamped with the id of the transaction that
// wrote it. Neither may say who answered first: the group's rows are written anew in the order of their random
// keys with every answer (survey_store.cpp).
TEST_F(Surveys, OnPostgresAnswerRowsKeepNeitherTheOrderOfArrivalNorTheAnsweringTransaction) {
    if (!test_database->is_postgres()) GTEST_SKIP() << "SQLite keeps answers without a rowid, in key order";
    write_survey("org", "open");
    const auto tokens = links(maya.user_id, 4);
    ASSERT_EQ(tokens.size(), 4u);
    for (size_t i = 0; i < tokens.size(); ++i)
        ASSERT_EQ(answer(tokens[i], Json::array({{{"question_id", likert}, {"value", 1 + int(i)}},
                                                 {{"question_id", comment}, {"value", "answer " + std::to_string(i)}}}))
                      ->status,
                  201);
    auto opened = open_store();
    Database& db = opened->database();
    Statement stamps(db, "SELECT count(*), count(DISTINCT xmin::text) FROM survey_answer WHERE survey_id = ?");
    stamps.bind(1, survey);
    ASSERT_TRUE(stamps.step());
    EXPECT_EQ(stamps.integer(0), 8);
    EXPECT_EQ(stamps.integer(1), 1) << "every row carries the last answer's transaction, none its own";
    auto keys_in = [&](const char* order) {
        Statement rows(db, std::string("SELECT answer_key FROM survey_answer WHERE survey_id = ? ORDER BY ") + order);
        rows.bind(1, survey);
        std::vector<std::string> keys;
        while (rows.step()) keys.push_back(rows.blob(0));
        return keys;
    };
    EXPECT_EQ(keys_in("ctid"), keys_in("answer_key")) << "rows lie in the order of their random keys";
}

TEST_F(Surveys, ResultsShowOnlyGroupsWithEnoughAnswersToThoseWhoMayReadThem) {
    write_survey("org", "open");
    auto maya_links = links(maya.user_id, 4), noah_links = links(noah.user_id, 2);
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(answer(maya_links[size_t(i)], Json::array({{{"question_id", likert}, {"value", 3 + i % 2}},
                                                             {{"question_id", choice}, {"value", "Remote"}},
                                                             {{"question_id", comment}, {"value", "More focus time"}}}))
                      ->status,
                  201);
    ASSERT_EQ(answer(maya_links[3], Json::array({{{"question_id", likert}, {"value", 5}}}))->status, 201);
    for (const auto& token : noah_links)
        ASSERT_EQ(answer(token, Json::array({{{"question_id", likert}, {"value", 2}}}))->status, 201);

    Json open = results(maya, "team:" + maya.user_id);
    EXPECT_EQ(open["respondents"], 4) << "while open: who answered";
    EXPECT_FALSE(open.contains("questions") || open.contains("indices")) << open << ": and nothing else";
    close_survey();

    Json team = results(maya, "team:" + maya.user_id);
    EXPECT_EQ(team["status"], "ok");
    EXPECT_EQ(team["respondents"], 4);
    EXPECT_EQ(team["questions"][0]["n"], 4);
    EXPECT_DOUBLE_EQ(team["questions"][0]["mean"].get<double>(), 3.75);
    EXPECT_EQ(team["questions"][0]["distribution"]["3"], 2);
    EXPECT_EQ(team["questions"][1]["distribution"]["Remote"], 3);
    EXPECT_EQ(team["questions"][2]["comments"].size(), 3u);
    EXPECT_DOUBLE_EQ(team["indices"]["engagement"].get<double>(), 68.75);
    EXPECT_TRUE(team["indices"]["enps"].is_null());

    Json small = results(noah, "team:" + noah.user_id);
    EXPECT_EQ(small["status"], "below_threshold");
    EXPECT_TRUE(small["respondents"].is_null());
    EXPECT_TRUE(small["questions"][0]["mean"].is_null());

    // Dana's tree holds 6; its family: team:Dana (none), tree:Maya 4, tree:Noah 2: the rest after showing
    // Maya's would be Noah's 2, so in HR's view (from the organisation down) Maya's tree is hidden, and
    // with it its twin, her team. Maya, reading from her own tree down, has no parent to difference.
    EXPECT_EQ(results(hr, "org")["respondents"], 6);
    EXPECT_EQ(results(hr, "tree:" + dana)["respondents"], 6);
    EXPECT_EQ(results(hr, "tree:" + maya.user_id)["status"], "below_threshold");
    EXPECT_EQ(results(hr, "team:" + maya.user_id)["status"], "below_threshold");
    Json family = results(hr, "tree:" + dana + "&children=true");
    ASSERT_EQ(family["children"].size(), 3u) << "team:Dana, tree:Maya, tree:Noah";
    for (const auto& child : family["children"])
        EXPECT_TRUE(child["respondents"].is_null()) << child["group"] << ": none may be shown beside the parent";

    results(noah, "team:" + maya.user_id, 403);
    results(maya, "tree:" + dana, 403);
    results(maya, "org", 403);
    results(mentor, "team:" + maya.user_id, 403);
    results(hr, "everyone", 403);
    results(hr, "team:" + mentor.user_id, 404);
    auto unknown = client().Get(("/api/v1/surveys/" + new_uuid_v7(1) + "/results?group=org").c_str(), bearer(hr));
    EXPECT_EQ(unknown->status, 404);
}

TEST_F(Surveys, AKioskOnlyAnswersCountsOnceForItsSessionAndStopsWhenRevoked) {
    const std::string session = new_uuid_v7(wall_millis());
    auto wrote = push(hr, Json{{"device_id", "h"}, {"changes", Json::array({pushed_change(
        "ts", "training_session", session, {{"title", "Coaching basics"}, {"held_on", "2026-11-27"},
                                            {"facilitator_id", noah.user_id}})})}});
    ASSERT_EQ(body_of(wrote)["results"][0]["status"], "accepted");
    write_survey("org", "open", {{"training_session_id", session}});
    auto not_hr = client().Post("/api/v1/kiosks", bearer(maya), Json{{"survey_id", survey}, {"label", "x"}}.dump(),
                                "application/json");
    EXPECT_EQ(not_hr->status, 403);
    auto made = client().Post("/api/v1/kiosks", bearer(hr),
                              Json{{"survey_id", survey}, {"label", "Room 2 tablet"}}.dump(), "application/json");
    ASSERT_EQ(made->status, 201) << made->body;
    const std::string kiosk_id = body_of(made)["kiosk_id"], kiosk_token = body_of(made)["kiosk_token"];
    httplib::Headers kiosk{{"Authorization", "Bearer " + kiosk_token}};

    EXPECT_EQ(client().Get("/api/v1/sync/pull?since=0", kiosk)->status, 403);
    EXPECT_EQ(client().Get("/api/v1/audit", kiosk)->status, 403);
    EXPECT_EQ(client().Post("/api/v1/session", kiosk, "{}", "application/json")->status, 403);
    auto shown = client().Get("/api/v1/kiosk/survey", kiosk);
    ASSERT_EQ(shown->status, 200);
    EXPECT_EQ(body_of(shown)["questions"].size(), 3u);

    auto send = [&](const std::string& submission, int value) {
        return client().Post("/api/v1/kiosk/responses", kiosk,
                             Json{{"submission_id", submission},
                                  {"answers", Json::array({{{"question_id", likert}, {"value", value}}})}}
                                 .dump(),
                             "application/json");
    };
    std::vector<std::string> submissions;
    for (int i = 0; i < 4; ++i) {
        submissions.push_back("0b7d5a4e-8c1f-4a2b-9d3e-" + std::string(11, 'a') + std::to_string(i));
        auto reply = send(submissions.back(), 4);
        ASSERT_EQ(reply->status, 201) << reply->body;
    }
    auto again = send(submissions[0], 4);
    EXPECT_EQ(again->status, 200);
    EXPECT_EQ(body_of(again)["status"], "duplicate");
    auto bad = send("0b7d5a4e-8c1f-4a2b-9d3e-bbbbbbbbbbbb", 8);
    EXPECT_EQ(bad->status, 400);
    EXPECT_EQ(body_of(bad)["error"]["code"], "invalid_answer");
    EXPECT_EQ(send("not-a-uuid", 3)->status, 400);

    Json by_session = results(hr, "session:" + session);
    EXPECT_EQ(by_session["respondents"], 4) << "the resend was not counted twice";
    EXPECT_EQ(results(noah, "session:" + session)["respondents"], 4) << "Noah runs the session";
    results(maya, "session:" + session, 403);
    EXPECT_EQ(results(hr, "org")["status"], "no_data") << "session answers count only for the session";

    auto revoked = client().Delete(("/api/v1/kiosks/" + kiosk_id).c_str(), bearer(hr));
    EXPECT_EQ(revoked->status, 204);
    EXPECT_EQ(client().Delete(("/api/v1/kiosks/" + kiosk_id).c_str(), bearer(hr))->status, 404);
    EXPECT_EQ(send("0b7d5a4e-8c1f-4a2b-9d3e-cccccccccccc", 3)->status, 401);
    EXPECT_EQ(client().Get("/api/v1/kiosk/survey", kiosk)->status, 401);
    EXPECT_EQ(audit("kiosk.register").size(), 1u);
    EXPECT_EQ(audit("kiosk.revoke").size(), 1u);
}

TEST_F(Surveys, ALinkIsRateLimited) {
    write_survey("org", "open");
    auto tokens = links(noah.user_id, 1);
    int limited = 0;
    for (int i = 0; i < 40; ++i) limited += client().Get(("/api/v1/answer/" + tokens[0]).c_str())->status == 429;
    EXPECT_GE(limited, 5);
    auto page = client().Get("/answer");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("/api/v1/answer/"), std::string::npos);
    EXPECT_EQ(page->body.find(".wasm"), std::string::npos) << "no WebAssembly needed to answer";
}

} // namespace
} // namespace tandem::testing
