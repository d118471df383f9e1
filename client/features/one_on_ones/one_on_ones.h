#pragma once
// 1:1s (docs/features.md, 1:1s): a manager's team with who is due, one report's history, the check-in with
// its agenda, shared and private notes and action items, and the quick way to log a 1:1 that already
// happened. Other features add to a manager's home screen and to a 1:1's agenda through the registry.
namespace tandem {
struct ReportSummary;
}
namespace tandem::client {
class App;
class Registry;
using tandem::ReportSummary;

inline constexpr const char* kTeamScreen = "one_on_ones/team";

void register_one_on_ones(Registry& registry);

void draw_team_screen(App& app);
void draw_history_screen(App& app);
void draw_checkin_screen(App& app);
// The quick "log a 1:1" dialog, opened from the team screen.
void open_quick_log(App& app, const ReportSummary& report);
void draw_quick_log(App& app);
} // namespace tandem::client
