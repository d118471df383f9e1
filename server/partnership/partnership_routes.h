#pragma once
// Partnership (docs: API, Partnership): figures about programs and agreements that need everyone's
// records: an agreement's adherence and a program's adoption per team.
namespace tandem::server {

class RouteTable;
struct ServerContext;

void add_partnership_routes(RouteTable& routes, ServerContext& server);

} // namespace tandem::server
