#pragma once
// A small organisation behind the server's sync path (push judged by policy, pull filtered by it) for
// permission matrices: Dana leads Maya and Noah; Rui reports to Maya, Ola to Noah; Hana is HR, Elena a
// mentor. A test adds people of its own with add_person.
#include <string>
#include <utility>
#include <vector>

#include "support/temp_dir.h"
#include "tandem/base/ids.h"
#include "tandem/sync/sync_service.h"

namespace tandem {

struct PolicyOrg {
    testing::TempDir dir;
    uint64_t now = 1'760'000'000'000;
    Store store{dir.file("server.db")};
    SyncService service{store};
    OrgChart org;
    int serial = 0;
    std::string dana = id(), maya = id(), noah = id(), rui = id(), ola = id(), hana = id(), elena = id();
    std::vector<std::pair<std::string, std::string>> everyone;  // id, lower-case name, in the order added

    std::string id() { return new_uuid_v7(now + uint64_t(++serial)); }

    PolicyOrg() {
        add_person(dana, "Dana", "", Role::Manager);
        add_person(maya, "Maya", dana, Role::Manager);
        add_person(noah, "Noah", dana, Role::Manager);
        add_person(rui, "Rui", maya, Role::Employee);
        add_person(ola, "Ola", noah, Role::Employee);
        add_person(hana, "Hana", "", Role::HrAdmin);
        add_person(elena, "Elena", "", Role::Mentor);
    }

    void add_person(const std::string& who, const std::string& name, const std::string& manager, Role role) {
        Change c;
        c.id = "seed-" + who;
        c.entity = "person";
        c.record_id = who;
        c.hlc = Hlc{now, 0}.to_string();
        c.device_id = "server";
        c.fields = {{"name", name}, {"role", to_string(role)}, {"manager_id", manager.empty() ? Json() : Json(manager)}};
        org.set_person(who, manager, role);
        org.set_name(who, name);
        std::string lower = name;
        for (char& ch : lower) ch = char(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
        everyone.emplace_back(who, lower);
        service.write_as_server({c});
    }

    Actor actor(const std::string& who) { return Actor{who, org.role_of(who)}; }

    PushOutcome push(const std::string& who, const std::string& entity, const std::string& record_id, Json fields,
                     bool deleted = false) {
        Json change{{"id", "c" + std::to_string(++serial)}, {"entity", entity}, {"record_id", record_id},
                    {"hlc", Hlc{now + uint64_t(serial), 0}.to_string()}, {"fields", std::move(fields)}};
        if (deleted) change["deleted"] = true;
        return service.push(actor(who), org, "dev-" + who, Json::array({change}), now + 60000).at(0);
    }

    bool sees(const std::string& who, const std::string& record_id) {
        auto page = service.pull(actor(who), org, 0, 100000);
        for (const auto& row : page.rows)
            if (Json::parse(row.body).value("record_id", "") == record_id) return true;
        return false;
    }

    // Who of everyone pulls the record, as names in the order they were added.
    std::string readers(const std::string& record_id) {
        std::string out;
        for (const auto& [who, name] : everyone)
            if (sees(who, record_id)) out += std::string(out.empty() ? "" : " ") + name;
        return out;
    }
};

} // namespace tandem
