#pragma once
// Push and pull (docs: API, Sync): every record of every domain travels this one path, judged by the core's
// SyncService.
namespace tandem::server {

class RouteTable;
struct ServerContext;

void add_sync_routes(RouteTable& routes, ServerContext& server);

} // namespace tandem::server
