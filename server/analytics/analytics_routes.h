#pragma once
// Analytics (docs: API, Analytics): the figures per team, over time, and the return on programs, as JSON
// and as audited CSV exports.
namespace tandem::server {

class RouteTable;
struct ServerContext;

void add_analytics_routes(RouteTable& routes, ServerContext& server);

} // namespace tandem::server
