#pragma once
// The server's own tables (accounts, sessions, invitation links, the audit log, survey answers and tallies,
// kiosks), versioned like the core's records: migrate_server_schema runs the steps a database has not had
// yet, each in its own transaction, and records the version in the core's settings table. On PostgreSQL it
// runs that engine's steps instead (postgres_schema.h).
#include "tandem/sync/store.h"

namespace tandem::server {

void migrate_server_schema(Store& store);

} // namespace tandem::server
