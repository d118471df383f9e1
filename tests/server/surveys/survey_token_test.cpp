// Survey tokens over HTTP (docs/survey-tokens.md): a signed-in person gets one blind token per survey, answers
// with it without a session, once, for their own team only; and no value the redemption carried appears in any
// row the issuance wrote, read from the raw database file before and after each step.

#include <regex>
#include <set>

#include "live_server.h"
#include "people/employee_access_on.h"
#include "surveys/token_store.h"
#include "tandem/base/ids.h"
#include "tandem/surveys/blind_tokens.h"

namespace tandem::testing {
namespace {

using Rows = TableRows;

// The rows `after` holds that `before` did not, by table.
std::map<std::string, Rows> written_between(const std::map<std::string, Rows>& before,
                                            const std::map<std::string, Rows>& after) {
    std::map<std::string, Rows> written;
    for (const auto& [table, rows] : after) {
        Rows old = before.count(table) ? before.at(table) : Rows{};
        for (const auto& row : rows) {
            auto it = old.find(row);
            if (it != old.end()) old.erase(it);
            else written[table].insert(row);
        }
    }
    return written;
}

std::string hex(const std::string& bytes) {
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    out.pop_back();
    return out;
}

std::string lower(std::string text) {
    for (char& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

struct Token {
    std::string group, public_key, input, token;
    std::string blinded_element;  // what issuance saw
};

class SurveyTokens : public LiveServer {
protected:
    void make_database() override {
        LiveServer::make_database();
        switch_employee_access_on(database);  // employees answer here
    }
    Session hr, maya, aiko, bruno, emeka;
    std::string survey = new_uuid_v7(wall_millis()), likert = new_uuid_v7(wall_millis());

    // Maya's team (Aiko and Bruno sign in) and Noah's (Emeka signs in), under Dana.
    void declare(TestOrg& org) override {
        add_two_teams(org);
        for (const char* key : {"m1r1", "m1r2", "m2r1"}) org.account(key);
    }

    void SetUp() override {
        LiveServer::SetUp();
        hr = sign_in("hr@example.test");
        maya = sign_in("manager1@example.test");
        aiko = sign_in("aiko.tanaka@example.test");
        bruno = sign_in("bruno.alvarez@example.test");
        emeka = sign_in("emeka.obi@example.test");
    }

    void write_survey(const std::string& audience, const std::string& status = "open") {
        std::vector<Json> changes{
            pushed_change("s-" + survey + status, "survey", survey,
                          {{"title", "Winter pulse"}, {"audience", audience}, {"status", status},
                           {"min_group_size", 3}, {"min_comment_group_size", 3}}),
            pushed_change("q-" + survey, "survey_question", likert,
                          {{"survey_id", survey}, {"position", 1}, {"kind", "likert5"}, {"theme", "engagement"},
                           {"text", "I look forward to work most days."}})};
        auto reply = push(hr, Json{{"device_id", "hr-laptop"}, {"changes", changes}});
        ASSERT_EQ(reply->status, 200);
        // A named value: a range-for over a member of a temporary would read freed memory.
        const Json results = body_of(reply)["results"];
        for (const auto& result : results) ASSERT_EQ(result["status"], "accepted") << result;
    }

    std::string path(const std::string& tail) { return "/api/v1/surveys/" + survey + tail; }

    Json token_keys(const Session& session, int expect = 200) {
        auto reply = client().Get(path("/token-keys").c_str(), bearer(session));
        EXPECT_EQ(reply->status, expect) << reply->body;
        return Json::parse(reply->body);
    }

    // The device's side of issuance: a random input, blinded; the server's answer checked and unblinded.
    std::optional<Token> fetch_token(const Session& session, int expect = 200, std::string* code = nullptr) {
        Token token;
        token.input.resize(32);
        randombytes_buf(token.input.data(), token.input.size());
        auto blinded = voprf::blind(token.input);
        token.blinded_element = blinded->blinded_element;
        auto reply = client().Post(path("/token").c_str(), bearer(session),
                                   Json{{"blinded_element", voprf::to_base64url(blinded->blinded_element)}}.dump(),
                                   "application/json");
        EXPECT_EQ(reply->status, expect) << reply->body;
        const Json body = Json::parse(reply->body);
        if (code && body.contains("error")) *code = body["error"]["code"];
        if (reply->status != 200) return std::nullopt;
        token.group = body["group"];
        token.public_key = *voprf::from_base64url(body["public_key"].get<std::string>(), 32);
        auto output = voprf::finalize(token.input, blinded->blind,
                                      *voprf::from_base64url(body["evaluated_element"].get<std::string>(), 32),
                                      blinded->blinded_element, token.public_key,
                                      *voprf::from_base64url(body["proof"].get<std::string>(), 64));
        EXPECT_TRUE(output) << "the proof must verify under the key the server named";
        token.token = output.value_or("");
        return token;
    }

    Json redemption_body(const Token& token, Json answers) {
        return Json{{"group", token.group},
                    {"token_input", voprf::to_base64url(token.input)},
                    {"token", voprf::to_base64url(token.token)},
                    {"answers", std::move(answers)}};
    }

    // Sent as the app sends it: no Authorization header at all.
    httplib::Result redeem(const Json& body) {
        return client().Post(path("/token-answers").c_str(), body.dump(), "application/json");
    }

    std::string error_code(const httplib::Result& reply) { return Json::parse(reply->body)["error"].value("code", ""); }
};

TEST_F(SurveyTokens, ATokenIsIssuedOncePerPersonAndAnswersOnce) {
    write_survey("org");
    auto token = fetch_token(aiko);
    ASSERT_TRUE(token);
    EXPECT_EQ(token->group, "team:" + maya.user_id);
    std::string code;
    EXPECT_FALSE(fetch_token(aiko, 409, &code));
    EXPECT_EQ(code, "already_issued");

    const Json answers = Json::array({Json{{"question_id", likert}, {"value", 4}}});
    auto first = redeem(redemption_body(*token, answers));
    ASSERT_EQ(first->status, 201) << first->body;
    EXPECT_EQ(Json::parse(first->body)["status"], "recorded");
    auto again = redeem(redemption_body(*token, answers));
    EXPECT_EQ(again->status, 409);
    EXPECT_EQ(error_code(again), "already_answered");

    // Counted for Maya's team like a link's answer: a respondent in the open survey's participation.
    auto results = client().Get(path("/results?group=team:" + maya.user_id).c_str(), bearer(hr));
    ASSERT_EQ(results->status, 200) << results->body;
}

TEST_F(SurveyTokens, TheKeyListIsTheSameForEveryoneAndHoldsTheIssuingKey) {
    write_survey("org");
    const Json seen_by_aiko = token_keys(aiko), seen_by_emeka = token_keys(emeka), seen_by_hr = token_keys(hr);
    EXPECT_EQ(seen_by_aiko, seen_by_emeka);
    EXPECT_EQ(seen_by_aiko, seen_by_hr);
    EXPECT_EQ(seen_by_aiko["suite"], "ristretto255-SHA512");
    std::set<std::string> groups;
    for (const auto& key : seen_by_aiko["keys"]) groups.insert(key["group"]);
    // Every invited team has its key before anyone's token: Dana's, Maya's and Noah's.
    EXPECT_EQ(groups.size(), 3u);
    auto token = fetch_token(bruno);
    ASSERT_TRUE(token);
    bool listed = false;
    const Json published = token_keys(bruno);
    for (const auto& key : published["keys"])
        listed |= key["group"] == token->group && key["public_key"] == voprf::to_base64url(token->public_key);
    EXPECT_TRUE(listed) << "the key Bruno's token was made under is the published one of his team";
    EXPECT_EQ(token_keys(bruno), seen_by_aiko) << "issuance made no key for Bruno alone";
}

TEST_F(SurveyTokens, ATokenOfOneGroupDoesNotAnswerForAnother) {
    write_survey("org");
    auto token = fetch_token(aiko);  // Maya's team
    ASSERT_TRUE(token);
    Json body = redemption_body(*token, Json::array({Json{{"question_id", likert}, {"value", 2}}}));
    const Json published = token_keys(aiko);
    for (const auto& key : published["keys"])
        if (key["group"] != token->group) body["group"] = key["group"];  // Noah's or Dana's team
    ASSERT_NE(body["group"], token->group);
    auto reply = redeem(body);
    EXPECT_EQ(reply->status, 400) << reply->body;
    EXPECT_EQ(error_code(reply), "invalid_token");
    body["group"] = "team:nobody";
    EXPECT_EQ(error_code(redeem(body)), "invalid_token");
    // A forged token for the right group fails too, and the real one still works afterwards.
    Json forged = redemption_body(*token, body["answers"]);
    std::string bytes = token->token;
    bytes[0] = char(bytes[0] ^ 1);
    forged["token"] = voprf::to_base64url(bytes);
    EXPECT_EQ(error_code(redeem(forged)), "invalid_token");
    EXPECT_EQ(redeem(redemption_body(*token, body["answers"]))->status, 201);
}

TEST_F(SurveyTokens, OnlyPeopleOfAnInvitedTeamGetATokenAndOnlyWhileTheSurveyIsOpen) {
    write_survey(maya.user_id);  // Maya's team only
    std::string code;
    EXPECT_FALSE(fetch_token(emeka, 403, &code));
    EXPECT_EQ(code, "forbidden");
    token_keys(emeka, 403);
    EXPECT_TRUE(fetch_token(aiko));

    // A malformed element, and none at all.
    for (const Json& bad : {Json{{"blinded_element", "AAAA"}}, Json{{"blinded_element", std::string(43, 'A')}},
                            Json::object()}) {
        auto reply = client().Post(path("/token").c_str(), bearer(bruno), bad.dump(), "application/json");
        EXPECT_EQ(reply->status, 400) << bad;
        EXPECT_EQ(error_code(reply), "invalid_request");
    }

    auto reply = push(hr, Json{{"device_id", "hr-laptop"},
                               {"changes", Json::array({pushed_change("close-" + survey, "survey", survey,
                                                                      {{"status", "closed"}})})}});
    ASSERT_EQ(reply->status, 200);
    EXPECT_FALSE(fetch_token(bruno, 409, &code));
    EXPECT_EQ(code, "survey_closed");
}

TEST_F(SurveyTokens, EmployeesReadTheSurveysTheyMayAnswerAndNoResults) {
    write_survey(maya.user_id);
    auto sees = [&](const Session& session, const std::string& record_id) {
        for (auto& row : pull_all(session))
            if (row["record_id"] == record_id) return true;
        return false;
    };
    EXPECT_TRUE(sees(aiko, survey));
    EXPECT_TRUE(sees(aiko, likert));
    EXPECT_FALSE(sees(emeka, survey)) << "Noah's team is not invited";
    auto results = client().Get(path("/results?group=team:" + maya.user_id).c_str(), bearer(aiko));
    EXPECT_EQ(results->status, 403);
}

TEST_F(SurveyTokens, ABadAnswerRecordsNothingAndLeavesTheTokenUsable) {
    write_survey("org");
    auto token = fetch_token(aiko);
    ASSERT_TRUE(token);
    auto bad = redeem(redemption_body(*token, Json::array({Json{{"question_id", likert}, {"value", 9}}})));
    EXPECT_EQ(bad->status, 400);
    EXPECT_EQ(error_code(bad), "invalid_answer");
    EXPECT_EQ(redeem(redemption_body(*token, Json::array({Json{{"question_id", likert}, {"value", 5}}})))->status, 201);
}

TEST_F(SurveyTokens, RedemptionIgnoresASessionAndAClosedSurveyRefusesIt) {
    write_survey("org");
    auto token = fetch_token(aiko), other = fetch_token(bruno);
    ASSERT_TRUE(token && other);
    // A header that is no session at all is not even looked at: the answer is judged by its token alone.
    auto with_header = client().Post(path("/token-answers").c_str(), {{"Authorization", "Bearer not-a-session"}},
                                     redemption_body(*other, Json::array()).dump(), "application/json");
    EXPECT_EQ(with_header->status, 201) << with_header->body;
    auto reply = push(hr, Json{{"device_id", "hr-laptop"},
                               {"changes", Json::array({pushed_change("close-" + survey, "survey", survey,
                                                                      {{"status", "closed"}})})}});
    ASSERT_EQ(reply->status, 200);
    auto closed = redeem(redemption_body(*token, Json::array()));
    EXPECT_EQ(closed->status, 409);
    EXPECT_EQ(error_code(closed), "survey_closed");
}

TEST_F(SurveyTokens, IssuanceAndRedemptionShareNoStoredValue) {
    write_survey("org");
    token_keys(aiko);  // keys exist before, as when the app first lists the survey
    const auto before_issuance = test_database->every_row();
    auto token = fetch_token(aiko);
    ASSERT_TRUE(token);
    const auto after_issuance = test_database->every_row();
    auto issued = written_between(before_issuance, after_issuance);
    ASSERT_EQ(issued.count("survey_token_issued"), 1u) << "issuance wrote its row";

    const Json body = redemption_body(*token, Json::array({Json{{"question_id", likert}, {"value", 3}}}));
    auto reply = redeem(body);
    ASSERT_EQ(reply->status, 201) << reply->body;
    auto redeemed = written_between(after_issuance, test_database->every_row());
    ASSERT_EQ(redeemed.count("survey_token_spent"), 1u);

    // Every value the redemption carried or wrote, but the group (the point) and the survey (in the address).
    std::vector<std::string> seen{token->input, token->token, server::spent_digest(survey, token->input)};
    for (const auto& [table, rows] : redeemed)
        for (const auto& row : rows)
            for (const auto& cell : row)
                // The UTC day is the one value both sides keep on purpose (docs/survey-tokens.md); the device
                // asks for its token the day it first sees the survey, not the day it answers.
                if (cell.size() >= 8 && cell != survey && cell != token->group && cell.find(likert) == std::string::npos &&
                    !std::regex_match(cell, std::regex(R"(\d{4}-\d\d-\d\d)")))
                    seen.push_back(cell);
    const Json answered = Json::parse(reply->body);
    for (const auto& [key, value] : answered.items())
        if (value.is_string()) seen.push_back(value.get<std::string>());
    std::vector<std::string> needles;
    for (const auto& value : seen)
        for (const auto& form : {value, hex(value), lower(voprf::to_base64url(value)), voprf::to_base64url(value)})
            if (form.size() >= 8) needles.push_back(form);

    for (const auto& [table, rows] : issued)
        for (const auto& row : rows)
            for (const auto& cell : row)
                for (const auto& needle : needles) {
                    EXPECT_EQ(cell.find(needle), std::string::npos) << table << " holds " << hex(needle) << ", seen at redemption";
                    EXPECT_EQ(lower(cell).find(lower(needle)), std::string::npos) << table;
                }

    // What issuance kept is the survey, the person and the day; the spent row the digest alone.
    Rows issued_rows = issued.at("survey_token_issued");
    ASSERT_EQ(issued_rows.size(), 1u);
    const auto& row = *issued_rows.begin();
    ASSERT_EQ(row.size(), 3u);
    EXPECT_EQ(row[0], survey);
    EXPECT_EQ(row[1], aiko.user_id);
    EXPECT_TRUE(std::regex_match(row[2], std::regex(R"(\d{4}-\d\d-\d\d)")));
    for (const auto& [table, rows] : redeemed)
        for (const auto& written : rows)
            for (const auto& cell : written) EXPECT_EQ(cell.find(aiko.user_id), std::string::npos) << table;
    EXPECT_EQ(issued.count("survey_answer"), 0u);
    for (const auto& [table, rows] : issued)
        for (const auto& written : rows)
            for (const auto& cell : written)
                EXPECT_EQ(cell.find(token->blinded_element), std::string::npos)
                    << table << " keeps the blinded element";
}

}  // namespace
}  // namespace tandem::testing
