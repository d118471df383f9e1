#pragma once
// One function per screen. Each draws from App's prepared views and calls App's commands; none of them
// touches the store or the network. To add a screen: write its draw function (screens/ or a feature's
// folder), declare it here, add a Screen value and a row in the screen table of app/frame.cpp.
namespace tandem {
struct ReportSummary;
}
namespace tandem::client {
class App;
using tandem::ReportSummary;
void draw_sign_in_screen(App& app);
void draw_team_screen(App& app);
void draw_history_screen(App& app);
void draw_checkin_screen(App& app);
// The quick "log a 1:1" dialog, opened from the team screen.
void open_quick_log(App& app, const ReportSummary& report);
void draw_quick_log(App& app);
// HR console (features/people/).
void draw_people_screen(App& app);
void draw_person_screen(App& app);
void draw_import_screen(App& app);
void draw_audit_screen(App& app);
void draw_status_bar(App& app);
float status_bar_height();
} // namespace tandem::client
