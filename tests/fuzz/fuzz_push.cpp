// The push path as the server runs it: a JSON body's "changes" judged by SyncService for a manager, on a
// fresh in-memory store holding a small organisation. Every change must get exactly one outcome of the
// three statuses, and nothing the server refused may be stored.
#include <cstdint>
#include <cstdlib>

#include "tandem/base/ids.h"
#include "tandem/sync/sync_service.h"

using namespace tandem;

namespace {

// Fixed ids so seeds and crash inputs can name them.
const char* kManager = "00000000-0000-7000-8000-000000000001";
const char* kReport = "00000000-0000-7000-8000-000000000002";
const char* kOtherManager = "00000000-0000-7000-8000-000000000003";
const char* kOtherReport = "00000000-0000-7000-8000-000000000004";
constexpr uint64_t kNow = 1'760'000'000'000;

Change person(const char* id, const char* manager, Role role) {
    Change change;
    change.id = std::string("seed-") + id;
    change.entity = "person";
    change.record_id = id;
    change.hlc = Hlc{kNow - 1000, 0}.to_string();
    change.device_id = "server";
    change.fields = {{"name", "Someone"}, {"role", to_string(role)}, {"manager_id", manager ? Json(manager) : Json()}};
    return change;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const Json body = Json::parse(data, data + size, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("changes") || !body["changes"].is_array())
        return 0;
    Store store(":memory:");
    SyncService service(store);
    OrgChart org;
    org.set_person(kManager, "", Role::Manager);
    org.set_person(kReport, kManager, Role::Employee);
    org.set_person(kOtherManager, "", Role::Manager);
    org.set_person(kOtherReport, kOtherManager, Role::Employee);
    service.write_as_server({person(kManager, nullptr, Role::Manager), person(kReport, kManager, Role::Employee),
                             person(kOtherManager, nullptr, Role::Manager),
                             person(kOtherReport, kOtherManager, Role::Employee)});
    const int64_t seeded = store.last_seq();

    const Actor actor{kManager, Role::Manager};
    const auto outcomes = service.push(actor, org, "fuzz-device", body["changes"], kNow);
    if (outcomes.size() != body["changes"].size()) std::abort();
    int64_t accepted = 0;
    for (const auto& outcome : outcomes) {
        if (outcome.status == "accepted") ++accepted;
        else if (outcome.status == "rejected" && !outcome.error) std::abort();
        else if (outcome.status != "rejected" && outcome.status != "duplicate") std::abort();
    }
    // Each accepted change is logged once; refused and duplicate ones are not.
    if (store.last_seq() - seeded != accepted) std::abort();
    // Sent again, whatever was accepted is a duplicate. (A change refused the first time may now pass: its
    // parent can have come later in the same batch.)
    const auto again = service.push(actor, org, "fuzz-device", body["changes"], kNow);
    for (size_t i = 0; i < outcomes.size(); ++i)
        if (outcomes[i].status == "accepted" && again[i].status != "duplicate") std::abort();
    return 0;
}
