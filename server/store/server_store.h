#pragma once
// Where the server keeps its data: a SQLite file (the default, one process) or a PostgreSQL database that
// any number of instances share, named by a libpq URL (postgresql://user@host:port/name).
#include <memory>
#include <string>

#include "tandem/sync/store.h"

namespace tandem::server {

bool is_postgres_url(const std::string& locator);

// A connection to the database at `locator`, its schema brought up to date unless `reader`.
std::unique_ptr<Store> open_server_store(const std::string& locator, bool reader = false);

// True when the database holds no tables yet (a PostgreSQL database) or does not exist (a file).
bool is_empty_database(const std::string& locator);

}  // namespace tandem::server
