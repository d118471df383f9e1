// The domains whose routes the server serves: one line each.
#include "analytics/analytics_routes.h"
#include "auth/session_routes.h"
#include "partnership/partnership_routes.h"
#include "people/people_routes.h"
#include "auth/route_table.h"
#include "surveys/survey_routes.h"
#include "sync/sync_routes.h"

namespace tandem::server {

namespace {
constexpr RouteModule kRouteModules[] = {
    add_session_routes,
    add_sync_routes,
    add_people_routes,
    add_survey_routes,
    add_partnership_routes,
    add_analytics_routes,
};
}  // namespace

void add_all_routes(RouteTable& routes, ServerContext& server) {
    for (RouteModule add : kRouteModules) add(routes, server);
}

} // namespace tandem::server
