#include "demo_org.h"

#include "audit_log.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <map>

#include "accounts.h"
#include "tandem/dates.h"
#include "tandem/ids.h"
#include "tandem/sync_service.h"

namespace tandem::server {

namespace {

constexpr const char* kDemoMarker = "demo_organisation";

struct DemoPerson {
    const char* key;  // also the employee id, so an HRIS file can refer to demo people
    const char* name;
    const char* email;
    const char* manager_key;
    const char* role;
    bool can_sign_in;
};

// Two teams under one director, plus HR and an executive mentor.
const DemoPerson kPeople[] = {
    {"director", "Dana Whitfield", "director@demo.example", nullptr, "manager", false},
    {"hr", "Hana Reyes", "hr@demo.example", nullptr, "hr_admin", true},
    {"mentor", "Elena Petrova", "mentor@demo.example", nullptr, "mentor", true},
    {"manager1", "Maya Chen", "manager1@demo.example", "director", "manager", true},
    {"manager2", "Noah Okafor", "manager2@demo.example", "director", "manager", true},
    {"m1r1", "Aiko Tanaka", "aiko.tanaka@demo.example", "manager1", "employee", false},
    {"m1r2", "Bruno Álvarez", "bruno.alvarez@demo.example", "manager1", "employee", false},
    {"m1r3", "Chloé Martin", "chloe.martin@demo.example", "manager1", "employee", false},
    {"m1r4", "Dev Patel", "dev.patel@demo.example", "manager1", "employee", false},
    {"m2r1", "Emeka Obi", "emeka.obi@demo.example", "manager2", "employee", false},
    {"m2r2", "Freya Lund", "freya.lund@demo.example", "manager2", "employee", false},
    {"m2r3", "Gustavo Silva", "gustavo.silva@demo.example", "manager2", "employee", false},
};

bool file_exists(const std::string& path) {
    struct stat info{};
    return stat(path.c_str(), &info) == 0;
}

// Some 1:1 history for Maya Chen's team, so the screens show real states: one report overdue, one with an
// open action item, one never met.
void add_demo_history(Store& store, std::map<std::string, std::string>& ids, HlcClock& clock, uint64_t now) {
    const std::string today = iso_from_millis(now);
    struct Meeting {
        const char* report;
        int days_ago;
        const char* notes;
        int mood;
        const char* action;
    };
    const Meeting meetings[] = {
        {"m1r1", 45, "Quarter goals agreed; wants more ownership of the release process.", 4, nullptr},
        {"m1r1", 20, "Discussed workload during the migration. Felt stretched but positive.", 3,
         "Pair Aiko with Dev on the on-call handover"},
        {"m1r2", 5, "Career conversation: interested in the team-lead track. Asked for feedback on design reviews.",
         5, "Share the team-lead competency guide"},
        {"m1r3", 12, "Returned from leave; catching up. Recognised her customer workshop in the team meeting.", 4,
         nullptr},
    };
    std::vector<Change> changes;
    for (const auto& meeting : meetings) {
        const std::string checkin = new_uuid_v7(now);
        changes.push_back(server_change(clock, now, "checkin", checkin,
                                      {{"report_id", ids[meeting.report]},
                                       {"held_on", add_days(today, -meeting.days_ago)},
                                       {"shared_notes", meeting.notes},
                                       {"mood", meeting.mood}}));
        if (meeting.action)
            changes.push_back(server_change(clock, now, "action_item", new_uuid_v7(now),
                                          {{"checkin_id", checkin},
                                           {"text", meeting.action},
                                           {"owner_id", ids["manager1"]},
                                           {"due_on", add_days(today, 7 - meeting.days_ago)},
                                           {"done", false}}));
    }
    SyncService(store).write_as_server(changes, ids["manager1"]);
}

}  // namespace

Change server_change(HlcClock& clock, uint64_t now, const char* entity, const std::string& record_id, Json fields) {
    Change change;
    change.id = new_uuid_v7(now);
    change.entity = entity;
    change.record_id = record_id;
    change.hlc = clock.now(now).to_string();
    change.device_id = "server";
    change.fields = std::move(fields);
    return change;
}

bool is_demo_database(const std::string& path) {
    if (!file_exists(path)) return false;
    try {
        Store store(path, StoreOptions{true, true});
        return store.setting(kDemoMarker).has_value();
    } catch (const StoreError&) {
        return false;
    }
}

std::string create_demo_database(const std::string& path) {
    if (file_exists(path)) {
        if (!is_demo_database(path))
            return path + " exists and is not a demo database; refusing to put demo data into it";
        for (const char* suffix : {"", "-wal", "-shm"}) unlink((path + suffix).c_str());
    }
    const uint64_t now =
        uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                     .count());
    Store store(path, StoreOptions{true, false});
    create_account_tables(store);
    create_audit_table(store);

    std::map<std::string, std::string> ids;
    uint64_t tick = now;
    for (const auto& person : kPeople) ids[person.key] = new_uuid_v7(tick++);

    HlcClock clock;
    std::vector<Change> changes;
    for (const auto& person : kPeople)
        changes.push_back(server_change(clock, now, "person", ids[person.key],
                                        {{"name", person.name},
                                         {"email", person.email},
                                         {"employee_id", person.key},
                                         {"role", person.role},
                                         {"manager_id", person.manager_key ? Json(ids[person.manager_key]) : Json()}}));
    SyncService(store).write_as_server(changes);
    add_demo_history(store, ids, clock, now);
    store.transaction([&] {
        for (const auto& person : kPeople)
            if (person.can_sign_in) add_account(store, ids[person.key], person.email, kDemoPassword);
        store.set_setting(kDemoMarker, "1");
    });
    return "";
}

} // namespace tandem::server
