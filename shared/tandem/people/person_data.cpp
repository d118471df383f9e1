#include "tandem/people/person_data.h"

#include <algorithm>

#include "tandem/base/dates.h"
#include "tandem/base/hlc.h"
#include "tandem/base/ids.h"
#include "tandem/people/people_import.h"
#include "tandem/sync/sync_service.h"

namespace tandem {

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

bool is_live_person(const std::optional<StoredRecord>& person) {
    return person && person->state.entity == "person" && !person->state.deleted;
}

// Records about others that copy the person's name (a program comment they wrote, a pair they mentor, a
// session they facilitated) keep the id only: the name is blanked in the record (deleted ones too: a
// tombstone keeps its fields) and in every logged change that carried it, and devices get the blank as a
// change. A mentoring pair whose mentor is erased ends today, so HR sees the gap.
void scrub_copied_names(Store& store, const std::string& person_id, HlcClock& clock, uint64_t now) {
    std::vector<Change> blanks;
    for (const EntitySpec* spec : all_entities()) {
        auto copied = spec->name_fields;
        copied.insert(copied.end(), spec->typed_name_fields.begin(), spec->typed_name_fields.end());
        for (const auto& [name_field, id_field] : copied) {
            for (const StoredRecord& record : store.records_naming(spec->name, id_field, person_id)) {
                Change blank = server_change(clock, now, spec->name.c_str(), record.state.record_id, {{name_field, ""}});
                if (spec->name == "mentoring_pair" && id_field == "mentor_id")
                    blank.fields["ended_on"] = iso_from_millis(now);
                blanks.push_back(std::move(blank));
                store.blank_logged_field(spec->name, record.state.record_id, name_field);
            }
            store.blank_logged_field_where(spec->name, name_field, id_field, person_id);
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
        for (const StoredRecord& record : store.records_naming(spec->name, field, person_id))
            if (!record.state.deleted)
                releases.push_back(server_change(clock, now, spec->name.c_str(), record.state.record_id,
                                                 {{field, nullable ? Json() : Json(record.subject_id)}}));
    }
    SyncService(store).write_as_server(releases);
}

// Devices of everyone who could read the record drop it: the org chart will not know the person any more,
// so a tombstone alone would not reach them. HR's devices get the tombstone.
void send_removals(Store& store, const StoredRecord& record, const std::string& person_id, const OrgChart& org,
                   uint64_t now) {
    std::vector<std::string> readers = org.managers_above(person_id);
    readers.push_back(person_id);
    if (!record.author_id.empty()) readers.push_back(record.author_id);
    if (!record.addressee_id.empty()) readers.push_back(record.addressee_id);
    std::sort(readers.begin(), readers.end());
    readers.erase(std::unique(readers.begin(), readers.end()), readers.end());
    for (const auto& reader : readers)
        if (may_read(Actor{reader, org.role_of(reader)}, record.meta(), org))
            store.append_removal("removal:" + new_uuid_v7(now), reader, record.state.entity, record.state.record_id,
                                 record.subject_id);
}

}  // namespace

std::optional<Json> export_person_data(Store& store, const std::string& person_id, const std::string& exported_at) {
    auto person = store.load(person_id);
    if (!is_live_person(person)) return std::nullopt;
    Json records = Json::array();
    for (const auto& record : records_of_person(store, person_id))
        if (!record.state.deleted && record.state.record_id != person_id) records.push_back(export_record(record));
    return Json{{"person", export_record(*person)},
                {"records", std::move(records)},
                {"exported_at", exported_at},
                {"note", "Sealed (end-to-end encrypted) text is listed as stored: the server cannot read it. "
                         "Mentoring notes and topics are listed with their words withheld: they are private to "
                         "the mentoring pair."}};
}

std::optional<ErasureRefusal> erasure_refusal(Store& store, const std::string& person_id) {
    if (!is_live_person(store.load(person_id))) return ErasureRefusal::NoSuchPerson;
    for (const auto& other : store.records_of("person"))
        if (!other.state.deleted && other.state.text("manager_id") == person_id) return ErasureRefusal::HasReports;
    if (lasting_hr_admins_besides(store, person_id) == 0) return ErasureRefusal::LastHrAdmin;
    return std::nullopt;
}

int erase_person_data(Store& store, const std::string& person_id, const OrgChart& org_before, uint64_t now) {
    HlcClock clock;
    int erased = 0;
    for (auto record : store.records_about(person_id)) {
        // Nothing of the record stays: its fields go, and a tombstone reaches every device.
        const bool already_deleted = record.state.deleted;
        record.state.fields = Json::object();
        record.state.deleted = true;
        store.save(record);
        send_removals(store, record, person_id, org_before, now);
        if (!already_deleted) {
            Change tombstone = server_change(clock, now, record.state.entity.c_str(), record.state.record_id, Json::object());
            tombstone.deleted = true;
            store.append_log(tombstone.id, LogRow{0, tombstone.entity, record.author_id, record.subject_id,
                                                  to_json(tombstone, false).dump(), record.addressee_id});
        }
        ++erased;
    }
    scrub_copied_names(store, person_id, clock, now);
    release_owned_work(store, person_id, clock, now);
    store.blank_logged_changes_about(person_id);
    return erased;
}

} // namespace tandem
