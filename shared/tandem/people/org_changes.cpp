#include "tandem/people/org_changes.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "tandem/sync/policy.h"

namespace tandem {

namespace {
std::vector<std::string> missing_from(const std::vector<std::string>& these, const std::vector<std::string>& those) {
    std::vector<std::string> out;
    for (const auto& id : these)
        if (std::find(those.begin(), those.end(), id) == those.end()) out.push_back(id);
    return out;
}
}  // namespace

std::vector<Change> state_as_changes(const StoredRecord& record, const std::function<std::string()>& new_change_id) {
    std::map<std::pair<std::string, std::string>, Json> by_stamp;
    for (auto it = record.state.fields.begin(); it != record.state.fields.end(); ++it) {
        const Json& stored = it.value();
        by_stamp[{stored["h"].get<std::string>(), stored["d"].get<std::string>()}][it.key()] = stored["v"];
    }
    std::vector<Change> changes;
    for (auto& [stamp, fields] : by_stamp) {
        Change change;
        change.id = new_change_id();
        change.entity = record.state.entity;
        change.record_id = record.state.record_id;
        change.hlc = stamp.first;
        change.device_id = stamp.second;
        change.fields = std::move(fields);
        changes.push_back(std::move(change));
    }
    if (changes.empty()) {  // a tombstone with nothing left underneath (an erased record)
        Change change;
        change.id = new_change_id();
        change.entity = record.state.entity;
        change.record_id = record.state.record_id;
        change.hlc = "0000000000000000";
        change.device_id = "server";
        changes.push_back(std::move(change));
    }
    changes.back().deleted = record.state.deleted;  // sticky on every device, whatever the stamp
    return changes;
}

OrgMoveEffects publish_org_moves(Store& store, const OrgChart& before, const OrgChart& after,
                                 const std::vector<std::string>& moved_ids,
                                 const std::function<std::string()>& new_change_id) {
    OrgMoveEffects effects;
    std::unordered_set<std::string> republished;
    std::set<std::pair<std::string, std::string>> removed;  // (manager, record)
    auto actor = [&](const std::string& id, const OrgChart& org) { return Actor{id, org.role_of(id)}; };
    for (const auto& moved : moved_ids) {
        const auto chain_before = before.managers_above(moved), chain_after = after.managers_above(moved);
        const auto gained = missing_from(chain_after, chain_before), lost = missing_from(chain_before, chain_after);
        if (gained.empty() && lost.empty()) continue;
        for (const auto& person : after.tree_of(moved))
            for (const auto& record : store.records_about(person)) {
                const RecordMeta meta = record.meta();
                for (const auto& manager : gained) {
                    if (republished.count(record.state.record_id) || !may_read(actor(manager, after), meta, after) ||
                        may_read(actor(manager, before), meta, before))
                        continue;
                    republished.insert(record.state.record_id);
                    for (const Change& change : state_as_changes(record, new_change_id)) {
                        store.append_log(change.id, LogRow{0, change.entity, record.author_id, record.subject_id,
                                                           to_json(change, false).dump(), record.addressee_id});
                        ++effects.republished;
                    }
                }
                for (const auto& manager : lost) {
                    if (!may_read(actor(manager, before), meta, before) || may_read(actor(manager, after), meta, after) ||
                        !removed.emplace(manager, record.state.record_id).second)
                        continue;
                    store.append_removal("removal:" + new_change_id(), manager, record.state.entity,
                                         record.state.record_id, record.subject_id);
                    ++effects.removals;
                }
            }
    }
    return effects;
}

} // namespace tandem
