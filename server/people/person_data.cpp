// A person's data on request over HTTP (docs/api.md, Export and erasure). The core decides what the export
// holds and what erasure takes (tandem/people/person_data.h); here: HR only, the server's own tables
// (accounts, links, sessions), the audit entry, and the checkpoint that takes erased text off the disk.
#include <chrono>
#include <thread>

#include "http/http_helpers.h"
#include "people/person_data.h"
#include "auth/server_context.h"
#include "store/analytics_snapshot.h"
#include "store/audit_log.h"
#include "tandem/base/dates.h"
#include "tandem/people/person_data.h"

namespace tandem::server {

void export_person(ServerContext& server, const std::string& person_id, httplib::Response& response,
                   const Actor& actor) {
    if (!require_hr(actor, response)) return;
    std::optional<Json> body;
    server.databases.write([&](Store& store) {
        body = export_person_data(store, person_id, iso_from_millis(uint64_t(now_millis())));
        if (body)
            record_audit(store, actor.person_id, "people.export", person_id,
                         Json{{"records", (*body)["records"].size()}}, now_millis() / 1000);
    });
    if (!body) return send_error(response, 404, "not_found", "There is no such person (or they were erased).");
    response.set_header("Content-Disposition", "attachment; filename=\"person-" + person_id + ".json\"");
    send_json(response, 200, *body);
}

void erase_person(ServerContext& server, const std::string& person_id, httplib::Response& response,
                  const Actor& actor) {
    if (!require_hr(actor, response)) return;
    std::optional<ErasureRefusal> refusal;
    int erased = 0;
    server.databases.write([&](Store& store) {
        refusal = erasure_refusal(store, person_id);
        if (refusal) return;
        const uint64_t now = uint64_t(now_millis());
        const OrgChart org_before = load_org_chart(store);  // who could see them until now
        store.transaction([&] {
            erased = erase_person_data(store, person_id, org_before, now);
            // What lives beside the store goes in the same transaction: their sign-in, links and sessions.
            server.accounts.forget_person(store, person_id);
            forget_analytics_snapshot(store);  // it may hold their ids and days; the next start refolds the log
            record_audit(store, actor.person_id, "people.erase", person_id, Json{{"records", erased}},
                         int64_t(now / 1000));
        });
        // Old page images stay in the WAL until a checkpoint copies them back and truncates it; a reader
        // holding an old snapshot can delay that, so try for a while.
        for (int attempt = 0; attempt < 100 && !store.checkpoint_and_truncate(); ++attempt)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    });
    if (refusal == ErasureRefusal::NoSuchPerson)
        return send_error(response, 404, "not_found", "There is no such person (or they were erased).");
    if (refusal == ErasureRefusal::HasReports)
        return send_error(response, 409, "has_reports",
                          "This person still has reports: move them to another manager first.");
    if (refusal == ErasureRefusal::LastHrAdmin)
        return send_error(response, 409, "last_hr_admin",
                          "Erasing this person would leave the organisation without an HR admin who is still "
                          "employed. Make someone else an HR admin first.");
    server.databases.compact_after_erasure();
    server.reload_org_chart();
    send_json(response, 200, Json{{"person_id", person_id}, {"erased_records", erased}});
}

} // namespace tandem::server
