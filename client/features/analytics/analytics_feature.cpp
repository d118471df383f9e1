// What analytics add to the app: one screen, for HR and managers.
#include "feature_api/context.h"
#include "features/analytics/analytics.h"

namespace tandem::client {

void register_analytics(Registry& registry) {
    registry.add_screen({kAnalyticsScreen, draw_analytics_screen, {Role::HrAdmin, Role::Manager},
                         {{Role::HrAdmin, "Analytics"}, {Role::Manager, "Analytics"}}});
}

} // namespace tandem::client
