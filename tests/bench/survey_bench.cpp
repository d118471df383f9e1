// Survey benchmark, side by side in one run:
//   1. an organisation of 100,000 people (about 11,000 managers, 5 levels) and one annual survey of 50
//      questions answered by all of them: 5,000,000 answers, seeded through the server's own write path;
//   2. results over HTTP for the organisation, a top-level tree, a mid-level tree and one team (target < 1 s);
//   3. answers recorded per second: A. through POST /api/v1/answer/{token} with 4 clients; B. our store
//      without HTTP (record_respondent, one transaction per respondent, as the endpoint does); C. raw SQLite:
//      the same answer rows appended to one plain table, one transaction per respondent (the physical limit).
#include <sodium.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "bench_clock.h"
#include "bench_org.h"
#include "demo/demo_org.h"
#include "tandem_server.h"
#include "support/temp_dir.h"
#include "surveys/survey_store.h"
#include "store/server_schema.h"
#include "tandem/base/ids.h"
#include "tandem/sync/sync_service.h"

using namespace tandem;
using namespace tandem::bench;

namespace {

constexpr int kTimedRespondents = 2000;

}  // namespace

int main() {
    if (sodium_init() < 0) return 1;
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines show as they come, also into a file
    tandem::testing::TempDir dir;
    const std::string database = dir.file("bench.db");
    server::create_demo_database(database);
    Seeded seeded;
    std::printf("seeding %d people and %d answers (%d respondents x %d questions)...\n", kPeople,
                kPeople * kQuestions, kPeople, kQuestions);
    auto start = Clock::now();
    {
        Store store(database, StoreOptions{true, false});
        store.database().exec("PRAGMA cache_size=-65536");  // as the server's writer has it
        server::migrate_server_schema(store);
        std::string ceo;
        for (const auto& person : store.records_of("person"))
            if (person.state.text("email") == "director@demo.example") ceo = person.state.record_id;
        seeded = seed_org_and_survey(store, ceo);
        const OrgChart org = server::load_org_chart(store);
        const int respondent = answer_everyone(store, seeded, org, "2026-11-27");
        std::printf("seeded %d respondents in %.1f s\n", respondent, seconds_since(start));
    }

    server::ServerOptions options;
    options.database_path = database;
    options.port = 0;
    options.threads = 8;
    server::TandemServer server(options);
    int port = server.bind();
    std::thread serving([&] { server.run(); });
    httplib::Client http("127.0.0.1", port);
    http.set_read_timeout(60);
    for (int i = 0; i < 200 && !http.Get("/healthz"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    auto session = Json::parse(
        http.Post("/api/v1/session", R"({"email":"hr@demo.example","password":"tandem-demo"})", "application/json")->body);
    const httplib::Headers hr{{"Authorization", "Bearer " + session["token"].get<std::string>()}};

    std::printf("\nresults over HTTP (HR, best and worst of 5):\n");
    for (const auto& group : {std::string("org"), survey::tree_group(seeded.top), survey::tree_group(seeded.middle),
                              survey::team_group(seeded.managers.back())}) {
        double best = 1e9, worst = 0;
        std::string status;
        for (int run = 0; run < 5; ++run) {
            auto t0 = Clock::now();
            auto reply = http.Get(("/api/v1/surveys/" + seeded.survey_id + "/results?group=" + group).c_str(), hr);
            const double took = seconds_since(t0);
            best = std::min(best, took);
            worst = std::max(worst, took);
            status = reply ? Json::parse(reply->body).value("status", "?") + " " +
                                 Json::parse(reply->body)["respondents"].dump()
                           : "failed";
        }
        std::printf("  %-8s %8.3f s .. %.3f s  (%s respondents)\n", group.substr(0, 5).c_str(), best, worst,
                    status.c_str());
    }

    // A. Answers through the endpoint, one link per respondent, 4 clients.
    std::vector<std::string> tokens;
    for (size_t m = seeded.managers.size() - 1; tokens.size() < kTimedRespondents; --m) {
        auto reply = http.Post(("/api/v1/surveys/" + seeded.survey_id + "/links").c_str(), hr,
                               Json{{"team_of", seeded.managers[m]}, {"count", 9}}.dump(), "application/json");
        if (!reply || reply->status != 200) continue;
        const Json links = Json::parse(reply->body)["links"];
        for (const auto& link : links) tokens.push_back(link["token"]);
    }
    std::vector<std::string> bodies;
    for (int i = 0; i < kTimedRespondents; ++i) {
        Json answers = Json::array();
        for (const auto& answer : answers_of(seeded, i))
            answers.push_back({{"question_id", answer.question_id}, {"value", std::stoi(answer.value)}});
        bodies.push_back(Json{{"answers", answers}}.dump());
    }
    std::atomic<int> recorded{0};
    start = Clock::now();
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c)
        clients.emplace_back([&, c] {
            httplib::Client client("127.0.0.1", port);
            for (size_t i = size_t(c); i < size_t(kTimedRespondents); i += 4) {
                auto reply = client.Post(("/api/v1/answer/" + tokens[i]).c_str(), bodies[i], "application/json");
                recorded += reply && reply->status == 201;
            }
        });
    for (auto& client : clients) client.join();
    const double http_seconds = seconds_since(start);
    server.stop();
    serving.join();

    // B. Our store, no HTTP: the same respondents, one transaction each.
    double store_seconds = 0;
    {
        Store store(database, StoreOptions{true, false});
        store.database().exec("PRAGMA synchronous=FULL; PRAGMA cache_size=-65536");
        auto survey = server::load_survey(store, seeded.survey_id);
        start = Clock::now();
        for (int i = 0; i < kTimedRespondents; ++i)
            server::record_respondent(store, *survey, answers_of(seeded, i),
                                      {survey::team_group(seeded.managers.back()), "org"}, "2026-11-27");
        store_seconds = seconds_since(start);
    }
    // C. Raw SQLite: the same answer rows appended to a plain table, one transaction per respondent.
    double raw_seconds = 0;
    {
        Database raw(dir.file("raw.db"));
        raw.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                 "CREATE TABLE plain(survey_id TEXT, question_id TEXT, group_key TEXT, value TEXT, day TEXT)");
        Statement insert(raw, "INSERT INTO plain VALUES (?, ?, ?, ?, ?)");
        start = Clock::now();
        for (int i = 0; i < kTimedRespondents; ++i) {
            raw.exec("BEGIN");
            for (const auto& answer : answers_of(seeded, i))
                insert.bind(1, seeded.survey_id).bind(2, answer.question_id).bind(3, "team:x").bind(4, answer.value)
                    .bind(5, "2026-11-27").run();
            raw.exec("COMMIT");
        }
        raw_seconds = seconds_since(start);
    }
    const double http_rate = recorded / http_seconds, store_rate = kTimedRespondents / store_seconds,
                 raw_rate = kTimedRespondents / raw_seconds;
    std::printf("\nanswers recorded (%d respondents x %d answers, one transaction each):\n", kTimedRespondents,
                kQuestions);
    std::printf("  A. HTTP answer endpoint : %8.0f respondents/s = %9.0f answers/s (%d recorded)\n", http_rate,
                http_rate * kQuestions, recorded.load());
    std::printf("  B. our store, no HTTP   : %8.0f respondents/s = %9.0f answers/s\n", store_rate,
                store_rate * kQuestions);
    std::printf("  C. raw SQLite plain rows: %8.0f respondents/s = %9.0f answers/s\n", raw_rate, raw_rate * kQuestions);
    std::printf("  HTTP / our store = %.0f %%   HTTP / raw = %.0f %%   our store / raw = %.0f %%\n",
                100 * http_rate / store_rate, 100 * http_rate / raw_rate, 100 * store_rate / raw_rate);
    return 0;
}
