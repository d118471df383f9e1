#pragma once
#include <string>

#include "tandem/base/change.h"
#include "tandem/base/hlc.h"
#include "tandem/base/sealed.h"

namespace tandem::server {

constexpr const char* kDemoPassword = "tandem-demo";
// The passphrase that opens the demo manager's sealed private notes and journal (README.md, Demo accounts).
constexpr const char* kDemoPassphrase = "tandem demo notes";

// Creates `path` with the demo organisation (README.md, Demo accounts). A database that `demo` made before is
// replaced; any other existing file is refused, so demo data never lands in a real database. Returns an error
// message, or empty on success. The demo manager's sealing key costs what the app's does; tests that make a
// demo database per case pass KeyCost::minimum().
std::string create_demo_database(const std::string& path, KeyCost notes_key_cost = KeyCost::interactive());

// True when the database at `path` was made by create_demo_database.
bool is_demo_database(const std::string& path);

} // namespace tandem::server
