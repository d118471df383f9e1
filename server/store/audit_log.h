#pragma once
// The audit log (docs/api.md, Audit log): what HR and operators did, written by the server in the same
// transaction as the action. Append-only: triggers refuse any UPDATE or DELETE, and no route offers either.
#include <optional>
#include <string>
#include <vector>

#include "tandem/sync/store.h"

namespace tandem::server {

// "YYYY-MM-DDTHH:MM:SSZ" for seconds since 1970 (UTC), as audit entries and sign-in notices give times.
std::string iso_utc(int64_t seconds);

void record_audit(Store& writer, const std::string& actor_id, const std::string& action,
                  const std::optional<std::string>& target_id, const Json& details, int64_t now_seconds);

struct AuditPage {
    Json entries = Json::array();
    int64_t cursor = 0;
    bool more = false;
};
// Entries with seq > since, oldest first; `action` filters when not empty.
AuditPage read_audit(Store& reader, int64_t since, int limit, const std::string& action);

} // namespace tandem::server
