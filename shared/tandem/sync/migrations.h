#pragma once
#include <string>
#include <vector>

namespace tandem {

// Schema steps in order; step i brings a database from user_version i to i+1. Never edit a released step:
// add a new one, because devices hold databases made by every earlier build.
const std::vector<std::string>& schema_migrations();

} // namespace tandem
