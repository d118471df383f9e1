#pragma once
// The whole schema of a PostgreSQL database (the core's tables and the server's), versioned in the settings
// table like SQLite's server steps. SQLite databases are migrated by the core (sync/migrations.cpp) and
// server_schema.cpp; a change to either adds a step here too.
#include "tandem/sync/store.h"

namespace tandem::server {

void migrate_postgres_schema(Store& store);

}  // namespace tandem::server
