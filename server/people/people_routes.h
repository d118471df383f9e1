#pragma once
// People (docs: API, People): HRIS import, invitations and reset links, role changes, the audit log, a
// person's export and erasure.
#include <optional>
#include <string>

#include "tandem/sync/store.h"

namespace tandem::server {

class RouteTable;
struct ServerContext;

void add_people_routes(RouteTable& routes, ServerContext& server);

// An invitation or a reset link, or why none was made.
struct Invite {
    std::string token;  // empty when refused
    std::string expires_on;
    std::string refusal;  // person_exited, already_active (invite) or not_active (reset); empty when made
};
// For the operators' `invite` and `reset-password` commands: a link for the person with this e-mail, audited
// as `actor_id`; nothing when nobody has that e-mail.
std::optional<Invite> link_by_email(ServerContext& server, const std::string& email, const std::string& actor_id,
                                    bool reset);

} // namespace tandem::server
