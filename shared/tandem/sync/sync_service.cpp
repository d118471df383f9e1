#include "tandem/sync/sync_service.h"

#include <algorithm>

#include "tandem/base/dates.h"
#include "tandem/sync/entity.h"
#include "tandem/base/ids.h"

namespace tandem {

namespace {

PushOutcome rejected(const std::string& id, Problem problem) {
    return PushOutcome{id, "rejected", std::move(problem)};
}

// One answer for "no such record" and "a record you may not see", word for word.
Problem not_visible() {
    return Problem{"forbidden", "You cannot change this record: it does not exist or is not yours to see."};
}

}  // namespace

// Every record id a change sets must name a stored record of the referenced type that the writer may see
// (a deleted one still counts, as for parents: the outcome must not depend on which change arrived first).
// Missing and unseen get one answer, so a push cannot probe ids. The parent and the linked record were
// judged already.
std::optional<Problem> SyncService::check_references(const Actor& actor, const OrgChart& org, const EntitySpec& spec,
                                                     const Change& change, const RecordState* existing) {
    for (const FieldSpec& field : spec.fields) {
        if (field.type != FieldType::RecordId) continue;
        if (!existing && spec.subject_rule == SubjectRule::ParentRecord && field.name == spec.subject_field) continue;
        if (!existing && field.name == spec.linked_field) continue;
        auto it = change.fields.find(field.name);
        if (it == change.fields.end() || !it->is_string()) continue;
        if (existing && existing->value(field.name) == *it) continue;
        auto target = store_.load(it->get<std::string>());
        if (!target || target->state.entity != field.references || !may_read(actor, target->meta(), org))
            return Problem{"invalid_change", "field \"" + field.name + "\" must name a " + field.references +
                                                 " you can see"};
    }
    return std::nullopt;
}

std::vector<PushOutcome> SyncService::push(const Actor& actor, const OrgChart& org, const std::string& device_id,
                                           const Json& changes, uint64_t now_millis, const Accepted& on_accepted) {
    std::vector<PushOutcome> outcomes;
    outcomes.reserve(changes.size());
    store_.transaction([&] {
        for (const auto& json : changes)
            outcomes.push_back(judge(actor, org, device_id, json, now_millis, on_accepted));
    });
    return outcomes;
}

PushOutcome SyncService::judge(const Actor& actor, const OrgChart& org, const std::string& device_id,
                               const Json& json, uint64_t now_millis, const Accepted& on_accepted) {
    std::string id = json.is_object() && json.contains("id") && json["id"].is_string() ? json["id"].get<std::string>()
                                                                                         : std::string();
    // docs/api.md, Push: a change id accepted before answers "duplicate" whatever the rest of the resent body
    // says, so the id is looked up before anything else is judged.
    if (is_client_token(id) && store_.logged(id)) return PushOutcome{id, "duplicate", std::nullopt};

    Change change;
    if (auto error = from_json(json, change)) return rejected(id, Problem{"invalid_change", *error});
    change.device_id = device_id;
    if (!is_client_token(change.id))
        return rejected(id, Problem{"invalid_change", "\"id\" must be 1-64 characters of A-Z a-z 0-9 . _ : -"});

    auto hlc = Hlc::parse(change.hlc);
    if (!hlc) return rejected(id, Problem{"invalid_hlc", "\"hlc\" must be 16 lowercase hex digits"});
    if (hlc->millis > now_millis + kMaxClockLeadMillis)
        return rejected(id, Problem{"invalid_hlc", "\"hlc\" is more than 24 hours ahead of the server's clock"});

    const EntitySpec* spec = find_entity(change.entity);
    if (!spec) return rejected(id, Problem{"invalid_change", "unknown entity \"" + change.entity + "\""});
    if (!is_uuid(change.record_id))
        return rejected(id, Problem{"invalid_change", "\"record_id\" must be a lower-case UUID"});

    // A record the actor may not see gets the same answer whether it exists or not, so pushes cannot be used
    // to probe other people's ids.
    auto existing = store_.load(change.record_id);
    if (existing && !may_read(actor, existing->meta(), org)) return rejected(id, not_visible());
    if (existing && existing->state.entity != spec->name)
        return rejected(id, Problem{"invalid_change", "record_id already names a " + existing->state.entity});
    if (auto problem = validate_fields(*spec, change.fields, !existing)) return rejected(id, *problem);
    if (existing)
        if (auto problem = check_fixed_fields(*spec, change.fields, existing->state)) return rejected(id, *problem);

    std::optional<StoredRecord> parent;
    if (spec->subject_rule == SubjectRule::ParentRecord) {
        std::string parent_id = existing ? existing->state.text(spec->subject_field)
                                         : change.fields.value(spec->subject_field, Json()).is_string()
                                               ? change.fields[spec->subject_field].get<std::string>()
                                               : std::string();
        if (!parent_id.empty()) parent = store_.load(parent_id);
        // A deleted parent is still a parent: its tombstone already hides the child, and accepting the child
        // makes the outcome independent of whether the delete or the child arrived first.
        const bool may_wait = parent_id.empty() && !spec->unattached_subject_field.empty();
        if (!may_wait && (!parent || parent->state.entity != spec->field(spec->subject_field)->references ||
                          !may_read(actor, parent->meta(), org)))
            return rejected(id, not_visible());
    }
    // The record a new one links to (the request a feedback answers) decides who it is addressed to.
    std::optional<StoredRecord> linked;
    if (!existing && !spec->linked_field.empty()) {
        const std::string linked_id = change.fields.value(spec->linked_field, Json()).is_string()
                                          ? change.fields[spec->linked_field].get<std::string>()
                                          : std::string();
        if (!linked_id.empty()) {
            linked = store_.load(linked_id);
            if (!linked || linked->state.deleted ||
                linked->state.entity != spec->field(spec->linked_field)->references ||
                !may_read(actor, linked->meta(), org))
                return rejected(id, not_visible());
        }
    }
    RecordMeta existing_meta = existing ? existing->meta() : RecordMeta{};
    RecordMeta parent_meta = parent ? parent->meta() : RecordMeta{};
    RecordMeta linked_meta = linked ? linked->meta() : RecordMeta{};
    if (auto problem = may_write(actor, *spec, change, existing ? &existing_meta : nullptr,
                                 parent ? &parent_meta : nullptr, org, linked ? &linked_meta : nullptr))
        return rejected(id, *problem);
    if (auto problem = check_references(actor, org, *spec, change, existing ? &existing->state : nullptr))
        return rejected(id, *problem);
    if (spec->record_rule) {
        const RuleContext context{change, existing ? &existing->state : nullptr,
                                  [this](const std::string& record_id) -> std::optional<RecordState> {
                                      auto record = store_.load(record_id);
                                      if (!record) return std::nullopt;
                                      return std::move(record->state);
                                  },
                                  iso_from_millis(now_millis), actor.person_id,
                                  existing ? existing->author_id : std::string()};
        if (auto problem = spec->record_rule(context)) return rejected(id, *problem);
    }
    const std::optional<RecordState> before =
        on_accepted ? (existing ? std::optional<RecordState>(existing->state) : std::nullopt) : std::nullopt;

    RecordMeta meta = existing_meta;
    if (!existing) {
        meta.author_id = actor.person_id;
        meta.subject_id = subject_of_new_record(*spec, change, parent ? &parent_meta : nullptr);
        // A child type's addressee may come from its parent (a talking point is for its 1:1's manager).
        meta.addressee_id = addressee_of_new_record(*spec, change, linked   ? &linked_meta
                                                                   : parent ? &parent_meta
                                                                            : nullptr);
    }
    apply(change, std::move(existing), meta);
    if (on_accepted) on_accepted(change, before ? &*before : nullptr);
    return PushOutcome{id, "accepted", std::nullopt};
}

void SyncService::apply(Change& change, std::optional<StoredRecord> existing, const RecordMeta& meta) {
    StoredRecord record = existing ? std::move(*existing) : StoredRecord{};
    if (!existing) {
        record.author_id = meta.author_id;
        record.subject_id = meta.subject_id;
        record.addressee_id = meta.addressee_id;
    }
    if (merge(record.state, change)) store_.save(record);
    change.seq = store_.append_log(change.id, LogRow{0, change.entity, record.author_id, record.subject_id,
                                                     to_json(change, false).dump(), record.addressee_id});
}

void SyncService::write_as_server(const std::vector<Change>& changes, const std::string& author_id) {
    store_.transaction([&] {
        for (Change change : changes) {
            const EntitySpec* spec = find_entity(change.entity);
            if (!spec || store_.logged(change.id)) continue;
            auto existing = store_.load(change.record_id);
            std::optional<StoredRecord> parent;
            if (!existing && spec->subject_rule == SubjectRule::ParentRecord)
                parent = store_.load(change.fields.value(spec->subject_field, std::string()));
            std::optional<StoredRecord> linked;
            if (!existing && !spec->linked_field.empty())
                linked = store_.load(change.fields.value(spec->linked_field, std::string()));
            RecordMeta parent_meta = parent ? parent->meta() : RecordMeta{};
            RecordMeta linked_meta = linked ? linked->meta() : RecordMeta{};
            RecordMeta meta = existing ? existing->meta() : RecordMeta{};
            if (!existing) {
                meta.author_id = author_id;
                meta.subject_id = subject_of_new_record(*spec, change, parent ? &parent_meta : nullptr);
                meta.addressee_id = addressee_of_new_record(*spec, change, linked   ? &linked_meta
                                                                           : parent ? &parent_meta
                                                                                    : nullptr);
            }
            apply(change, std::move(existing), meta);
            if (change.entity == "person") update_colleague_card(change);
        }
    });
}

// A person who manages, mentors or works in HR has a card everyone reads; anyone else has none.
void SyncService::update_colleague_card(const Change& cause) {
    auto person = store_.load(cause.record_id);
    if (!person) return;
    std::optional<StoredRecord> card;
    for (auto& record : store_.records_about(cause.record_id))
        if (record.state.entity == "colleague") card = std::move(record);
    const std::string role = person->state.text("role");
    const bool wanted = !person->state.deleted && !role.empty() && role != "employee";
    Change change;
    change.id = cause.id + ":card";
    change.entity = "colleague";
    change.hlc = cause.hlc;
    change.device_id = "server";
    if (wanted) {
        change.fields = Json{{"name", person->state.text("name")}, {"role", role}};
        if (card && !card->state.deleted && card->state.text("name") == person->state.text("name") &&
            card->state.text("role") == role)
            return;
    } else {
        if (!card || card->state.deleted) return;
        change.deleted = true;
    }
    if (card) {
        change.record_id = card->state.record_id;
    } else {
        auto hlc = Hlc::parse(cause.hlc);
        change.record_id = new_uuid_v7(hlc ? hlc->millis : 0);
        change.fields["person_id"] = cause.record_id;
    }
    RecordMeta meta = card ? card->meta() : RecordMeta{"colleague", "", cause.record_id, ""};
    apply(change, std::move(card), meta);
}

namespace {
// A 1:1's records travel with their author, so the report's device knows whom each 1:1 is with and who
// added a talking point (both people of a 1:1 know that anyway); fields kept for the author are taken out.
void show_to(const Actor& actor, LogRow& row) {
    const EntitySpec* spec = find_entity(row.entity);
    if (!spec || spec->read_rule != ReadRule::OneToOne || row.body.size() < 2) return;
    if (row.author_id != actor.person_id) {
        bool hidden = false;
        for (const FieldSpec& field : spec->fields) hidden = hidden || field.author_only;
        if (hidden) {
            Json body = Json::parse(row.body);
            if (body.contains("fields") && body["fields"].is_object())
                for (const FieldSpec& field : spec->fields)
                    if (field.author_only) body["fields"].erase(field.name);
            row.body = body.dump();
        }
    }
    row.body.insert(1, "\"author_id\":" + Json(row.author_id).dump() + ",");
}
}  // namespace

PullPage SyncService::pull(const Actor& actor, const OrgChart& org, int64_t since, int limit) {
    // The scope is a coarse SQL filter; may_read decides row by row. Rows it filters out still move the
    // cursor, so the next pull never scans them again. A budget bounds one request's work.
    constexpr int kScanBudget = 20000;
    PullPage page;
    page.cursor = since;
    page.head = store_.last_seq();
    const ReadScope scope = read_scope(actor);
    int scanned = 0;
    while (scanned < kScanBudget) {
        const int chunk = limit - int(page.rows.size());
        auto rows = store_.scan_log(page.cursor, scope, actor.person_id, chunk);
        scanned += int(rows.size());
        for (auto& row : rows) {
            page.cursor = row.seq;
            const bool visible = row.entity == kRemovalEntity
                                     ? row.author_id == actor.person_id
                                     : may_read(actor, row.meta(), org);
            if (visible) {
                if (row.entity != kRemovalEntity) show_to(actor, row);
                page.rows.push_back(std::move(row));
            }
        }
        if (int(rows.size()) < chunk) return page;  // the log is exhausted for this scope
        if (int(page.rows.size()) == limit) break;
    }
    page.more = true;
    return page;
}

std::string pull_response_json(const PullPage& page) {
    std::string out = "{\"changes\":[";
    size_t total = 64;
    for (const auto& row : page.rows) total += row.body.size() + 24;
    out.reserve(total);
    for (size_t i = 0; i < page.rows.size(); ++i) {
        if (i) out += ',';
        // Stored bodies are JSON objects of the change as pushed; splice the server's seq in front.
        out += "{\"seq\":";
        out += std::to_string(page.rows[i].seq);
        out += ',';
        out.append(page.rows[i].body, 1, std::string::npos);
    }
    out += "],\"cursor\":";
    out += std::to_string(page.cursor);
    out += ",\"more\":";
    out += page.more ? "true" : "false";
    out += ",\"head\":";
    out += std::to_string(std::max(page.head, page.cursor));
    out += '}';
    return out;
}

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

} // namespace tandem
