#include "tandem/sync/replica.h"

#include "tandem/sync/entity.h"
#include "tandem/base/ids.h"
#include "tandem/sync/policy.h"

namespace tandem {

namespace {
constexpr const char* kDeviceIdKey = "device_id";
constexpr const char* kClockKey = "hlc";
constexpr const char* kCursorKey = "pull_cursor";
}  // namespace

Replica::Replica(Store& store, std::string user_id, WallClock wall_clock)
    : store_(store), user_id_(std::move(user_id)), wall_clock_(std::move(wall_clock)) {
    store_.transaction([&] {
        if (auto id = store_.setting(kDeviceIdKey)) {
            device_id_ = *id;
        } else {
            device_id_ = "dev-" + new_uuid_v7(wall_clock_());
            store_.set_setting(kDeviceIdKey, device_id_);
        }
    });
    if (auto saved = store_.setting(kClockKey))
        if (auto hlc = Hlc::parse(*saved)) clock_.restore(*hlc);
}

std::string Replica::new_record_id() { return new_uuid_v7(wall_clock_()); }

EditResult Replica::edit(const std::string& entity, const std::string& record_id, const Json& fields,
                         bool deleted) {
    EditResult result;
    const EntitySpec* spec = find_entity(entity);
    if (!spec) {
        result.problem = Problem{"invalid_change", "unknown entity \"" + entity + "\""};
        return result;
    }
    auto existing = store_.load(record_id);
    auto problem = validate_fields(*spec, fields, !existing && !deleted);
    if (!problem && existing) problem = check_fixed_fields(*spec, fields, existing->state);
    if (problem) {
        result.problem = problem;
        return result;
    }
    store_.transaction([&] {
        Change& change = result.change;
        change.id = new_uuid_v7(wall_clock_());
        change.entity = entity;
        change.record_id = record_id;
        change.hlc = clock_.now(wall_clock_()).to_string();
        change.device_id = device_id_;
        change.fields = fields;
        change.deleted = deleted;
        merge_into_store(change, user_id_);
        store_.append_outbox(change.id, to_json(change, false).dump());
        store_.set_setting(kClockKey, change.hlc);
    });
    return result;
}

void Replica::merge_into_store(const Change& change, const std::string& author_id) {
    auto existing = store_.load(change.record_id);
    StoredRecord record;
    if (existing) {
        record = std::move(*existing);
    } else if (const EntitySpec* spec = find_entity(change.entity)) {
        record.author_id = author_id;
        std::optional<StoredRecord> parent;
        if (spec->subject_rule == SubjectRule::ParentRecord)
            parent = store_.load(change.fields.value(spec->subject_field, std::string()));
        RecordMeta parent_meta = parent ? parent->meta() : RecordMeta{};
        record.subject_id = subject_of_new_record(*spec, change, parent ? &parent_meta : nullptr);
    }
    if (merge(record.state, change)) store_.save(record);
}

std::optional<Json> Replica::next_push(int max_changes) {
    Json changes = Json::array();
    for (const auto& entry : store_.outbox(max_changes)) {
        if (!entry.problem_code.empty()) break;  // rejected ones sort last and are not resent on their own
        changes.push_back(Json::parse(entry.body));
    }
    if (changes.empty()) return std::nullopt;
    return Json{{"device_id", device_id_}, {"changes", std::move(changes)}};
}

void Replica::apply_push_results(const Json& response) {
    const auto& results = response.at("results");
    store_.transaction([&] {
        for (const auto& result : results) {
            const std::string id = result.value("id", std::string());
            const std::string status = result.value("status", std::string());
            if (status == "accepted" || status == "duplicate") {
                store_.remove_outbox(id);
            } else if (status == "rejected") {
                const Json error = result.value("error", Json::object());
                store_.reject_outbox(id, Problem{error.value("code", std::string("rejected")),
                                                 error.value("message", std::string("The server refused this change"))});
            }
        }
    });
}

bool Replica::apply_pull(const Json& response) {
    const auto& changes = response.at("changes");
    merge_pulled(changes, 0, changes.size());
    finish_pull(response.at("cursor").get<int64_t>());
    return response.value("more", false);
}

void Replica::merge_pulled(const Json& changes, size_t begin, size_t end) {
    const uint64_t now = wall_clock_();
    store_.transaction([&] {
        for (size_t i = begin; i < end && i < changes.size(); ++i) {
            // docs/api.md, Pull: this user may no longer see the record (an org change); it was not deleted.
            if (changes[i].is_object() && changes[i].value("removed", false) && changes[i].contains("record_id") &&
                changes[i]["record_id"].is_string()) {
                store_.remove_record(changes[i]["record_id"].get<std::string>());
                continue;
            }
            Change change;
            if (from_json(changes[i], change)) continue;  // a malformed change from the server is skipped
            if (auto hlc = Hlc::parse(change.hlc)) clock_.observe(*hlc, now);
            // The server names the author of a 1:1's records (sync_service.cpp, show_to); others stay unknown.
            std::string author = change.device_id == device_id_ ? user_id_ : std::string();
            if (auto it = changes[i].find("author_id"); author.empty() && it != changes[i].end() && it->is_string())
                author = it->get<std::string>();
            merge_into_store(change, author);
        }
    });
}

void Replica::finish_pull(int64_t cursor) {
    store_.transaction([&] {
        store_.set_setting(kCursorKey, std::to_string(cursor));
        store_.set_setting(kClockKey, clock_.last().to_string());
    });
}

int64_t Replica::cursor() {
    auto value = store_.setting(kCursorKey);
    return value ? std::stoll(*value) : 0;
}

} // namespace tandem
