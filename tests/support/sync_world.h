#pragma once
// A server store with two managers and one report each, a SyncService over it and a hand-driven clock:
// the whole sync path in one process for core tests (natively and in WASM).
#include <gtest/gtest.h>

#include "support/temp_dir.h"
#include "tandem/base/ids.h"
#include "tandem/sync/replica.h"
#include "tandem/sync/sync_service.h"

namespace tandem::testing {

struct World {
    TempDir dir;
    uint64_t now = 1'760'000'000'000;  // a fixed wall clock the test advances by hand
    Store server_store{dir.file("server.db")};
    SyncService service{server_store};
    OrgChart org;
    std::string manager = new_uuid_v7(1), report = new_uuid_v7(2), other_manager = new_uuid_v7(3),
                other_report = new_uuid_v7(4);

    World() {
        auto person = [&](const std::string& id, const std::string& name, const char* manager_id, Role role) {
            Change c;
            c.id = "seed-" + id;
            c.entity = "person";
            c.record_id = id;
            c.hlc = Hlc{now, 0}.to_string();
            c.device_id = "server";
            c.fields = {{"name", name}, {"role", to_string(role)},
                        {"manager_id", manager_id ? Json(manager_id) : Json()}};
            org.set_person(id, manager_id ? manager_id : "", role);
            return c;
        };
        service.write_as_server({person(manager, "Mia", nullptr, Role::Manager),
                                 person(report, "Rui", manager.c_str(), Role::Employee),
                                 person(other_manager, "Omar", nullptr, Role::Manager),
                                 person(other_report, "Ola", other_manager.c_str(), Role::Employee)});
    }

    // One change pushed on its own by a manager's device, as the server judges it.
    PushOutcome push_one(const std::string& user, const std::string& device, const Json& change) {
        return service.push(Actor{user, Role::Manager}, org, device, Json::array({change}), now).at(0);
    }

    // One sync round for a device: push everything waiting, then pull until the server has no more.
    void sync(Replica& device, const std::string& user) {
        Actor actor{user, Role::Manager};
        while (auto body = device.next_push()) {
            auto outcomes = service.push(actor, org, body->at("device_id"), body->at("changes"), now);
            Json results = Json::array();
            for (const auto& o : outcomes) {
                Json r{{"id", o.id}, {"status", o.status}};
                if (o.error) r["error"] = o.error->to_json();
                results.push_back(r);
            }
            device.apply_push_results(Json{{"results", results}});
            if (device.store().outbox_pending() == 0) break;
        }
        bool more = true;
        while (more) {
            auto page = service.pull(actor, org, device.cursor(), 2);  // small pages exercise the cursor
            more = device.apply_pull(Json::parse(pull_response_json(page)));
        }
    }
};

} // namespace tandem::testing
