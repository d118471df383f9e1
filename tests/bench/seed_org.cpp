// Makes a database for the client benchmark: the demo organisation plus a manager with many reports and
// years of 1:1s. Usage: bench_seed DB REPORTS CHECKINS. The manager signs in as bench@demo.example.
#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "accounts.h"
#include "demo_org.h"
#include "tandem/dates.h"
#include "tandem/ids.h"
#include "tandem/sync_service.h"

using namespace tandem;

int main(int argc, char** argv) {
    if (argc != 4 || sodium_init() < 0) {
        std::fprintf(stderr, "usage: bench_seed DB REPORTS CHECKINS\n");
        return 2;
    }
    const std::string path = argv[1];
    const int reports = std::stoi(argv[2]), checkins = std::stoi(argv[3]);
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
        return server::server_change(clock, now, entity, record_id, std::move(fields));
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
    store.transaction([&] { server::add_account(store, manager, "bench@demo.example", server::kDemoPassword); });

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
    std::printf("seeded %s: %d reports, %d check-ins for bench@demo.example\n", path.c_str(), reports, checkins);
    return 0;
}
