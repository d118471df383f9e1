// A signed-in employee's device and its survey tokens, against a server the test plays by hand with a real
// VOPRF key: the token is fetched in the background as soon as a pull brings the survey, checked against the
// published key, kept in the person's store across a sign-out, and the answers go out without the session,
// waiting on the device while offline.
#include <gtest/gtest.h>

#include <sodium.h>

#include "app/app.h"
#include "fake_platform.h"
#include "features/surveys/survey_tokens.h"
#include "features/surveys/surveys.h"
#include "tandem/base/hlc.h"
#include "tandem/surveys/blind_tokens.h"

namespace tandem::testing {
namespace {

constexpr const char* kSurvey = "01900000-0000-7000-8000-0000000000a1";
constexpr const char* kQuestion = "01900000-0000-7000-8000-0000000000a2";
constexpr const char* kKeys = "/api/v1/surveys/01900000-0000-7000-8000-0000000000a1/token-keys";
constexpr const char* kIssue = "/api/v1/surveys/01900000-0000-7000-8000-0000000000a1/token";
constexpr const char* kAnswers = "/api/v1/surveys/01900000-0000-7000-8000-0000000000a1/token-answers";

using State = client::SurveyToken::State;

class SurveyTokensTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        app.update();
        sign_in();
        answer_pull();
    }

    // Sign-out puts every PerUser value back, so the next test starts with no token in memory.
    void TearDown() override {
        if (app.signed_in()) app.sign_out();
    }

    void sign_in() {
        app.sign_in("aiko@demo.example", "tandem-demo");
        platform.answer_to("/api/v1/session", 200,
                           Json{{"token", "session-aiko"},
                                {"user", {{"id", kReport}, {"name", "Aiko Tanaka"}, {"role", "employee"}}}}
                               .dump());
        ASSERT_TRUE(app.signed_in());
        settle();
    }

    Json change(const std::string& entity, const std::string& record_id, const Json& fields) {
        Change c;
        c.id = "server-" + std::to_string(++seq);
        c.entity = entity;
        c.record_id = record_id;
        c.hlc = Hlc{platform.now + uint64_t(seq), 0}.to_string();
        c.device_id = "server";
        c.fields = fields;
        c.seq = seq;
        return to_json(c, true);
    }

    // The server's first pull for Aiko: her own record and an open survey for the whole organisation.
    void answer_pull() {
        const Json changes = Json::array(
            {change("person", kReport, {{"name", "Aiko Tanaka"}, {"manager_id", kMaya}, {"role", "employee"}}),
             change("survey", kSurvey, {{"title", "Winter pulse"}, {"audience", "org"}, {"status", "open"}}),
             change("survey_question", kQuestion,
                    {{"survey_id", kSurvey}, {"position", 1}, {"kind", "likert5"}, {"text", "I look forward to work."}})});
        platform.answer_to("/api/v1/sync/pull", 200, Json{{"changes", changes}, {"cursor", seq}, {"more", false}}.dump());
        settle();

    }

    void settle() {
        for (int frame = 0; frame < 10; ++frame) {
            app.update();
            while (!platform.flushes.empty()) platform.finish_flush(true);
        }
    }

    Json published() const {
        return Json{{"suite", "ristretto255-SHA512"},
                    {"keys", Json::array({Json{{"group", team}, {"public_key", voprf::to_base64url(key.public_key)}}})}};
    }

    // The server's side of issuance with `signing` (the team's key, or another).
    void issue(const voprf::KeyPair& signing) {
        ASSERT_EQ(platform.waiting_for(kKeys), 1u) << "the keys are asked for without anyone opening the survey";
        const auto keys_request = platform.answer_to(kKeys, 200, published().dump());
        EXPECT_EQ(keys_request.bearer_token, "session-aiko");
        ASSERT_EQ(platform.waiting_for(kIssue), 1u);
        const client::HttpRequest request = platform.sent.back().request;
        EXPECT_EQ(request.bearer_token, "session-aiko");
        const Json body = Json::parse(request.body);
        auto blinded = voprf::from_base64url(body["blinded_element"].get<std::string>(), 32);
        ASSERT_TRUE(blinded);
        auto evaluation = voprf::blind_evaluate(signing, *blinded);
        platform.answer_to(kIssue, 200,
                           Json{{"group", team},
                                {"public_key", voprf::to_base64url(signing.public_key)},
                                {"evaluated_element", voprf::to_base64url(evaluation->evaluated_element)},
                                {"proof", voprf::to_base64url(evaluation->proof)}}
                               .dump());
        settle();
    }

    const client::SurveyToken* token() { return client::survey_tokens().find(kSurvey); }

    static client::Registry surveys_only() {
        client::Registry registry;
        client::register_surveys(registry);
        return registry;
    }

    FakePlatform platform;
    client::Registry features = surveys_only();
    client::App app{platform, features};
    int64_t seq = 0;
    voprf::KeyPair key = voprf::generate_key_pair();
    std::string team = std::string("team:") + kMaya;
};

TEST_F(SurveyTokensTest, TheTokenIsFetchedAtOnceAndTheAnswerGoesWithoutTheSession) {
    issue(key);
    ASSERT_TRUE(token());
    EXPECT_EQ(token()->state, State::Ready);

    client::survey_tokens().submit(app, kSurvey, Json::array({Json{{"question_id", kQuestion}, {"value", 4}}}));
    settle();
    ASSERT_EQ(platform.waiting_for(kAnswers), 1u);
    const client::HttpRequest sent = platform.sent.back().request;
    EXPECT_TRUE(sent.bearer_token.empty()) << "no session header on the answer";
    const Json body = Json::parse(sent.body);
    EXPECT_EQ(body["group"], team);
    auto input = voprf::from_base64url(body["token_input"].get<std::string>(), 32);
    auto output = voprf::from_base64url(body["token"].get<std::string>(), 64);
    ASSERT_TRUE(input && output);
    EXPECT_TRUE(voprf::token_matches(key.secret_key, *input, *output)) << "a token the server will accept";
    EXPECT_EQ(body["answers"][0]["value"], 4);

    platform.answer_to(kAnswers, 201, R"({"status":"recorded"})");
    settle();
    EXPECT_EQ(token()->state, State::Answered);
    EXPECT_EQ(client::token_status_text(*token(), true), "Answered — thank you; nobody can tell this answer is yours");
    EXPECT_TRUE(token()->token.empty() && token()->token_input.empty()) << "the device forgets a spent token";
    EXPECT_EQ(platform.waiting_for("/api/v1/surveys/"), 0u) << "nothing more is asked";
}

TEST_F(SurveyTokensTest, AnEvaluationUnderAKeyNotPublishedIsRefusedAndNothingIsKept) {
    issue(voprf::generate_key_pair());
    ASSERT_TRUE(token());
    EXPECT_EQ(token()->state, State::Refused);
    EXPECT_TRUE(token()->token.empty());
    client::survey_tokens().submit(app, kSurvey, Json::array());
    settle();
    EXPECT_EQ(platform.waiting_for(kAnswers), 0u) << "no answer can go out without a token";
}

TEST_F(SurveyTokensTest, TheTokenSurvivesSignOutAndAnOfflineAnswerWaitsThenGoes) {
    issue(key);
    ASSERT_EQ(token()->state, State::Ready);
    app.sign_out();
    settle();
    EXPECT_EQ(client::survey_tokens().find(kSurvey), nullptr) << "sign-out forgets it in memory";
    while (!platform.sent.empty()) platform.answer(0, "");  // the sign-out's own request
    sign_in();
    while (platform.waiting_for("/api/v1/sync/pull")) platform.answer_to("/api/v1/sync/pull", 200,
                                                                         R"({"changes":[],"cursor":3,"more":false})");
    settle();
    EXPECT_EQ(platform.waiting_for(kKeys), 0u) << "the kept token is used, not a new one asked for";
    ASSERT_TRUE(token());
    EXPECT_EQ(token()->state, State::Ready);

    platform.is_online = false;
    client::survey_tokens().submit(app, kSurvey, Json::array({Json{{"question_id", kQuestion}, {"value", 2}}}));
    settle();
    platform.answer_to(kAnswers, 0, "");
    settle();
    EXPECT_EQ(token()->state, State::Waiting);
    EXPECT_EQ(client::token_status_text(*token(), false), "Waiting to send — offline");
    EXPECT_EQ(platform.waiting_for(kAnswers), 0u) << "it waits before trying again";

    platform.is_online = true;
    platform.now += 31'000;
    settle();
    ASSERT_EQ(platform.waiting_for(kAnswers), 1u) << "sent again once the wait is over";
    platform.answer_to(kAnswers, 400,
                       R"({"error":{"code":"invalid_answer","message":"q1: a value from 1 to 5"}})");
    settle();
    EXPECT_EQ(token()->state, State::Refused);
    EXPECT_EQ(token()->message, "q1: a value from 1 to 5") << "the server's own sentence";
    client::survey_tokens().submit(app, kSurvey, Json::array({Json{{"question_id", kQuestion}, {"value", 3}}}));
    settle();
    ASSERT_EQ(platform.waiting_for(kAnswers), 1u) << "the token is still usable after a refused answer";
    platform.answer_to(kAnswers, 201, R"({"status":"recorded"})");
    settle();
    EXPECT_EQ(token()->state, State::Answered);
}

TEST_F(SurveyTokensTest, ASecondDevicesRequestIsToldTheTokenIsElsewhere) {
    ASSERT_EQ(platform.waiting_for(kKeys), 1u);
    platform.answer_to(kKeys, 200, published().dump());
    platform.answer_to(kIssue, 409,
                       R"({"error":{"code":"already_issued","message":"This survey already gave you its one token."}})");
    settle();
    ASSERT_TRUE(token());
    EXPECT_EQ(token()->state, State::Elsewhere);
    EXPECT_EQ(platform.waiting_for(kIssue), 0u) << "not asked again";
}

}  // namespace
}  // namespace tandem::testing
