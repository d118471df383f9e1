#pragma once
#include <string>

#include "tandem/change.h"
#include "tandem/hlc.h"

namespace tandem::server {

constexpr const char* kDemoPassword = "tandem-demo";

// Creates `path` with the demo organisation (api.md "Demo organisation"). A database that `demo` made
// before is replaced; any other existing file is refused, so demo data never lands in a real database.
// Returns an error message, or empty on success.
std::string create_demo_database(const std::string& path);

// A change written by the server itself (demo data, imports), stamped by `clock`.
Change server_change(HlcClock& clock, uint64_t now, const char* entity, const std::string& record_id, Json fields);

// True when the database at `path` was made by create_demo_database.
bool is_demo_database(const std::string& path);

} // namespace tandem::server
