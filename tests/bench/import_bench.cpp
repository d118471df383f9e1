// The HRIS import at the size docs/api.md, People import, names: a 100,000-row file (10 levels of managers)
// posted to the real tandem-server binary, first as a dry run, then applied, then re-imported unchanged; then a
// move of an 11,111-person subtree under another manager, and that manager's next pull from their cursor.
// Usage: bench_import <tandem-server binary>
#include <httplib.h>
#include <sodium.h>

#include <chrono>
#include <cstdio>

#include "bench_clock.h"
#include "demo/demo_org.h"
#include "support/server_process.h"
#include "support/temp_dir.h"
#include "tandem/base/change.h"

using namespace tandem;
using namespace tandem::testing;
using namespace tandem::bench;

namespace {

// Person i reports to person i / 10: a tree ten wide under P0.
std::string org_file(int people, int moved_under) {
    std::string csv = "employee_id,name,email,manager_employee_id,department,start_date\n";
    csv.reserve(size_t(people) * 80);
    for (int i = 0; i < people; ++i) {
        const int manager = i == 1 && moved_under >= 0 ? moved_under : i / 10;
        csv += "P" + std::to_string(i) + ",Person " + std::to_string(i) + ",p" + std::to_string(i) +
               "@bench.example," + (i ? "P" + std::to_string(manager) : "") + ",Dept " + std::to_string(i % 40) +
               ",2020-01-01\n";
    }
    return csv;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2 || sodium_init() < 0) return 2;
    TempDir dir;
    const std::string database = dir.file("import.db");
    if (!server::create_demo_database(database).empty()) return 1;
    ServerProcess server(argv[1], database);
    httplib::Client http("127.0.0.1", server.port);
    http.set_read_timeout(300);
    auto session = http.Post("/api/v1/session", R"({"email":"hr@demo.example","password":"tandem-demo"})",
                             "application/json");
    const httplib::Headers hr{{"Authorization", "Bearer " + Json::parse(session->body)["token"].get<std::string>()}};

    const int people = 100000;
    const std::string csv = org_file(people, -1);
    std::printf("import benchmark: %d rows, %.1f MiB (target: under 30 s)\n", people, double(csv.size()) / (1 << 20));
    for (const char* path : {"/api/v1/people/import?dry_run=true", "/api/v1/people/import",
                             "/api/v1/people/import"}) {
        const auto start = Clock::now();
        auto reply = http.Post(path, hr, csv, "text/csv");
        std::printf("  %-40s %6.2f s  -> %d %s\n", path, seconds_since(start), reply ? reply->status : 0,
                    reply ? reply->body.substr(0, 120).c_str() : "no answer");
    }
    // P5 signs in through an invitation and syncs to the end, as their device would have.
    std::string p5;
    {
        for (int64_t since = 0;;) {
            auto page = Json::parse(http.Get(("/api/v1/sync/pull?limit=1000&since=" + std::to_string(since)).c_str(), hr)->body);
            for (auto& change : page["changes"])
                if (change["fields"].value("employee_id", "") == "P5") p5 = change["record_id"];
            since = page["cursor"];
            if (!page["more"] || !p5.empty()) break;
        }
    }
    auto invite = Json::parse(http.Post(("/api/v1/people/" + p5 + "/invite").c_str(), hr, "", "application/json")->body);
    auto accepted = Json::parse(http.Post("/api/v1/session/accept-invite",
                                          Json{{"invite_token", invite["invite_token"]}, {"password", "bench password"}}.dump(),
                                          "application/json")->body);
    const httplib::Headers manager{{"Authorization", "Bearer " + accepted["token"].get<std::string>()}};
    auto pull_to_end = [&](int64_t since, int& changes, int& requests) {
        for (;;) {
            auto page = Json::parse(http.Get(("/api/v1/sync/pull?limit=1000&since=" + std::to_string(since)).c_str(),
                                             manager)->body);
            changes += int(page["changes"].size());
            ++requests;
            since = page["cursor"];
            if (!page["more"]) return since;
        }
    };
    int changes = 0, requests = 0;
    auto start = Clock::now();
    const int64_t cursor = pull_to_end(0, changes, requests);
    std::printf("  P5's first sync (their tree of 11,111)     %6.2f s  (%d changes, %d requests)\n",
                seconds_since(start), changes, requests);

    // P1 (with about 11,111 people below) moves from P0 to P5.
    start = Clock::now();
    auto moved = http.Post("/api/v1/people/import", hr, org_file(people, 5), "text/csv");
    std::printf("  %-40s %6.2f s  -> %d %s\n", "re-import moving P1's subtree under P5", seconds_since(start),
                moved ? moved->status : 0, moved ? moved->body.substr(0, 120).c_str() : "");
    changes = requests = 0;
    start = Clock::now();
    pull_to_end(cursor, changes, requests);
    std::printf("  P5's next pull from their cursor           %6.2f s  (%d changes, %d requests: the moved tree)\n",
                seconds_since(start), changes, requests);
    return 0;
}
