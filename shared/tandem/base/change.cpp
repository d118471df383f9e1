#include "tandem/base/change.h"

namespace tandem {

Json to_json(const Change& change, bool with_seq) {
    Json json{{"id", change.id},          {"entity", change.entity},       {"record_id", change.record_id},
              {"hlc", change.hlc},        {"device_id", change.device_id}, {"fields", change.fields},
              {"deleted", change.deleted}};
    if (with_seq) json["seq"] = change.seq;
    return json;
}

namespace {
std::optional<std::string> take_string(const Json& json, const char* key, std::string& out, bool required) {
    auto it = json.find(key);
    if (it == json.end() || it->is_null()) {
        if (required) return std::string("missing \"") + key + "\"";
        return std::nullopt;
    }
    if (!it->is_string()) return std::string("\"") + key + "\" must be a string";
    out = it->get<std::string>();
    return std::nullopt;
}
}  // namespace

std::optional<std::string> from_json(const Json& json, Change& out) {
    if (!json.is_object()) return "a change must be a JSON object";
    if (auto error = take_string(json, "id", out.id, true)) return error;
    if (auto error = take_string(json, "entity", out.entity, true)) return error;
    if (auto error = take_string(json, "record_id", out.record_id, true)) return error;
    if (auto error = take_string(json, "hlc", out.hlc, true)) return error;
    if (auto error = take_string(json, "device_id", out.device_id, false)) return error;
    if (auto it = json.find("fields"); it != json.end() && !it->is_null()) {
        if (!it->is_object()) return std::string("\"fields\" must be an object");
        out.fields = *it;
    }
    if (auto it = json.find("deleted"); it != json.end() && !it->is_null()) {
        if (!it->is_boolean()) return std::string("\"deleted\" must be a boolean");
        out.deleted = it->get<bool>();
    }
    if (auto it = json.find("seq"); it != json.end() && it->is_number_integer()) out.seq = it->get<int64_t>();
    return std::nullopt;
}

} // namespace tandem
