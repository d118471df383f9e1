#pragma once
// A change is the only way any record is written, on a device or on the server (docs/api.md, Sync).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace tandem {

using Json = nlohmann::json;

struct Change {
    std::string id;         // globally unique; a repeated id is a duplicate, whatever its content
    std::string entity;     // "checkin", "action_item", ...
    std::string record_id;  // UUID of the record
    std::string hlc;        // wire form of the hybrid logical clock
    std::string device_id;  // breaks hlc ties deterministically
    Json fields = Json::object();  // only the fields this change sets
    bool deleted = false;
    int64_t seq = 0;        // server-assigned order, 0 until the server accepted it
};

// JSON as in docs/api.md, Changes. Pulled changes carry `seq` and `device_id`; pushed ones take device_id from
// the batch.
Json to_json(const Change& change, bool with_seq);
// Parses the shape only (types of the envelope); content rules live in validation.
// Returns an error message on failure.
std::optional<std::string> from_json(const Json& json, Change& out);

// A stable error value carried in push results and HTTP errors.
struct Problem {
    std::string code;     // stable snake_case, e.g. "invalid_change", "forbidden"
    std::string message;  // for humans
    Json to_json() const { return Json{{"code", code}, {"message", message}}; }
};

} // namespace tandem
