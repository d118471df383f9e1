// People analytics benchmark, side by side in one run, on an organisation of 100,000 people (about 11,000
// managers), 5 years of monthly 1:1s for everyone with a manager (about 5.4 million check-ins), HRIS
// start and exit dates, and one closed 50-question survey answered by everyone (5,000,050 answers), all
// seeded through the server's own write path:
//   A. over HTTP: GET /api/v1/analytics/teams (HR: every team; a vice-president: their tree), the CSV, a
//      year of the organisation's figures by month, and the cohort comparison (target < 0.5 s), each route's
//      first call apart from its repeats (the server keeps survey indices between requests);
//      and server start to the first figures, folding the whole log; then the tandem-server binary restarted
//      on the database, starting from the ledger's snapshot, with and without huge pages for large allocations;
//   B. our store without HTTP: folding the change log into the ledger (what the server does once at start),
//      then every team's figures and survey indices from it in-process, step by step, decided afresh and
//      through the server's cache;
//   C. raw SQLite: the same check-in rows in one plain table, and the one GROUP BY a scan-per-request
//      design would run for the check-in counts alone.
#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "analytics/analytics_index.h"
#include "analytics/analytics_surveys.h"
#include "analytics/survey_index_cache.h"
#include "bench_clock.h"
#include "bench_org.h"
#include "demo/demo_org.h"
#include "store/analytics_snapshot.h"
#include "store/server_schema.h"
#include "tandem_server.h"
#include "support/server_process.h"
#include "support/temp_dir.h"
#include "tandem/base/dates.h"
#include "tandem/surveys/survey_results.h"

using namespace tandem;
using namespace tandem::bench;

namespace {

constexpr int kYears = 5;

struct Timing {
    double best = 1e9, worst = 0;
    void add(double seconds) {
        best = std::min(best, seconds);
        worst = std::max(worst, seconds);
    }
};

// A'. The first start saved the ledger's snapshot beside the database (on its own thread, once its fold was
// done). The real tandem-server binary is then started on the same database, as an operator restarts it,
// and timed from its launch to HR's first team figures (it folds only the log after the snapshot). Turns
// alternate between glibc's default 4 KiB pages and transparent huge pages for large allocations
// (GLIBC_TUNABLES=glibc.malloc.hugetlb=1, which scripts/run sets), as faulting in the restored ledger's
// memory was most of a restart's time on this machine.
constexpr const char* kHugePages = "glibc.malloc.hugetlb=1";

double one_restart(const std::string& binary, const std::string& database, const std::string& quarter,
                   const std::string& tunables, int& status) {
    const auto start = Clock::now();
    tandem::testing::ServerProcess server(binary, database, {}, {{"GLIBC_TUNABLES", tunables}});
    httplib::Client http("127.0.0.1", server.port);
    http.set_read_timeout(600);
    auto reply = http.Post("/api/v1/session", Json{{"email", "hr@demo.example"}, {"password", server::kDemoPassword}}.dump(),
                           "application/json");
    status = reply ? reply->status : 0;
    if (!reply || reply->status != 200) return seconds_since(start);
    const httplib::Headers hr{{"Authorization", "Bearer " + Json::parse(reply->body)["token"].get<std::string>()}};
    for (int attempt = 0; attempt < 4000; ++attempt) {
        auto first = http.Get(("/api/v1/analytics/teams?" + quarter).c_str(), hr);
        status = first ? first->status : 0;
        if (status == 200) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return seconds_since(start);
}

void restart_from_snapshot(const std::string& binary, const std::string& database, const std::string& quarter,
                           double from_scratch) {
    std::optional<server::AnalyticsSnapshot> snapshot;
    int64_t last_seq = 0;
    {
        Store store(database, StoreOptions{true, true});
        for (int i = 0; i < 3000 && !(snapshot = server::read_analytics_snapshot(store)); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        last_seq = store.last_seq();
    }
    if (!snapshot) {
        std::printf("\nno analytics snapshot was saved after the first start\n");
        return;
    }
    std::printf("\nrestart of the tandem-server binary to HR's first team figures, from the ledger's snapshot (%.1f MB, "
                "covering seq %lld of %lld), against %.1f s folding the whole log:\n",
                double(snapshot->bytes.size()) / 1e6, (long long)snapshot->covers_seq, (long long)last_seq,
                from_scratch);
    snapshot.reset();
    Timing small_pages, huge_pages;
    for (int turn = 0; turn < 4; ++turn) {
        const bool huge = turn % 2 == 1;
        int status = 0;
        const double seconds = one_restart(binary, database, quarter, huge ? kHugePages : "", status);
        if (status == 200) (huge ? huge_pages : small_pages).add(seconds);  // a failed start is no time
        std::printf("  %-44s %7.2f s  (status %d)\n", huge ? "huge pages for large allocations" : "4 KiB pages (glibc's default)",
                    seconds, status);
    }
    if (huge_pages.worst == 0 || small_pages.worst == 0) {
        std::printf("  restart: a start did not reach the figures (status above); no ratio\n");
        return;
    }
    std::printf("  restart, best of 2: %.2f s with huge pages, %.2f s without (ratio %.2f)\n", huge_pages.best,
                small_pages.best, huge_pages.best / small_pages.best);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_analytics path/to/tandem-server (scripts/bench-analytics passes it)\n");
        return 2;
    }
    const std::string server_binary = argv[1];
    if (sodium_init() < 0) return 1;
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    tandem::testing::TempDir dir;
    const std::string database = dir.file("bench.db");
    server::create_demo_database(database);
    const std::string today = iso_from_millis(wall_millis());
    Seeded seeded;
    int64_t checkins = 0;
    // TANDEM_BENCH_YEARS shortens the history of 1:1s for a quick run; people and answers stay at full scale.
    const char* years_override = std::getenv("TANDEM_BENCH_YEARS");
    const int years = years_override ? std::max(1, std::atoi(years_override)) : kYears;
    std::printf("seeding %d people with HRIS dates, %d years of monthly 1:1s and %d answers...\n", kPeople, years,
                kPeople * kQuestions);
    auto start = Clock::now();
    {
        Store store(database, StoreOptions{true, false});
        store.database().exec("PRAGMA cache_size=-262144");
        server::migrate_server_schema(store);
        std::string ceo;
        for (const auto& person : store.records_of("person"))
            if (person.state.text("email") == "director@demo.example") ceo = person.state.record_id;
        // One in twelve has left at some point in the last five years; one in three of those involuntarily.
        seeded = seed_org_and_survey(store, ceo, [&](Json& fields, size_t i) {
            const bool left = i % 12 == 5;
            fields["start_date"] = add_days(today, -int64_t(left ? 1900 + i % 900 : 60 + (i * 7919) % 2800));
            if (left) {
                fields["exit_date"] = add_days(today, -int64_t((i * 31) % 1800));
                fields["exit_reason"] = i % 36 == 5 ? "involuntary" : "voluntary";
            }
        });
        std::printf("  people: %.1f s\n", seconds_since(start));

        // Monthly 1:1s for every report, written by their manager, some of them late (a few days to weeks).
        SyncService service(store);
        HlcClock clock;
        std::unordered_map<std::string, std::vector<std::string>> reports;
        for (const auto& [id, manager] : seeded.people) reports[manager].push_back(id);
        const int64_t first_day = days_from_iso(today) - 365 * years;
        size_t done_managers = 0;
        for (size_t m = 0; m < seeded.managers.size(); m += 25) {
            store.transaction([&] {
                for (size_t k = m; k < std::min(seeded.managers.size(), m + 25); ++k) {
                    const std::string& manager = seeded.managers[k];
                    std::vector<Change> changes;
                    for (const auto& report : reports[manager]) {
                        const size_t salt = std::hash<std::string>{}(report);
                        changes.push_back(server_change(clock, "cadence", new_uuid_v7(wall_millis()),
                                                        {{"report_id", report}, {"every", "month"}}));
                        for (int64_t day = first_day + int64_t(salt % 30), n = 0; day < days_from_iso(today); ++n) {
                            changes.push_back(server_change(clock, "checkin", new_uuid_v7(wall_millis()),
                                                            {{"report_id", report}, {"held_on", iso_from_days(day)}}));
                            // Managers whose id hashes low slip more often: teams differ in cadence.
                            const bool late = (salt + size_t(n) * 7) % 10 < (std::hash<std::string>{}(manager) % 6);
                            day += 30 + (late ? 3 + int64_t((salt + size_t(n)) % 20) : -int64_t(n % 3));
                        }
                    }
                    checkins += int64_t(changes.size());
                    service.write_as_server(changes, manager);
                }
            });
            done_managers = std::min(seeded.managers.size(), m + 25);
            if (done_managers % 2000 == 0)
                std::printf("  1:1s: %zu of %zu managers, %.0f s\n", done_managers, seeded.managers.size(),
                            seconds_since(start));
        }
        std::printf("  1:1s and cadences: %lld changes, %.1f s\n", (long long)checkins, seconds_since(start));
        const OrgChart org = server::load_org_chart(store);
        const int respondents = answer_everyone(store, seeded, org, add_days(today, -20));
        service.write_as_server({server_change(clock, "survey", seeded.survey_id, {{"status", "closed"}})});
        std::printf("seeded %d respondents x %d answers; all seeding %.1f s\n", respondents, kQuestions,
                    seconds_since(start));
    }

    // A. Over HTTP. The server folds the change log once at start (a background thread); the first request
    // waits for it, so it is timed apart.
    server::ServerOptions options;
    options.database_path = database;
    options.port = 0;
    options.threads = 8;
    start = Clock::now();
    server::TandemServer server(options);
    const int port = server.bind();
    std::thread serving([&] { server.run(); });
    httplib::Client http("127.0.0.1", port);
    http.set_read_timeout(600);
    for (int i = 0; i < 200 && !http.Get("/healthz"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    auto session = [&](const std::string& email) {
        auto reply = http.Post("/api/v1/session", Json{{"email", email}, {"password", server::kDemoPassword}}.dump(),
                               "application/json");
        return httplib::Headers{{"Authorization", "Bearer " + Json::parse(reply->body)["token"].get<std::string>()}};
    };
    const auto hr = session("hr@demo.example");
    const std::string quarter = "from=" + add_days(today, -90) + "&to=" + today;
    const std::string year = "from=" + add_days(add_months(today, -12), 1) + "&to=" + today;
    // Until the fold is done the server answers 503 not_ready (after waiting 3 s). Readiness is asked with a
    // month long before any survey closed, which reads the ledger alone, so the first team figures after it
    // are timed apart: that first call is what a cold cache of survey indices costs.
    int status = 0, not_ready = 0;
    for (int attempt = 0; attempt < 400 && status != 200; ++attempt) {
        auto probe = http.Get("/api/v1/analytics/series?group=org&bucket=month&from=2000-01-01&to=2000-01-31", hr);
        status = probe ? probe->status : 0;
        not_ready += status == 503;
    }
    const double to_ready = seconds_since(start);
    auto t_first = Clock::now();
    auto first_teams = http.Get(("/api/v1/analytics/teams?" + quarter).c_str(), hr);
    const double first_teams_call = seconds_since(t_first);
    const double from_scratch = seconds_since(start);
    std::printf("\nserver start to the figures being ready (folds the whole change log): %.1f s (%d answers of 503 "
                "not_ready before)\n",
                to_ready, not_ready);
    std::printf("teams, HR, a quarter, the first call after that: %.3f s (status %d); start to the first team "
                "figures %.1f s\n",
                first_teams_call, first_teams ? first_teams->status : 0, from_scratch);

    // A vice-president signs in through an account made for the benchmark.
    {
        Store store(database, StoreOptions{true, false});
        store.transaction([&] { server::add_account(store, seeded.top, server::kDemoPassword); });
    }
    const auto vp = session(seeded.top.substr(24) + "@bench.example");  // the e-mail bench_org.h gave the VP
    std::printf("\nover HTTP (best .. worst of 5):\n");
    // The first call of a route apart from the repeated ones: a cache shows as a quick repeat.
    auto time_first = [&](const char* what, const std::string& path, const httplib::Headers& who) {
        auto t0 = Clock::now();
        auto reply = http.Get(path.c_str(), who);
        std::printf("  %-44s %7.3f s, first call (status %d)\n", what, seconds_since(t0), reply ? reply->status : 0);
    };
    auto time_get = [&](const char* what, const std::string& path, const httplib::Headers& who) {
        Timing timing;
        std::string summary;
        for (int run = 0; run < 5; ++run) {
            auto t0 = Clock::now();
            auto reply = http.Get(path.c_str(), who);
            timing.add(seconds_since(t0));
            if (!reply || reply->status != 200) {
                summary = "failed " + std::to_string(reply ? reply->status : 0);
                continue;
            }
            if (path.find(".csv") != std::string::npos) {
                summary = std::to_string(std::count(reply->body.begin(), reply->body.end(), '\n') - 1) + " rows";
            } else {
                const Json body = Json::parse(reply->body);
                if (body.contains("teams")) summary = std::to_string(body["teams"].size()) + " teams";
                if (body.contains("points")) summary = std::to_string(body["points"].size()) + " points";
                if (body.contains("high"))
                    summary = std::to_string(body["high"].value("teams", 0)) + " high / " +
                              std::to_string(body["low"].value("teams", 0)) + " low teams";
            }
        }
        std::printf("  %-44s %7.3f .. %.3f s  (%s)\n", what, timing.best, timing.worst, summary.c_str());
        return timing;
    };
    const Timing teams = time_get("teams, HR, a quarter", "/api/v1/analytics/teams?" + quarter, hr);
    time_get("teams.csv, HR, a quarter", "/api/v1/analytics/teams.csv?" + quarter, hr);
    time_get("teams, a vice-president's tree, a quarter", "/api/v1/analytics/teams?" + quarter, vp);
    time_first("series, organisation, 12 months", "/api/v1/analytics/series?group=org&" + year, hr);
    time_get("series, organisation, 12 months", "/api/v1/analytics/series?group=org&" + year, hr);
    time_first("series, a vice-president's tree, 12 months",
               "/api/v1/analytics/series?group=tree:" + seeded.top + "&" + year, vp);
    time_get("series, a vice-president's tree, 12 months",
             "/api/v1/analytics/series?group=tree:" + seeded.top + "&" + year, vp);
    time_get("return (cadence split), HR, 12 months", "/api/v1/analytics/return?" + year, hr);
    {
        const Json body = Json::parse(http.Get(("/api/v1/analytics/teams?" + quarter).c_str(), hr)->body);
        const Json& row = body["teams"][0];
        std::printf("  one row: %s\n", row.dump().c_str());
    }
    server.stop();
    serving.join();
    restart_from_snapshot(server_binary, database, quarter, from_scratch);

    // B. Our store, no HTTP: the same figures in-process.
    {
        Store store(database, StoreOptions{true, true});
        server::AnalyticsIndex index;
        auto t0 = Clock::now();
        const size_t records = index.with_ledger(store, [](const analytics::ActivityLedger& ledger) { return ledger.records(); });
        const double fold = seconds_since(t0);
        const OrgChart org = server::load_org_chart(store);
        std::vector<std::string> managers;
        for (const auto& id : seeded.managers)
            if (!org.reports_of(id).empty()) managers.push_back(id);
        const analytics::Day to = analytics::day_of(today), from = to - 90;
        t0 = Clock::now();
        int64_t people = 0;
        index.with_ledger(store, [&](const analytics::ActivityLedger& ledger) {
            for (const auto& manager : managers) people += server::figures_of(ledger, org.reports_of(manager), from, to).headcount;
            return 0;
        });
        const double figures = seconds_since(t0);
        std::vector<std::string> groups;
        for (const auto& manager : managers) groups.push_back(survey::team_group(manager));
        t0 = Clock::now();
        const auto shown = server::shown_indices(store, org, seeded.survey_id, "org", groups);
        const double indices = seconds_since(t0);
        {  // where the survey indices' time goes, step by step as shown_indices takes them
            auto step = Clock::now();
            auto lap = [&] {
                const double seconds = seconds_since(step);
                step = Clock::now();
                return seconds;
            };
            const auto survey = server::load_survey(store, seeded.survey_id);
            const auto tallies = server::load_tallies(store, seeded.survey_id);
            const auto layout = server::load_layout(store, seeded.survey_id);
            const double loading = lap();
            const survey::GroupForest forest(org, tallies, "org");
            const double building = lap();
            const auto visibility = survey::decide_visibility(forest, survey->questions, layout, survey->rules);
            const double deciding = lap();
            size_t scored = 0;
            for (size_t node = 0; node < forest.nodes().size(); ++node)
                for (auto which : {survey::Index::Engagement, survey::Index::Enps, survey::Index::PsychSafety})
                    scored += survey::shown_index(forest, node, visibility, survey->questions, layout, which) ? 1 : 0;
            const double scoring = lap();
            size_t scored_again = 0;
            const survey::IndexScorer engagement(survey::Index::Engagement, survey->questions, layout),
                enps(survey::Index::Enps, survey->questions, layout),
                psych_safety(survey::Index::PsychSafety, survey->questions, layout);
            for (size_t node = 0; node < forest.nodes().size(); ++node)
                for (const auto* scorer : {&engagement, &enps, &psych_safety})
                    scored_again += survey::shown_index(forest, node, visibility, survey->questions, *scorer) ? 1 : 0;
            std::printf("\n  survey indices step by step: loading the survey, %zu tallies and the layout %.3f s; the "
                        "forest %.3f s; thresholds and differencing %.3f s; the three indices of all %zu nodes "
                        "%.3f s (%zu shown), with each index's items found once %.3f s (%zu shown)\n",
                        tallies.size(), loading, building, deciding, forest.nodes().size(), scoring, scored, lap(),
                        scored_again);
        }
        {  // the server's cache of survey indices: the first call decides every group, a repeat looks them up
            server::SurveyIndexCache cache;
            const auto chart = std::make_shared<const OrgChart>(org);
            for (const char* call : {"first", "repeated"}) {
                t0 = Clock::now();
                cache.indices(store, chart, seeded.survey_id, "org", groups);
                std::printf("  every team's survey indices through the cache, %s call: %.3f s\n", call,
                            seconds_since(t0));
            }
        }
        std::printf("\nour store without HTTP:\n  fold of the change log into the ledger: %.1f s (%zu records)\n"
                    "  every team's figures from the ledger: %.3f s (%zu teams, %lld people)\n"
                    "  every team's survey indices decided afresh (thresholds and differencing): %.3f s\n"
                    "  together %.3f s; over HTTP, where the server keeps the indices, %.3f s\n",
                    fold, records, figures, managers.size(), (long long)people, indices, figures + indices,
                    teams.best);
    }

    // C. Raw SQLite: the check-in rows alone in one plain table, and the aggregate a scan would need.
    {
        Database raw(dir.file("raw.db"));
        raw.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; "
                 "CREATE TABLE plain(report_id TEXT, manager_id TEXT, held_on TEXT)");
        Store store(database, StoreOptions{true, true});
        const OrgChart org = server::load_org_chart(store);
        auto t0 = Clock::now();
        raw.exec("BEGIN");
        Statement insert(raw, "INSERT INTO plain VALUES (?, ?, ?)");
        Statement read(store.database(),
                       "SELECT json_extract(state, '$.report_id.v'), json_extract(state, '$.held_on.v') FROM records "
                       "WHERE entity = 'checkin'");
        int64_t rows = 0;
        while (read.step()) {
            const std::string report = read.text(0);
            insert.bind(1, report).bind(2, org.manager_of(report)).bind(3, read.text(1)).run();
            ++rows;
        }
        raw.exec("COMMIT");
        const double copy = seconds_since(t0);
        raw.exec("CREATE INDEX plain_by_day ON plain(held_on)");
        Timing scan;
        for (int run = 0; run < 3; ++run) {
            t0 = Clock::now();
            Statement group(raw,
                            "SELECT manager_id, count(*) FROM plain WHERE held_on BETWEEN ? AND ? GROUP BY manager_id");
            group.bind(1, add_days(today, -90)).bind(2, today);
            int teams_seen = 0;
            while (group.step()) ++teams_seen;
            scan.add(seconds_since(t0));
        }
        std::printf("\nraw SQLite: %lld check-in rows copied into one plain table in %.1f s; the check-in count per "
                    "team for a quarter by GROUP BY: %.3f .. %.3f s (one figure of twelve)\n",
                    (long long)rows, copy, scan.best, scan.worst);
        std::printf("team figures over HTTP / that one raw aggregate = %.0f %%\n", 100.0 * teams.best / scan.best);
    }
    return 0;
}
