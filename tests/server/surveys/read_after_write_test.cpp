// Read after an acknowledged write (docs/api.md, Push: "answered after the commit: accepted is durable"): a
// client that reads right after its own push was accepted sees what it pushed, whichever pooled reader
// connection serves the read and whatever other requests run beside it. The browser test "a kiosk at the
// training session" closes a survey and reads its results at once; this is that sequence, many times over,
// from several clients at once while others keep every reader connection busy.
#include <atomic>
#include <optional>
#include <thread>

#include "live_server.h"
#include "tandem/base/ids.h"
#include "tandem/base/random_tokens.h"

namespace tandem::testing {
namespace {

class ReadAfterWrite : public LiveServer {
protected:
    void declare(TestOrg& org) override { add_two_teams(org); }
};

// A change stamped now with the given counter: a close stamped after its open even within one millisecond,
// so last-writer-wins cannot be what keeps the old status.
Json stamped(const std::string& id, const char* entity, const std::string& record_id, Json fields, uint16_t counter) {
    return Json{{"id", id}, {"entity", entity}, {"record_id", record_id},
                {"hlc", Hlc{wall_millis(), counter}.to_string()}, {"fields", std::move(fields)}};
}

TEST_F(ReadAfterWrite, AClosedSurveysResultsAreReleasedToTheNextReadWhicheverReaderServesIt) {
    const Session hr = sign_in("hr@example.test");
    constexpr int kClients = 3, kRounds = 40;
    std::atomic<bool> done{false};
    std::atomic<int> stale{0};

    // Other requests keep the reader connections taken and returned in every order meanwhile.
    std::vector<std::thread> busy;
    for (int i = 0; i < 2; ++i)
        busy.emplace_back([&] {
            auto http = client();
            while (!done) {
                http.Get("/api/v1/sync/pull?since=0&limit=50", bearer(hr));
                http.Get("/api/v1/audit?limit=20", bearer(hr));
            }
        });

    std::vector<std::string> failures(kClients);
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c)
        clients.emplace_back([&, c] {
            auto http = client();
            auto released = [&](const std::string& survey) -> std::optional<bool> {
                auto reply = http.Get(("/api/v1/surveys/" + survey + "/results?group=org").c_str(), bearer(hr));
                if (!reply || reply->status != 200) return std::nullopt;
                return Json::parse(reply->body).value("released", false);
            };
            auto push_one = [&](const Json& change) {
                auto reply = http.Post("/api/v1/sync/push", bearer(hr),
                                       Json{{"device_id", "hr-" + std::to_string(c)},
                                            {"changes", Json::array({change})}}.dump(),
                                       "application/json");
                return reply && reply->status == 200 &&
                       Json::parse(reply->body)["results"][0]["status"] == "accepted";
            };
            for (int round = 0; round < kRounds && failures[c].empty(); ++round) {
                const std::string survey = new_uuid_v7(wall_millis()), question = new_uuid_v7(wall_millis());
                const Json open = stamped("open-" + survey, "survey", survey,
                                          {{"title", "Pulse"}, {"audience", "org"}, {"status", "open"},
                                           {"min_group_size", 3}, {"min_comment_group_size", 3}}, 1);
                const Json asked = stamped("q-" + survey, "survey_question", question,
                                           {{"survey_id", survey}, {"position", 1}, {"kind", "likert5"},
                                            {"text", "I look forward to work most days."}}, 2);
                if (!push_one(open) || !push_one(asked)) {
                    failures[c] = "the open survey was not accepted";
                    break;
                }
                if (released(survey) != std::optional<bool>(false)) {
                    failures[c] = "an open survey's results were released, or unreadable";
                    break;
                }
                if (!push_one(stamped("close-" + survey, "survey", survey, {{"status", "closed"}}, 3))) {
                    failures[c] = "the close was not accepted";
                    break;
                }
                const auto after = released(survey);
                if (after != std::optional<bool>(true)) {
                    ++stale;
                    failures[c] = "round " + std::to_string(round) + ": the read after the accepted close " +
                                  (after ? "still found the survey open" : "failed");
                }
            }
        });
    for (auto& thread : clients) thread.join();
    done = true;
    for (auto& thread : busy) thread.join();
    for (int c = 0; c < kClients; ++c) EXPECT_EQ(failures[c], "") << "client " << c;
    EXPECT_EQ(stale.load(), 0);
}


// The browser test's own sequence, round after round: six answers from a session's kiosk, HR reads
// participation only, closes the survey through a push stamped now (as the test's hlcNow() does) and reads at
// once, while the kiosk keeps asking for its survey as the tablet does.
TEST_F(ReadAfterWrite, AKioskSessionClosedByHrShowsItsScoresToTheNextRead) {
    const Session hr = sign_in("hr@example.test");
    const Session noah = sign_in("manager2@example.test");
    auto http = client();
    auto push_one = [&](const Json& change) {
        auto reply = http.Post("/api/v1/sync/push", bearer(hr),
                               Json{{"device_id", "hr-api"}, {"changes", Json::array({change})}}.dump(),
                               "application/json");
        EXPECT_TRUE(reply && reply->status == 200);
        return reply && reply->status == 200 ? Json::parse(reply->body)["results"][0]["status"] : Json();
    };
    for (int round = 0; round < 15; ++round) {
        const std::string session = new_uuid_v7(wall_millis()), survey = new_uuid_v7(wall_millis());
        ASSERT_EQ(push_one(pushed_change("ts-" + session, "training_session", session,
                                         {{"title", "Coaching conversations"}, {"held_on", "2026-11-27"},
                                          {"facilitator_id", noah.user_id}})), "accepted");
        ASSERT_EQ(push_one(pushed_change("s-" + survey, "survey", survey,
                                         {{"title", "Feedback: Coaching conversations"}, {"audience", "org"},
                                          {"status", "open"}, {"min_group_size", 5}, {"min_comment_group_size", 5},
                                          {"training_session_id", session}})), "accepted");
        std::vector<std::string> questions;
        const char* texts[] = {"This session was worth my time.", "I will use something from it in the next month."};
        for (int q = 0; q < 2; ++q) {
            questions.push_back(new_uuid_v7(wall_millis()));
            ASSERT_EQ(push_one(pushed_change("q-" + questions.back(), "survey_question", questions.back(),
                                             {{"survey_id", survey}, {"position", 10 * (q + 1)}, {"kind", "likert5"},
                                              {"theme", "session"}, {"text", texts[q]}})), "accepted");
        }
        auto made = http.Post("/api/v1/kiosks", bearer(hr), Json{{"survey_id", survey}, {"label", "tablet"}}.dump(),
                              "application/json");
        ASSERT_EQ(made->status, 201) << made->body;
        const httplib::Headers kiosk{{"Authorization", "Bearer " + std::string(body_of(made)["kiosk_token"])}};
        for (int person = 0; person < 6; ++person) {
            auto sent = http.Post("/api/v1/kiosk/responses", kiosk,
                                  Json{{"submission_id", random_uuid_v4()},
                                       {"answers", Json::array({{{"question_id", questions[0]}, {"value", 3 + person % 3}},
                                                                {{"question_id", questions[1]}, {"value", 5}}})}}
                                      .dump(),
                                  "application/json");
            ASSERT_EQ(sent->status, 201) << sent->body;
        }
        std::atomic<bool> done{false};
        std::thread tablet([&] {
            auto own = client();
            while (!done) own.Get("/api/v1/kiosk/survey", kiosk);
        });
        const std::string url = "/api/v1/surveys/" + survey + "/results?group=session:" + session;
        auto before = http.Get(url.c_str(), bearer(hr));
        const Json open = before && before->status == 200 ? body_of(before) : Json();
        // Counter 2: after the open's stamp even within its millisecond (the browser test's close is minutes
        // after the demo's open).
        const Json closing =
            Json{{"id", "close-" + survey}, {"entity", "survey"}, {"record_id", survey},
                 {"hlc", Hlc{wall_millis(), 2}.to_string()}, {"fields", {{"status", "closed"}}}};
        const Json closed_status = push_one(closing);
        auto after = http.Get(url.c_str(), bearer(hr));
        done = true;
        tablet.join();
        EXPECT_EQ(open.value("respondents", Json()), 6) << open;
        EXPECT_FALSE(open.contains("questions")) << "while the survey is open, participation only";
        ASSERT_EQ(closed_status, "accepted");
        ASSERT_TRUE(after && after->status == 200) << (after ? after->body : "no answer");
        const Json released = body_of(after);
        ASSERT_TRUE(released.contains("questions")) << "round " << round << ": " << released;
        EXPECT_EQ(released["questions"][0]["n"], 6) << released;
    }
}

}  // namespace
}  // namespace tandem::testing
