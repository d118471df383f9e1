#pragma once
// A person's data: everything about them as one export, and erasure (docs: API, People).
#include <httplib.h>

#include <string>

#include "tandem/sync/policy.h"

namespace tandem::server {

struct ServerContext;

void export_person(ServerContext& server, const std::string& person_id, httplib::Response& response,
                   const Actor& actor);
void erase_person(ServerContext& server, const std::string& person_id, httplib::Response& response,
                  const Actor& actor);

} // namespace tandem::server
