// A person's data on request (docs/api.md, Export and erasure): export everything the server can read about
// them, or erase it so that no byte of their name, e-mail or the text about them stays in the database files.
#include <algorithm>
#include <thread>

#include "sync/audit_log.h"
#include "demo/demo_org.h"
#include "people/person_data.h"
#include "people/people_routes.h"
#include "server_context.h"
#include "http/http_helpers.h"
#include "tandem/dates.h"
#include "tandem/hlc.h"
#include "tandem/ids.h"
#include "tandem/sync_service.h"

namespace tandem::server {

namespace {

// The person record, every record whose subject they are, and the action items they own.
std::vector<StoredRecord> records_of_person(Store& store, const std::string& person_id) {
    std::vector<StoredRecord> records = store.records_about(person_id);
    for (auto& item : store.records_of("action_item"))
        if (item.subject_id != person_id && item.state.text("owner_id") == person_id && !item.state.deleted)
            records.push_back(std::move(item));
    return records;
}

// What a mentoring pair said is theirs alone, HR included (docs/security-and-privacy.md, Roles): an export HR
// runs lists such a record with its words withheld; the person reads them in the app.
constexpr const char* kWithheld = "withheld: private to the mentoring pair";

Json export_record(const StoredRecord& record) {
    Json fields = record.state.values();
    const EntitySpec* spec = find_entity(record.state.entity);
    if (spec && spec->read_rule == ReadRule::Pair)
        for (const FieldSpec& field : spec->fields)
            if (field.type == FieldType::Text && fields.contains(field.name)) fields[field.name] = kWithheld;
    return Json{{"entity", record.state.entity}, {"record_id", record.state.record_id},
                {"author_id", record.author_id}, {"fields", std::move(fields)}};
}

// Records about others that copy the person's name (a program comment they wrote, a pair they mentor, a
// session they facilitated) keep the id only: the name is blanked in the record (deleted ones too: a
// tombstone keeps its fields) and in every logged change that carried it, and devices get the blank as a
// change. A mentoring pair whose mentor is erased ends today, so HR sees the gap.
void scrub_copied_names(Store& store, const std::string& person_id, HlcClock& clock, uint64_t now) {
    std::vector<Change> blanks;
    sqlite3* db = store.database().handle();
    for (const EntitySpec* spec : all_entities()) {
        auto copied = spec->name_fields;
        copied.insert(copied.end(), spec->typed_name_fields.begin(), spec->typed_name_fields.end());
        for (const auto& [name_field, id_field] : copied) {
            Statement rows(db, "SELECT record_id FROM records WHERE entity = ? "
                               "AND json_extract(state, '$.' || ? || '.v') = ?");
            rows.bind(1, spec->name).bind(2, id_field).bind(3, person_id);
            while (rows.step()) {
                Change blank = server_change(clock, now, spec->name.c_str(), rows.text(0), {{name_field, ""}});
                if (spec->name == "mentoring_pair" && id_field == "mentor_id")
                    blank.fields["ended_on"] = iso_from_millis(now);
                blanks.push_back(std::move(blank));
                Statement(db, "UPDATE change_log SET body = json_set(body, '$.fields.' || ?, '') WHERE entity = ? "
                              "AND json_extract(body, '$.record_id') = ? "
                              "AND json_extract(body, '$.fields.' || ?) IS NOT NULL")
                    .bind(1, name_field)
                    .bind(2, spec->name)
                    .bind(3, rows.text(0))
                    .bind(4, name_field)
                    .run();
            }
            // A change that named them once, in a record that has named someone else since.
            Statement(db, "UPDATE change_log SET body = json_set(body, '$.fields.' || ?, '') WHERE entity = ? "
                          "AND json_extract(body, '$.fields.' || ?) = ? "
                          "AND json_extract(body, '$.fields.' || ?) IS NOT NULL")
                .bind(1, name_field)
                .bind(2, spec->name)
                .bind(3, id_field)
                .bind(4, person_id)
                .bind(5, name_field)
                .run();
        }
    }
    SyncService(store).write_as_server(blanks);
}

// The field naming who will do a record's work (an action item's owner), when it is not the subject.
std::string owner_field(const EntitySpec& spec) {
    if (!spec.assignee_field.empty()) return spec.assignee_field;
    const FieldSpec* owner = spec.field("owner_id");
    return owner && owner->type == FieldType::PersonId && spec.subject_field != "owner_id" ? "owner_id" : "";
}

// Work the person owned in records about others (an action item of someone else's 1:1) loses its owner,
// so nobody waits on someone who is gone; where an owner is required, the work returns to the record's
// subject (the manager who committed to a survey action).
void release_owned_work(Store& store, const std::string& person_id, HlcClock& clock, uint64_t now) {
    std::vector<Change> releases;
    for (const EntitySpec* spec : all_entities()) {
        const std::string field = owner_field(*spec);
        if (field.empty()) continue;
        const bool nullable = spec->field(field)->nullable;
        Statement rows(store.database().handle(),
                       "SELECT record_id, subject_id FROM records WHERE entity = ? AND deleted = 0 "
                       "AND json_extract(state, '$.' || ? || '.v') = ?");
        rows.bind(1, spec->name).bind(2, field).bind(3, person_id);
        while (rows.step()) {
            releases.push_back(server_change(clock, now, spec->name.c_str(), rows.text(0),
                                             {{field, nullable ? Json() : Json(rows.text(1))}}));
        }
    }
    SyncService(store).write_as_server(releases);
}

}  // namespace

void export_person(ServerContext& server, const std::string& person_id, httplib::Response& response,
                   const Actor& actor) {
    if (!require_hr(actor, response)) return;
    Json body;
    server.databases.write([&](Store& store) {
        auto person = store.load(person_id);
        if (!person || person->state.entity != "person" || person->state.deleted) return;
        Json records = Json::array();
        for (const auto& record : records_of_person(store, person_id))
            if (!record.state.deleted && record.state.record_id != person_id) records.push_back(export_record(record));
        body = Json{{"person", export_record(*person)},
                    {"records", std::move(records)},
                    {"exported_at", iso_from_millis(uint64_t(now_millis()))},
                    {"note", "Sealed (end-to-end encrypted) text is listed as stored: the server cannot read it. "
                             "Mentoring notes and topics are listed with their words withheld: they are private "
                             "to the mentoring pair."}};
        record_audit(store, actor.person_id, "people.export", person_id, Json{{"records", body["records"].size()}},
                     now_millis() / 1000);
    });
    if (body.is_null()) return send_error(response, 404, "not_found", "There is no such person (or they were erased).");
    response.set_header("Content-Disposition", "attachment; filename=\"person-" + person_id + ".json\"");
    send_json(response, 200, body);
}

void erase_person(ServerContext& server, const std::string& person_id, httplib::Response& response,
                  const Actor& actor) {
    if (!require_hr(actor, response)) return;
    enum class Outcome { Missing, HasReports, LastHrAdmin, Erased } outcome = Outcome::Missing;
    int erased = 0;
    server.databases.write([&](Store& store) {
        auto person = store.load(person_id);
        if (!person || person->state.entity != "person" || person->state.deleted) return;
        for (const auto& other : store.records_of("person"))
            if (!other.state.deleted && other.state.text("manager_id") == person_id) {
                outcome = Outcome::HasReports;
                return;
            }
        if (lasting_hr_admins_besides(store, person_id) == 0) {
            outcome = Outcome::LastHrAdmin;
            return;
        }
        const uint64_t now = uint64_t(now_millis());
        HlcClock clock;
        const auto org = std::make_shared<const OrgChart>(load_org_chart(store));  // who could see them until now
        store.transaction([&] {
            const auto records = store.records_about(person_id);
            for (auto record : records) {
                // Nothing of the record stays: its fields go, and a tombstone reaches every device.
                const bool already_deleted = record.state.deleted;
                const RecordMeta meta = record.meta();
                record.state.fields = Json::object();
                record.state.deleted = true;
                store.save(record);
                // Devices of everyone who could read it drop it (the org chart will not know the person any
                // more, so a tombstone alone would not reach them); HR's devices get the tombstone below.
                std::vector<std::string> readers = org->managers_above(person_id);
                readers.push_back(person_id);
                if (!record.author_id.empty()) readers.push_back(record.author_id);
                if (!record.addressee_id.empty()) readers.push_back(record.addressee_id);
                std::sort(readers.begin(), readers.end());
                readers.erase(std::unique(readers.begin(), readers.end()), readers.end());
                for (const auto& reader : readers)
                    if (may_read(Actor{reader, org->role_of(reader)}, meta, *org))
                        store.append_removal("removal:" + new_uuid_v7(now), reader, record.state.entity,
                                             record.state.record_id, record.subject_id);
                if (!already_deleted) {
                    Change tombstone;
                    tombstone.id = new_uuid_v7(now);
                    tombstone.entity = record.state.entity;
                    tombstone.record_id = record.state.record_id;
                    tombstone.hlc = clock.now(now).to_string();
                    tombstone.device_id = "server";
                    tombstone.deleted = true;
                    store.append_log(tombstone.id, LogRow{0, tombstone.entity, record.author_id, record.subject_id,
                                                          to_json(tombstone, false).dump(), record.addressee_id});
                }
                ++erased;
            }
            scrub_copied_names(store, person_id, clock, now);
            release_owned_work(store, person_id, clock, now);
            // The log keeps every change id (a resent change must stay a duplicate) but none of the content.
            Statement(store.database().handle(),
                      "UPDATE change_log SET body = json_set(body, '$.fields', json('{}'), '$.deleted', json('true')) "
                      "WHERE subject_id = ? AND entity <> ?")
                .bind(1, person_id)
                .bind(2, kRemovalEntity)
                .run();
            Statement(store.database().handle(), "DELETE FROM accounts WHERE person_id = ?").bind(1, person_id).run();
            Statement(store.database().handle(), "DELETE FROM invites WHERE person_id = ?").bind(1, person_id).run();
            server.accounts.end_sessions(store, person_id);
            record_audit(store, actor.person_id, "people.erase", person_id, Json{{"records", erased}},
                         int64_t(now / 1000));
        });
        outcome = Outcome::Erased;
        // Old page images stay in the WAL until a checkpoint copies them back and truncates it; a reader
        // holding an old snapshot can delay that, so try for a while.
        for (int attempt = 0; attempt < 100; ++attempt) {
            int log = 0, copied = 0;
            if (sqlite3_wal_checkpoint_v2(store.database().handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log,
                                          &copied) == SQLITE_OK)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    if (outcome == Outcome::Missing)
        return send_error(response, 404, "not_found", "There is no such person (or they were erased).");
    if (outcome == Outcome::HasReports)
        return send_error(response, 409, "has_reports",
                          "This person still has reports: move them to another manager first.");
    if (outcome == Outcome::LastHrAdmin)
        return send_error(response, 409, "last_hr_admin",
                          "Erasing this person would leave the organisation without an HR admin who is still "
                          "employed. Make someone else an HR admin first.");
    server.reload_org_chart();
    send_json(response, 200, Json{{"person_id", person_id}, {"erased_records", erased}});
}

} // namespace tandem::server
