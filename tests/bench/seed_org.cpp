// Makes a database for the client benchmark: the demo organisation plus a manager with many reports and
// years of 1:1s, and optionally feedback to each report and recognitions on the wall.
// Usage: bench_seed DB REPORTS CHECKINS [FEEDBACK_PER_REPORT RECOGNITIONS]. The manager signs in as
// bench@demo.example.
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "auth/accounts.h"
#include "demo/demo_org.h"
#include "tandem/base/dates.h"
#include "tandem/base/ids.h"
#include "tandem/sync/sync_service.h"

using namespace tandem;

int main(int argc, char** argv) {
    if ((argc != 4 && argc != 6) || sodium_init() < 0) {
        std::fprintf(stderr, "usage: bench_seed DB REPORTS CHECKINS [FEEDBACK_PER_REPORT RECOGNITIONS]\n");
        return 2;
    }
    const std::string path = argv[1];
    const int reports = std::stoi(argv[2]), checkins = std::stoi(argv[3]);
    const int feedback_per_report = argc == 6 ? std::stoi(argv[4]) : 0, recognitions = argc == 6 ? std::stoi(argv[5]) : 0;
    if (auto error = server::create_demo_database(path); !error.empty()) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    const uint64_t now = uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::system_clock::now().time_since_epoch())
                                      .count());
    Store store(path, StoreOptions{true, false});
    HlcClock clock;
    auto change = [&](const char* entity, const std::string& record_id, Json fields) {
        return server_change(clock, now, entity, record_id, std::move(fields));
    };
    const std::string manager = new_uuid_v7(now);
    std::vector<Change> people{change("person", manager, {{"name", "Bench Manager"}, {"role", "manager"},
                                                          {"email", "bench@demo.example"}, {"manager_id", nullptr}})};
    std::vector<std::string> report_ids;
    for (int i = 0; i < reports; ++i) {
        report_ids.push_back(new_uuid_v7(now));
        people.push_back(change("person", report_ids.back(),
                                {{"name", "Report " + std::to_string(1000 + i)}, {"role", "employee"},
                                 {"manager_id", manager}}));
    }
    SyncService service(store);
    service.write_as_server(people);
    store.transaction([&] { server::add_account(store, manager, server::kDemoPassword); });

    const std::string today = iso_from_millis(now);
    std::vector<Change> batch;
    for (int i = 0; i < checkins; ++i) {
        batch.push_back(change("checkin", new_uuid_v7(now),
                               {{"report_id", report_ids[size_t(i % reports)]},
                                {"held_on", add_days(today, -(i / reports) * 7)},
                                {"shared_notes", "Weekly 1:1 number " + std::to_string(i / reports) +
                                                     ": progress, blockers, growth, wellbeing."},
                                {"mood", 1 + i % 5}}));
        if (batch.size() == 5000 || i + 1 == checkins) {
            service.write_as_server(batch, manager);
            batch.clear();
        }
    }
    // Feedback and recognition spread over the same five years, written by the bench manager.
    const int days = std::max(1, checkins / std::max(1, reports)) * 7;
    auto name_of = [](int i) { return "Report " + std::to_string(1000 + i); };
    for (int i = 0; i < reports * feedback_per_report; ++i) {
        const int report = i % reports;
        batch.push_back(change("feedback", new_uuid_v7(now),
                               {{"from_id", manager}, {"about_id", report_ids[size_t(report)]},
                                {"kind", i % 3 ? "praise" : "constructive"}, {"visibility", i % 2 ? "shared" : "private"},
                                {"given_on", add_days(today, -(i * 7919 % days))},
                                {"situation", "Sprint review " + std::to_string(i)},
                                {"behaviour", "Walked the team through the trade-offs before the decision"},
                                {"impact", "We chose in ten minutes instead of an hour"},
                                {"next_step", "Do the same in the planning meeting"}}));
        if (batch.size() == 5000) {
            service.write_as_server(batch, manager);
            batch.clear();
        }
    }
    for (int i = 0; i < recognitions; ++i) {
        const int report = i % reports;
        batch.push_back(change("recognition", new_uuid_v7(now),
                               {{"from_id", manager}, {"about_id", report_ids[size_t(report)]},
                                {"about_name", name_of(report)}, {"given_on", add_days(today, -(i * 104729 % days))},
                                {"behaviour", "Stayed with the customer until the outage was understood"},
                                {"impact", "The customer renewed and asked for them by name"}}));
        if (batch.size() == 5000) {
            service.write_as_server(batch, manager);
            batch.clear();
        }
    }
    if (!batch.empty()) service.write_as_server(batch, manager);
    std::printf("seeded %s: %d reports, %d check-ins, %d feedback, %d recognitions for bench@demo.example\n",
                path.c_str(), reports, checkins, reports * feedback_per_report, recognitions);
    return 0;
}
