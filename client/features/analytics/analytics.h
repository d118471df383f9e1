#pragma once
// People analytics (docs/features.md, Analytics): whether HR's programs pay off. HR reads the organisation and
// every team; a manager their own tree beside the organisation's activity figures. Figures come from the server
// (GET /api/v1/analytics/...), are kept on the device for offline reading, and export as CSV.
namespace tandem::client {
class Context;
class Registry;

inline constexpr const char* kAnalyticsScreen = "analytics";

void register_analytics(Registry& registry);
void draw_analytics_screen(Context& ctx);
} // namespace tandem::client
