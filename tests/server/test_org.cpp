#include "test_org.h"

#include <stdexcept>

#include "auth/accounts.h"
#include "http/http_helpers.h"
#include "store/server_store.h"
#include "tandem/base/dates.h"
#include "tandem/base/ids.h"
#include "tandem/sync/sync_service.h"

namespace tandem::testing {

TestOrg::TestOrg(const std::string& path) : now_(uint64_t(server::now_millis())), store_(server::open_server_store(path)) {
}

const std::string& TestOrg::person(const std::string& key, const std::string& name, const std::string& email,
                                   Role role, const std::string& manager) {
    const std::string record_id = new_uuid_v7(now_);
    // Everyone joined two years ago: long enough to count in the twelve-month figures of the analytics.
    SyncService(*store_).write_as_server({server_change(clock_, now_, "person", record_id,
                                                       {{"name", name},
                                                        {"email", email},
                                                        {"employee_id", key},
                                                        {"role", to_string(role)},
                                                        {"manager_id", manager.empty() ? Json() : Json(id(manager))},
                                                        {"start_date", days_ago(730)}})});
    return ids_[key] = record_id;
}

void TestOrg::account(const std::string& key) {
    // The cheapest argon2id cost: the stored hash carries it, so each sign-in of the test checks quickly.
    server::add_account(*store_, id(key), kTestPassword, KeyCost::minimum());
}

const std::string& TestOrg::id(const std::string& key) const {
    auto found = ids_.find(key);
    if (found == ids_.end()) throw std::invalid_argument("no person with key " + key + " was added before");
    return found->second;
}

std::string TestOrg::write(const std::string& author, const char* entity, Json fields) {
    const std::string record_id = new_uuid_v7(now_);
    SyncService(*store_).write_as_server({server_change(clock_, now_, entity, record_id, std::move(fields))}, id(author));
    return record_id;
}

std::string TestOrg::sealed(const std::string& author, const std::string& text) {
    auto key = seal_keys_.find(author);
    if (key == seal_keys_.end()) {
        const NewKey made = create_seal_key("passphrase of " + author, KeyCost::minimum());
        write(author, "sealing_key", {{"owner_id", id(author)}, {"params", made.params.encode()}});
        key = seal_keys_.emplace(author, made.key).first;
    }
    return seal(key->second, text);
}

std::string TestOrg::days_ago(int days) const { return add_days(iso_from_millis(now_), -days); }

void add_two_teams(TestOrg& org) {
    org.person("director", "Dana Whitfield", "director@example.test", Role::Manager);
    org.person("hr", "Hana Reyes", "hr@example.test", Role::HrAdmin);
    org.person("mentor", "Elena Petrova", "mentor@example.test", Role::Mentor);
    org.person("manager1", "Maya Chen", "manager1@example.test", Role::Manager, "director");
    org.person("manager2", "Noah Okafor", "manager2@example.test", Role::Manager, "director");
    org.person("m1r1", "Aiko Tanaka", "aiko.tanaka@example.test", Role::Employee, "manager1");
    org.person("m1r2", "Bruno Álvarez", "bruno.alvarez@example.test", Role::Employee, "manager1");
    org.person("m1r3", "Chloé Martin", "chloe.martin@example.test", Role::Employee, "manager1");
    org.person("m1r4", "Dev Patel", "dev.patel@example.test", Role::Employee, "manager1");
    org.person("m2r1", "Emeka Obi", "emeka.obi@example.test", Role::Employee, "manager2");
    org.person("m2r2", "Freya Lund", "freya.lund@example.test", Role::Employee, "manager2");
    org.person("m2r3", "Gustavo Silva", "gustavo.silva@example.test", Role::Employee, "manager2");
    for (const char* key : {"hr", "mentor", "manager1", "manager2"}) org.account(key);
}

}  // namespace tandem::testing
