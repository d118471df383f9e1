#include "demo_org.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <map>

#include "accounts.h"
#include "tandem/ids.h"
#include "tandem/sync_service.h"

namespace tandem::server {

namespace {

constexpr const char* kDemoMarker = "demo_organisation";

struct DemoPerson {
    const char* key;
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

}  // namespace

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

    std::map<std::string, std::string> ids;
    uint64_t tick = now;
    for (const auto& person : kPeople) ids[person.key] = new_uuid_v7(tick++);

    HlcClock clock;
    std::vector<Change> changes;
    for (const auto& person : kPeople) {
        Change change;
        change.id = new_uuid_v7(now);
        change.entity = "person";
        change.record_id = ids[person.key];
        change.hlc = clock.now(now).to_string();
        change.device_id = "server";
        change.fields = {{"name", person.name},
                         {"email", person.email},
                         {"role", person.role},
                         {"manager_id", person.manager_key ? Json(ids[person.manager_key]) : Json()}};
        changes.push_back(std::move(change));
    }
    SyncService(store).write_as_server(changes);
    store.transaction([&] {
        for (const auto& person : kPeople)
            if (person.can_sign_in) add_account(store, ids[person.key], person.email, kDemoPassword);
        store.set_setting(kDemoMarker, "1");
    });
    return "";
}

} // namespace tandem::server
