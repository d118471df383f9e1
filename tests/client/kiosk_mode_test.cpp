// The kiosk queue (features/surveys/kiosk_mode.h) against a server the test plays by hand, speaking the
// contract of docs/api.md, Kiosks: answers queue in the kiosk's own store (kiosk.db) and count as saved only
// once a flush has finished; they go one request at a time and leave the device only when the server has
// them; anything else keeps them for a later try under the same submission id. Exit needs HR's PIN, counts
// wrong tries, locks, and is refused while answers wait. A new start on the device finds the kiosk, its survey
// and its queue. Registration errors reach HR as sentences.
#include <gtest/gtest.h>

#include <cstdio>
#include <optional>
#include <set>

#include "fake_platform.h"
#include "features/surveys/kiosk_mode.h"
#include "tandem/base/ids.h"
#include "tandem/surveys/kiosk.h"

namespace tandem::testing {
namespace {

constexpr const char* kSurveyId = "01900000-0000-7000-8000-0000000000a1";
constexpr const char* kKioskId = "6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b";
constexpr const char* kHrToken = "hr-session-token";
constexpr const char* kPin = "2468";
constexpr const char* kResponses = "/api/v1/kiosk/responses";
constexpr const char* kSurveyPath = "/api/v1/kiosk/survey";
const std::string kKioskToken(64, 'c');  // the server's kiosk tokens are 64 hex digits
constexpr uint64_t kMinute = 60'000;

// GET /api/v1/kiosk/survey as the server answers it.
Json survey_body(const std::string& title = "After the workshop") {
    return Json{{"survey", {{"title", title}}},
                {"questions",
                 {{{"question_id", "q1"}, {"kind", "likert5"}, {"text", "The session was useful"}, {"choices", nullptr}},
                  {{"question_id", "q2"}, {"kind", "text"}, {"text", "What would you change?"}, {"choices", nullptr}}}},
                {"anonymity", "Results appear once 5 people have answered."},
                {"kiosk", {{"kiosk_id", kKioskId}, {"label", "Hall B"}}}};
}

std::string error_body(const std::string& code, const std::string& message) {
    return Json{{"error", {{"code", code}, {"message", message}}}}.dump();
}

Json answers(int score) { return Json::array({{{"question_id", "q1"}, {"value", score}}}); }

class KioskModeTest : public ::testing::Test {
protected:
    // Registers through the wire contract, finishes the flush, and answers the first survey refresh, so only
    // what a test starts is waiting afterwards.
    void register_kiosk() {
        std::optional<std::string> error;
        kiosk->register_device(platform, kHrToken, kSurveyId, "Hall B", kPin, [&](const std::string& e) { error = e; });
        platform.answer(201, Json{{"kiosk_id", kKioskId}, {"kiosk_token", kKioskToken}}.dump());
        platform.answer(200, survey_body().dump());
        ASSERT_EQ(error, std::optional<std::string>(""));
        ASSERT_TRUE(kiosk->active());
        finish_flushes();
        kiosk->tick(platform);
        platform.answer_to(kSurveyPath, 200, survey_body().dump());
        ASSERT_TRUE(platform.sent.empty());
    }
    void finish_flushes() {
        while (!platform.flushes.empty()) platform.finish_flush(true);
    }
    void submit(int score) {
        kiosk->submit(platform, answers(score));
        finish_flushes();
    }
    // The device restarts: requests and flushes of the old run are gone, the files stay.
    bool restart() {
        platform.sent.clear();
        platform.flushes.clear();
        kiosk = std::make_unique<client::KioskMode>();
        return kiosk->resume(platform);
    }
    std::string kiosk_db() { return platform.data_dir() + "/kiosk.db"; }
    // What kiosk.db holds in its queue, read through a connection of its own.
    std::vector<KioskDevice::Pending> queued_in_kiosk_db() {
        Store store(kiosk_db(), StoreOptions{false, true, false});
        return KioskDevice(store).pending(100);
    }
    std::set<std::string> queued_ids() {
        std::set<std::string> ids;
        for (const auto& pending : queued_in_kiosk_db()) ids.insert(pending.submission_id);
        return ids;
    }

    FakePlatform platform;
    std::unique_ptr<client::KioskMode> kiosk = std::make_unique<client::KioskMode>();
};

TEST_F(KioskModeTest, ADeviceNeverRegisteredIsNoKioskAndGetsNoKioskStore) {
    EXPECT_FALSE(kiosk->resume(platform));
    EXPECT_FALSE(kiosk->active());
    kiosk->tick(platform);
    EXPECT_TRUE(platform.sent.empty());
    std::FILE* file = std::fopen(kiosk_db().c_str(), "rb");
    EXPECT_EQ(file, nullptr) << "looking for a kiosk must not create kiosk.db";
    if (file) std::fclose(file);
}

TEST_F(KioskModeTest, RegistrationSpeaksTheServersContractAndIsSavedOnlyAfterAFlush) {
    std::optional<std::string> error;
    kiosk->register_device(platform, kHrToken, kSurveyId, "Hall B", kPin, [&](const std::string& e) { error = e; });
    ASSERT_EQ(platform.sent.size(), 1u);
    const auto registration = platform.answer(201, Json{{"kiosk_id", kKioskId}, {"kiosk_token", kKioskToken}}.dump());
    EXPECT_EQ(registration.method, "POST");
    EXPECT_EQ(registration.path, "/api/v1/kiosks");
    EXPECT_EQ(registration.bearer_token, kHrToken);
    EXPECT_EQ(Json::parse(registration.body), (Json{{"survey_id", kSurveyId}, {"label", "Hall B"}}));
    EXPECT_FALSE(error) << "not ready before the survey has loaded";
    EXPECT_FALSE(kiosk->active());

    ASSERT_EQ(platform.sent.size(), 1u);
    const auto fetch = platform.answer(200, survey_body().dump());
    EXPECT_EQ(fetch.method, "GET");
    EXPECT_EQ(fetch.path, kSurveyPath);
    EXPECT_EQ(fetch.bearer_token, kKioskToken) << "the kiosk speaks with its own token, not HR's";
    ASSERT_EQ(error, std::optional<std::string>(""));
    ASSERT_TRUE(kiosk->active());
    EXPECT_EQ(kiosk->config().kiosk_id, kKioskId);
    EXPECT_EQ(kiosk->config().kiosk_token, kKioskToken);
    EXPECT_EQ(kiosk->config().label, "Hall B");
    EXPECT_EQ(kiosk->config().survey_id, kSurveyId);
    EXPECT_EQ(kiosk->survey(), survey_body());
    EXPECT_EQ(kiosk->waiting(), 0u);

    EXPECT_FALSE(kiosk->saved()) << "the settings are not yet in persistent storage";
    ASSERT_EQ(platform.flushes.size(), 1u);
    platform.finish_flush(true);
    EXPECT_TRUE(kiosk->saved());

    // HR's PIN is kept as an argon2id hash, never as typed.
    Store raw(kiosk_db(), StoreOptions{false, true, false});
    const std::string pin = raw.setting("kiosk/pin").value_or("");
    EXPECT_EQ(pin.rfind("$argon2id$", 0), 0u) << pin;
    EXPECT_EQ(pin.find(kPin), std::string::npos);
}

struct RegistrationFailure {
    const char* name;
    int status;
    std::string body;
    int survey_status;  // -1: the registration itself failed, no survey request
    std::string survey_body;
    std::string expected;
};

void PrintTo(const RegistrationFailure& failure, std::ostream* out) { *out << failure.name; }

class KioskRegistrationErrorTest : public KioskModeTest, public ::testing::WithParamInterface<RegistrationFailure> {};

TEST_P(KioskRegistrationErrorTest, SaysWhatWentWrongOnceAndLeavesNoKiosk) {
    const RegistrationFailure& failure = GetParam();
    int calls = 0;
    std::string error;
    kiosk->register_device(platform, kHrToken, kSurveyId, "Hall B", kPin, [&](const std::string& e) {
        ++calls;
        error = e;
    });
    platform.answer(failure.status, failure.body);
    if (failure.survey_status >= 0) {
        ASSERT_EQ(platform.sent.size(), 1u);
        EXPECT_EQ(platform.sent.front().request.path, kSurveyPath);
        platform.answer(failure.survey_status, failure.survey_body);
    }
    EXPECT_TRUE(platform.sent.empty());
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(error, failure.expected);
    EXPECT_FALSE(kiosk->active());
    EXPECT_TRUE(platform.flushes.empty()) << "nothing was kept, so nothing is flushed";
    EXPECT_FALSE(restart()) << "a new start finds no kiosk";
}

INSTANTIATE_TEST_SUITE_P(
    Kiosk, KioskRegistrationErrorTest,
    ::testing::Values(
        RegistrationFailure{"NoConnection", 0, "", -1, "", "Registering a kiosk needs a connection."},
        RegistrationFailure{"UnknownSurvey", 404, error_body("not_found", "There is no such survey."), -1, "",
                            "There is no such survey."},
        RegistrationFailure{"NotHr", 403, error_body("forbidden", "Only HR admins may do this."), -1, "",
                            "Only HR admins may do this."},
        RegistrationFailure{"BadLabel", 400,
                            error_body("invalid_request",
                                       "Send {\"survey_id\": \"...\", \"label\": \"1 to 100 characters\"}."),
                            -1, "", "Send {\"survey_id\": \"...\", \"label\": \"1 to 100 characters\"}."},
        RegistrationFailure{"ProxyPage", 502, "<html><body>Bad Gateway</body></html>", -1, "",
                            "The server refused (502)."},
        RegistrationFailure{"SurveyNotOpen", 201, Json{{"kiosk_id", kKioskId}, {"kiosk_token", kKioskToken}}.dump(),
                            409, error_body("survey_closed", "This survey is not taking answers now."),
                            "This survey is not open: open it first, then register the kiosk."},
        RegistrationFailure{"ConnectionLostBeforeTheSurvey", 201,
                            Json{{"kiosk_id", kKioskId}, {"kiosk_token", kKioskToken}}.dump(), 0, "",
                            "Registering a kiosk needs a connection."},
        RegistrationFailure{"SurveyServerError", 201, Json{{"kiosk_id", kKioskId}, {"kiosk_token", kKioskToken}}.dump(),
                            500, "Internal Server Error", "The kiosk could not load its survey (500)."}),
    [](const ::testing::TestParamInfo<RegistrationFailure>& info) { return std::string(info.param.name); });

TEST_F(KioskModeTest, AnAnswerIsQueuedInKioskDbAndSavedOnlyOnceAFlushHasFinished) {
    register_kiosk();
    kiosk->submit(platform, answers(4));
    EXPECT_EQ(kiosk->waiting(), 1u);
    const auto queued = queued_in_kiosk_db();
    ASSERT_EQ(queued.size(), 1u) << "queued in the kiosk's own store";
    EXPECT_TRUE(is_uuid(queued[0].submission_id)) << queued[0].submission_id;
    EXPECT_EQ(Json::parse(queued[0].body), (Json{{"submission_id", queued[0].submission_id}, {"answers", answers(4)}}));

    EXPECT_FALSE(kiosk->saved()) << "written, not yet in persistent storage";
    ASSERT_EQ(platform.flushes.size(), 1u) << "the flush starts at once";
    // A second person sends while the first flush runs: the first flush does not cover their answer.
    kiosk->submit(platform, answers(2));
    EXPECT_EQ(platform.flushes.size(), 1u) << "one flush at a time";
    platform.finish_flush(true);
    EXPECT_FALSE(kiosk->saved()) << "the second answer was written after that flush began";
    ASSERT_EQ(platform.flushes.size(), 1u) << "the flush that ended started one for what came meanwhile";
    platform.finish_flush(true);
    EXPECT_TRUE(kiosk->saved());
    EXPECT_EQ(kiosk->waiting(), 2u);
}

TEST_F(KioskModeTest, AFailedFlushIsNotSavedAndTheNextTickTriesAgain) {
    register_kiosk();
    platform.is_online = false;  // the answer can only stay on the device
    kiosk->submit(platform, answers(5));
    platform.finish_flush(false);
    EXPECT_FALSE(kiosk->saved()) << "a failed flush saved nothing";
    kiosk->tick(platform);
    ASSERT_EQ(platform.flushes.size(), 1u) << "the answer must still reach persistent storage";
    platform.finish_flush(true);
    EXPECT_TRUE(kiosk->saved());
}

TEST_F(KioskModeTest, AnswersGoOneRequestAtATimeAndLeaveOnlyWhenTheServerHasThem) {
    register_kiosk();
    submit(1);
    submit(2);
    submit(3);
    const std::set<std::string> queued = queued_ids();
    ASSERT_EQ(queued.size(), 3u);

    std::set<std::string> sent_ids;
    std::set<int> sent_scores;
    int round = 0;
    for (const auto& [status, body] : std::vector<std::pair<int, std::string>>{
             {201, R"({"status":"recorded"})"}, {200, R"({"status":"duplicate"})"}, {201, R"({"status":"recorded"})"}}) {
        SCOPED_TRACE("answer " + std::to_string(++round));
        for (int frame = 0; frame < 3; ++frame) {
            kiosk->tick(platform);
            platform.now += 1000;
        }
        ASSERT_EQ(platform.waiting_for(kResponses), 1u) << "one request at a time";
        const client::HttpRequest& request = platform.sent.front().request;
        EXPECT_EQ(request.method, "POST");
        EXPECT_EQ(request.bearer_token, kKioskToken);
        const Json sent = Json::parse(request.body);
        const std::string id = sent.at("submission_id");
        EXPECT_TRUE(queued.count(id)) << id;
        EXPECT_TRUE(sent_ids.insert(id).second) << "each answer is sent once";
        sent_scores.insert(sent.at("answers").at(0).at("value").get<int>());
        EXPECT_EQ(kiosk->waiting(), size_t(4 - round)) << "sent is not acknowledged";
        EXPECT_TRUE(queued_ids().count(id));

        platform.answer_to(kResponses, status, body);
        EXPECT_EQ(kiosk->waiting(), size_t(3 - round));
        EXPECT_FALSE(queued_ids().count(id)) << "acknowledged (recorded or duplicate): it leaves kiosk.db";
        EXPECT_FALSE(kiosk->saved()) << "the deletion too must reach persistent storage";
        finish_flushes();
        EXPECT_TRUE(kiosk->saved());
    }
    EXPECT_EQ(sent_ids, queued);
    EXPECT_EQ(sent_scores, (std::set<int>{1, 2, 3})) << "every person's answers went, as given";
    EXPECT_TRUE(queued_in_kiosk_db().empty());
    kiosk->tick(platform);
    EXPECT_EQ(platform.waiting_for(kResponses), 0u);
    EXPECT_TRUE(kiosk->problem().empty());
}

struct SendFailure {
    const char* name;
    int status;
    std::string body;
    std::string problem_mentions;  // "" when no problem is shown
};

void PrintTo(const SendFailure& failure, std::ostream* out) { *out << failure.name; }

class KioskSendFailureTest : public KioskModeTest, public ::testing::WithParamInterface<SendFailure> {};

TEST_P(KioskSendFailureTest, KeepsTheAnswerAndSendsItAgainLaterUnderTheSameSubmissionId) {
    const SendFailure& failure = GetParam();
    register_kiosk();
    submit(4);
    kiosk->tick(platform);
    ASSERT_EQ(platform.waiting_for(kResponses), 1u);
    const std::string first_body = platform.sent.front().request.body;
    platform.answer_to(kResponses, failure.status, failure.body);

    EXPECT_EQ(kiosk->waiting(), 1u);
    EXPECT_EQ(queued_in_kiosk_db().size(), 1u) << "still in kiosk.db";
    if (failure.problem_mentions.empty()) EXPECT_TRUE(kiosk->problem().empty()) << kiosk->problem();
    else EXPECT_NE(kiosk->problem().find(failure.problem_mentions), std::string::npos) << kiosk->problem();

    // Not again at once: a while later.
    uint64_t waited = 0;
    while (platform.waiting_for(kResponses) == 0 && waited < kMinute) {
        platform.now += 500;
        waited += 500;
        kiosk->tick(platform);
    }
    ASSERT_EQ(platform.waiting_for(kResponses), 1u) << "tried again";
    EXPECT_GE(waited, 1000u) << "not hammering the server";
    EXPECT_EQ(platform.sent.front().request.body, first_body) << "the same submission id, so it counts once";

    // The resend after a lost reply is a duplicate on the server: it leaves the device all the same.
    platform.answer_to(kResponses, 200, R"({"status":"duplicate"})");
    EXPECT_EQ(kiosk->waiting(), 0u);
    EXPECT_TRUE(queued_in_kiosk_db().empty());
}

INSTANTIATE_TEST_SUITE_P(
    Kiosk, KioskSendFailureTest,
    ::testing::Values(SendFailure{"NoAnswerOrTimeout", 0, "", ""},
                      SendFailure{"ServerError", 500, error_body("internal_error", "Something went wrong."), ""},
                      SendFailure{"ServiceUnavailable", 503, "<html>Service Unavailable</html>", ""},
                      SendFailure{"RateLimited", 429, error_body("rate_limited", "Too many requests; try again in 3 s."),
                                  ""},
                      SendFailure{"Revoked", 401, error_body("unauthenticated", "Sign in again."), "revoked"},
                      SendFailure{"SurveyClosed", 409, error_body("survey_closed", "This survey is not taking answers now."),
                                  "closed"}),
    [](const ::testing::TestParamInfo<SendFailure>& info) { return std::string(info.param.name); });

TEST_F(KioskModeTest, AnAnswerTheServerCanNeverTakeGoesSoItBlocksNoOther) {
    register_kiosk();
    submit(9);
    submit(3);
    kiosk->tick(platform);
    platform.answer_to(kResponses, 400, error_body("invalid_answer", "q1: a value from 1 to 5"));
    EXPECT_EQ(kiosk->waiting(), 1u);
    EXPECT_NE(kiosk->problem().find("invalid"), std::string::npos) << kiosk->problem();
    kiosk->tick(platform);
    EXPECT_EQ(platform.waiting_for(kResponses), 1u) << "the next one goes at once";
}

TEST_F(KioskModeTest, OfflineEveryAnswerStaysAndExitWaitsUntilTheyAreSent) {
    register_kiosk();
    platform.is_online = false;
    submit(5);
    submit(4);
    const std::set<std::string> queued = queued_ids();
    // Ten minutes without a network: every try finds no answer (status 0), as the platform reports it.
    for (uint64_t elapsed = 0; elapsed < 10 * kMinute; elapsed += 1000) {
        platform.now += 1000;
        kiosk->tick(platform);
        while (platform.waiting_for(kSurveyPath)) platform.answer_to(kSurveyPath, 0, "");
        EXPECT_LE(platform.waiting_for(kResponses), 1u);
        while (platform.waiting_for(kResponses)) platform.answer_to(kResponses, 0, "");
    }
    EXPECT_EQ(kiosk->waiting(), 2u);
    EXPECT_EQ(queued_ids(), queued);
    EXPECT_EQ(kiosk->exit(platform, kPin), client::KioskMode::Exit::AnswersWaiting) << "they would be lost";
    EXPECT_TRUE(kiosk->active());
    EXPECT_EQ(kiosk->survey(), survey_body()) << "the survey kept for offline use stays";

    // Back online: both go, then HR may leave.
    platform.is_online = true;
    for (int tries = 0; tries < 20 && kiosk->waiting() > 0; ++tries) {
        platform.now += 5000;
        kiosk->tick(platform);
        while (platform.waiting_for(kSurveyPath)) platform.answer_to(kSurveyPath, 200, survey_body().dump());
        if (platform.waiting_for(kResponses)) platform.answer_to(kResponses, 201, R"({"status":"recorded"})");
    }
    EXPECT_EQ(kiosk->waiting(), 0u);
    finish_flushes();
    EXPECT_EQ(kiosk->exit(platform, kPin), client::KioskMode::Exit::Done);
    EXPECT_FALSE(kiosk->active());
}

TEST_F(KioskModeTest, WrongPinsCountDownThenLockForAMinuteAcrossARestart) {
    register_kiosk();
    EXPECT_EQ(kiosk->tries_left(), KioskDevice::kFreePinTries);
    EXPECT_EQ(kiosk->exit(platform, "0000"), client::KioskMode::Exit::WrongPin);
    EXPECT_EQ(kiosk->tries_left(), 4);
    EXPECT_EQ(kiosk->exit(platform, "1111"), client::KioskMode::Exit::WrongPin);
    EXPECT_EQ(kiosk->exit(platform, "24680"), client::KioskMode::Exit::WrongPin) << "close is not right";
    EXPECT_EQ(kiosk->tries_left(), 2);
    EXPECT_FALSE(platform.flushes.empty()) << "the count reaches persistent storage, or a reload would reset it";
    finish_flushes();

    ASSERT_TRUE(restart());
    EXPECT_EQ(kiosk->tries_left(), 2) << "a restart does not give new tries";
    EXPECT_EQ(kiosk->exit(platform, "3333"), client::KioskMode::Exit::WrongPin);
    EXPECT_EQ(kiosk->tries_left(), 1);
    const uint64_t fifth = platform.now;
    EXPECT_EQ(kiosk->exit(platform, "4444"), client::KioskMode::Exit::Locked);
    EXPECT_EQ(kiosk->locked_until(), fifth + KioskDevice::kPinLockMillis);
    EXPECT_EQ(kiosk->exit(platform, kPin), client::KioskMode::Exit::Locked) << "even the right PIN waits";
    EXPECT_TRUE(kiosk->active());

    ASSERT_TRUE(restart());
    platform.now = fifth + KioskDevice::kPinLockMillis - 1;
    EXPECT_EQ(kiosk->exit(platform, kPin), client::KioskMode::Exit::Locked) << "a restart does not lift the lock";
    platform.now += 1;
    EXPECT_EQ(kiosk->tries_left(), KioskDevice::kFreePinTries) << "after the minute, five more tries";
    EXPECT_EQ(kiosk->exit(platform, kPin), client::KioskMode::Exit::Done);
    EXPECT_FALSE(kiosk->active());
    EXPECT_FALSE(kiosk->saved()) << "leaving kiosk mode is written, then flushed";
    finish_flushes();
    EXPECT_TRUE(kiosk->saved());
    EXPECT_FALSE(restart()) << "the kiosk is forgotten";
    Store raw(kiosk_db(), StoreOptions{false, true, false});
    EXPECT_FALSE(raw.setting("kiosk/token")) << "its token left the device";
}

TEST_F(KioskModeTest, ANewStartFindsTheKioskItsSurveyAndItsQueueAndResendsWhatWasInFlight) {
    register_kiosk();
    submit(2);
    submit(5);
    const std::set<std::string> queued = queued_ids();
    kiosk->tick(platform);
    ASSERT_EQ(platform.waiting_for(kResponses), 1u);
    const std::string in_flight = Json::parse(platform.sent.front().request.body).at("submission_id");

    // The tablet restarts before the reply arrives (the server may have recorded it, or not).
    ASSERT_TRUE(restart());
    EXPECT_TRUE(kiosk->active());
    EXPECT_EQ(kiosk->config().kiosk_id, kKioskId);
    EXPECT_EQ(kiosk->config().kiosk_token, kKioskToken);
    EXPECT_EQ(kiosk->config().label, "Hall B");
    EXPECT_EQ(kiosk->survey(), survey_body());
    EXPECT_EQ(kiosk->waiting(), 2u);

    std::set<std::string> resent;
    for (int tries = 0; tries < 10 && kiosk->waiting() > 0; ++tries) {
        kiosk->tick(platform);
        while (platform.waiting_for(kSurveyPath)) platform.answer_to(kSurveyPath, 200, survey_body().dump());
        if (!platform.waiting_for(kResponses)) continue;
        const std::string id = Json::parse(platform.sent.front().request.body).at("submission_id");
        resent.insert(id);
        platform.answer_to(kResponses, id == in_flight ? 200 : 201,
                           id == in_flight ? R"({"status":"duplicate"})" : R"({"status":"recorded"})");
    }
    EXPECT_EQ(resent, queued) << "the same submission ids as before the restart";
    EXPECT_EQ(kiosk->waiting(), 0u);
    EXPECT_TRUE(queued_in_kiosk_db().empty());
}

TEST_F(KioskModeTest, TheSurveyIsRefreshedNowAndThenKeptForOfflineUseAndAClosedOneIsSaid) {
    register_kiosk();
    platform.now += 10 * kMinute - 1;
    kiosk->tick(platform);
    EXPECT_EQ(platform.waiting_for(kSurveyPath), 0u) << "not before ten minutes";
    platform.now += 1;
    kiosk->tick(platform);
    ASSERT_EQ(platform.waiting_for(kSurveyPath), 1u);
    EXPECT_EQ(platform.sent.front().request.bearer_token, kKioskToken);
    platform.answer_to(kSurveyPath, 200, survey_body("After the workshop (corrected)").dump());
    EXPECT_EQ(kiosk->survey(), survey_body("After the workshop (corrected)")) << "HR corrected a question";
    EXPECT_FALSE(kiosk->saved());
    finish_flushes();
    EXPECT_TRUE(kiosk->saved());

    platform.now += 10 * kMinute;
    kiosk->tick(platform);
    platform.answer_to(kSurveyPath, 409, error_body("survey_closed", "This survey is not taking answers now."));
    EXPECT_EQ(kiosk->problem(), "The survey has closed.");
    EXPECT_EQ(kiosk->survey(), survey_body("After the workshop (corrected)")) << "the kept survey stays";
    platform.now += 10 * kMinute;
    kiosk->tick(platform);
    platform.answer_to(kSurveyPath, 401, error_body("unauthenticated", "Sign in again."));
    EXPECT_EQ(kiosk->problem(), "HR revoked this kiosk.");
    platform.now += 10 * kMinute;
    kiosk->tick(platform);
    platform.answer_to(kSurveyPath, 200, survey_body("After the workshop (corrected)").dump());
    EXPECT_TRUE(kiosk->problem().empty()) << "the survey is back: the problem is gone";
    EXPECT_TRUE(platform.flushes.empty()) << "an unchanged survey is not written again";

    ASSERT_TRUE(restart());
    EXPECT_EQ(kiosk->survey(), survey_body("After the workshop (corrected)")) << "the correction was kept";
}

}  // namespace
}  // namespace tandem::testing
