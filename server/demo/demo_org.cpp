#include "demo/demo_org.h"

#include "store/audit_log.h"
#include "demo/demo_feedback.h"
#include "demo/demo_partnership.h"
#include "demo/demo_analytics.h"
#include "demo/demo_surveys.h"
#include "demo/demo_guides.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <map>

#include "auth/accounts.h"
#include "store/server_schema.h"
#include "store/server_store.h"
#include "tandem/base/dates.h"
#include "tandem/base/ids.h"
#include "tandem/sync/sync_service.h"

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

// Two teams under one director, plus HR and an executive mentor. Maya's and Noah's reports sign in as
// employees (employee access is on in the demo).
const DemoPerson kPeople[] = {
    {"director", "Dana Whitfield", "director@demo.example", nullptr, "manager", false},
    {"hr", "Hana Reyes", "hr@demo.example", nullptr, "hr_admin", true},
    {"mentor", "Elena Petrova", "mentor@demo.example", nullptr, "mentor", true},
    {"manager1", "Maya Chen", "manager1@demo.example", "director", "manager", true},
    {"manager2", "Noah Okafor", "manager2@demo.example", "director", "manager", true},
    {"m1r1", "Aiko Tanaka", "aiko.tanaka@demo.example", "manager1", "employee", true},
    {"m1r2", "Bruno Álvarez", "bruno.alvarez@demo.example", "manager1", "employee", true},
    {"m1r3", "Chloé Martin", "chloe.martin@demo.example", "manager1", "employee", true},
    {"m1r4", "Dev Patel", "dev.patel@demo.example", "manager1", "employee", true},
    {"m2r1", "Emeka Obi", "emeka.obi@demo.example", "manager2", "employee", true},
    {"m2r2", "Freya Lund", "freya.lund@demo.example", "manager2", "employee", true},
    {"m2r3", "Gustavo Silva", "gustavo.silva@demo.example", "manager2", "employee", true},
    // Operations: a second division with a year of history (demo_analytics.cpp), so the analytics compare
    // teams that keep their 1:1s with teams that do not.
    {"director2", "Omar Haddad", "omar.haddad@demo.example", nullptr, "manager", false},
    {"ops1", "Priya Nair", "priya.nair@demo.example", "director2", "manager", false},
    {"ops2", "Lars Berg", "lars.berg@demo.example", "director2", "manager", false},
    {"ops3", "Sofia Rossi", "sofia.rossi@demo.example", "director2", "manager", false},
    {"ops1r1", "Hugo Laurent", "hugo.laurent@demo.example", "ops1", "employee", false},
    {"ops1r2", "Ines Costa", "ines.costa@demo.example", "ops1", "employee", false},
    {"ops1r3", "Jonas Weber", "jonas.weber@demo.example", "ops1", "employee", false},
    {"ops1r4", "Kemi Adeyemi", "kemi.adeyemi@demo.example", "ops1", "employee", false},
    {"ops1r5", "Liam Byrne", "liam.byrne@demo.example", "ops1", "employee", false},
    {"ops2r1", "Mei Lin", "mei.lin@demo.example", "ops2", "employee", false},
    {"ops2r2", "Nadia Haddou", "nadia.haddou@demo.example", "ops2", "employee", false},
    {"ops2r3", "Oscar Nilsson", "oscar.nilsson@demo.example", "ops2", "employee", false},
    {"ops2r4", "Paula Moreno", "paula.moreno@demo.example", "ops2", "employee", false},
    {"ops2r5", "Quentin Roux", "quentin.roux@demo.example", "ops2", "employee", false},
    {"ops3r1", "Rosa Ferreira", "rosa.ferreira@demo.example", "ops3", "employee", false},
    {"ops3r2", "Samir Khan", "samir.khan@demo.example", "ops3", "employee", false},
    {"ops3r3", "Tara Quinn", "tara.quinn@demo.example", "ops3", "employee", false},
    {"ops3r4", "Umar Sheikh", "umar.sheikh@demo.example", "ops3", "employee", false},
    {"ops3r5", "Vera Novak", "vera.novak@demo.example", "ops3", "employee", false},
};

bool file_exists(const std::string& path) {
    struct stat info{};
    return stat(path.c_str(), &info) == 0;
}

// Some 1:1 history for Maya Chen's team, so the screens show real states: one report overdue, one with an
// open action item, one never met.
void add_demo_history(Store& store, std::map<std::string, std::string>& ids, HlcClock& clock, uint64_t now,
                      KeyCost key_cost) {
    const std::string today = iso_from_millis(now);
    struct Meeting {
        const char* report;
        int days_ago;
        const char* notes;
        int mood;
        const char* action;
        const char* private_note;  // sealed under the demo passphrase, as the app would
    };
    const Meeting meetings[] = {
        {"m1r1", 45, "Quarter goals agreed; wants more ownership of the release process.", 4, nullptr, nullptr},
        {"m1r1", 20, "Discussed workload during the migration. Felt stretched but positive.", 3,
         "Pair Aiko with Dev on the on-call handover",
         "Seemed more tired than she said. Check the on-call rota before the next release."},
        {"m1r2", 5, "Career conversation: interested in the team-lead track. Asked for feedback on design reviews.",
         5, "Share the team-lead competency guide", nullptr},
        {"m1r3", 12, "Returned from leave; catching up. Recognised her customer workshop in the team meeting.", 4,
         nullptr, nullptr},
    };
    std::vector<Change> changes;
    // Maya's sealing key, derived from the demo passphrase at the app's own cost.
    const NewKey key = create_seal_key(kDemoPassphrase, key_cost);
    changes.push_back(server_change(clock, now, "sealing_key", new_uuid_v7(now),
                                    {{"owner_id", ids["manager1"]}, {"params", key.params.encode()}}));
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
        if (meeting.private_note)
            changes.push_back(server_change(clock, now, "private_note", new_uuid_v7(now),
                                          {{"checkin_id", checkin}, {"text", seal(key.key, meeting.private_note)}}));
    }
    const struct {
        int days_ago;
        const char* prompt;
        const char* answer;
        int rating;
    } journal[] = {
        // Prompts are the journal's own (a journal entry may name no other).
        {28, "Which conversation am I putting off, and what is the delay costing?",
         "The workload talk with Aiko. I worried it would sound like a complaint about her pace.", 2},
        {14, "Where did I give my team trust this week, and where did I hold it back?",
         "Gave Bruno the design review to lead and stayed quiet until he asked.", 3},
        {3, "What did I do well as a manager this week, and how do I know?",
         "The career conversation with Bruno went well.", 4},
    };
    for (const auto& entry : journal)
        changes.push_back(server_change(clock, now, "journal_entry", new_uuid_v7(now),
                                        {{"owner_id", ids["manager1"]},
                                         {"written_on", add_days(today, -entry.days_ago)},
                                         {"prompt", entry.prompt},
                                         {"text", seal(key.key, entry.answer)},
                                         {"self_rating", entry.rating}}));
    SyncService(store).write_as_server(changes, ids["manager1"]);
}

}  // namespace

bool is_demo_database(const std::string& path) {
    if (is_empty_database(path)) return false;
    try {
        auto store = open_server_store(path, true);
        return store->setting(kDemoMarker).has_value();
    } catch (const StoreError&) {
        return false;
    }
}

std::string create_demo_database(const std::string& path, KeyCost notes_key_cost) {
    if (is_postgres_url(path)) {
        if (!is_empty_database(path))
            return is_demo_database(path) ? "the database already holds the demo organisation"
                                          : "the database is not empty; refusing to put demo data into it";
    } else if (file_exists(path)) {
        if (!is_demo_database(path))
            return path + " exists and is not a demo database; refusing to put demo data into it";
        for (const char* suffix : {"", "-wal", "-shm"}) unlink((path + suffix).c_str());
    }
    const uint64_t now =
        uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                     .count());
    auto opened = open_server_store(path);
    Store& store = *opened;

    std::map<std::string, std::string> ids;
    uint64_t tick = now;
    for (const auto& person : kPeople) ids[person.key] = new_uuid_v7(tick++);

    HlcClock clock;
    std::vector<Change> changes;
    // Start dates as an HRIS would have them: between one and six years ago.
    int joined = 0;
    for (const auto& person : kPeople)
        changes.push_back(server_change(clock, now, "person", ids[person.key],
                                        {{"name", person.name},
                                         {"email", person.email},
                                         {"employee_id", person.key},
                                         {"role", person.role},
                                         {"manager_id", person.manager_key ? Json(ids[person.manager_key]) : Json()},
                                         {"start_date", add_days(iso_from_millis(now), -(400 + (joined++ * 397) % 1800))}}));
    SyncService(store).write_as_server(changes);
    add_demo_history(store, ids, clock, now, notes_key_cost);
    add_demo_guides(store, ids["hr"], clock, now);
    add_demo_feedback(store, ids, clock, now);
    add_demo_surveys(store, ids, clock, now);
    add_demo_partnership(store, ids, clock, now);
    add_demo_analytics(store, ids, now);
    // The demo password is public, so one hash (argon2id at the app's cost) serves every demo account.
    const std::string demo_hash = hash_password(kDemoPassword);
    store.transaction([&] {
        for (const auto& person : kPeople)
            if (person.can_sign_in) add_account_with_hash(store, ids[person.key], demo_hash);
        // The demo shows employees on their phones, so their access is on (a new organisation starts off).
        write_employee_access(store, true, iso_from_millis(now));
        store.set_setting(kDemoMarker, "1");
    });
    return "";
}

} // namespace tandem::server
