#pragma once
// One function per screen. Each draws from App's prepared views and calls App's commands; none of them
// touches the store or the network. To add a screen: write screens/<name>.cpp with a draw function,
// declare it here, add a Screen value and a case in App::draw.
namespace tandem::client {
class App;
void draw_sign_in_screen(App& app);
void draw_team_screen(App& app);
void draw_history_screen(App& app);
void draw_checkin_screen(App& app);
void draw_status_bar(App& app);
float status_bar_height();
} // namespace tandem::client
