#include "tandem/sync/merge.h"

#include "tandem/base/dates.h"
#include "tandem/base/hlc.h"


namespace tandem {

Json RecordState::value(const std::string& field) const {
    auto it = fields.find(field);
    return it == fields.end() ? Json() : (*it)["v"];
}

std::string RecordState::text(const std::string& field) const {
    Json v = value(field);
    return v.is_string() ? v.get<std::string>() : std::string();
}

std::string RecordState::written_on() const {
    std::optional<Hlc> earliest;
    for (const auto& [name, stamped] : fields.items()) {
        auto h = stamped.find("h");
        if (h == stamped.end() || !h->is_string()) continue;
        auto stamp = Hlc::parse(h->get_ref<const std::string&>());
        if (stamp && (!earliest || *stamp < *earliest)) earliest = stamp;
    }
    return earliest ? iso_from_millis(earliest->millis) : std::string();
}

Json RecordState::values() const {
    Json out = Json::object();
    for (auto it = fields.begin(); it != fields.end(); ++it) out[it.key()] = it.value()["v"];
    return out;
}

namespace {
// Total order on writes: hlc, then device id, then the value itself. The last step only matters for a
// device that reused a timestamp (a restored backup, say); it keeps replicas equal even then. Values are
// compared as JSON (type, then value), not as serialised text: serialising throws on bytes that are not
// UTF-8, and merge must not depend on every caller having validated first (found by fuzz_merge).
bool wins(const Change& change, const Json& value, const Json& stored) {
    const auto& stored_hlc = stored["h"].get_ref<const std::string&>();
    const auto& stored_device = stored["d"].get_ref<const std::string&>();
    if (change.hlc != stored_hlc) return change.hlc > stored_hlc;
    if (change.device_id != stored_device) return change.device_id > stored_device;
    return stored["v"] < value;
}
}  // namespace

bool merge(RecordState& state, const Change& change) {
    bool changed = false;
    if (state.entity.empty()) state.entity = change.entity;
    if (state.record_id.empty()) state.record_id = change.record_id;
    for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
        auto stored = state.fields.find(it.key());
        if (stored != state.fields.end() && !wins(change, it.value(), *stored)) continue;
        state.fields[it.key()] = Json{{"v", it.value()}, {"h", change.hlc}, {"d", change.device_id}};
        changed = true;
    }
    if (change.deleted && !state.deleted) {
        state.deleted = true;
        changed = true;
    }
    return changed;
}

} // namespace tandem
