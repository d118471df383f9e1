#pragma once
// Employee access (docs/api.md, Employee access and Bulk invitations): the organisation's switch for whether
// employees may sign in, invitations for a department or a manager's tree, and the page an invitation link
// opens.
#include <string>

namespace tandem::server {

class RouteTable;
struct ServerContext;

void add_access_routes(RouteTable& routes, ServerContext& server);

// The link an invitation is handed out as, relative to the server: the token rides in the fragment, so it
// never reaches a server log or a Referer header.
std::string invite_path(const std::string& token);

} // namespace tandem::server
