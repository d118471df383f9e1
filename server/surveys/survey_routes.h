#pragma once
// Surveys (docs: API, Surveys): answer links and the pages and endpoints that take answers without an
// account, kiosks, and results.
namespace tandem::server {

class RouteTable;
struct ServerContext;

void add_survey_routes(RouteTable& routes, ServerContext& server);

} // namespace tandem::server
