#pragma once
// The app's own screens, around every feature's: signing in and the status bar.
namespace tandem::client {
class App;
void draw_sign_in_screen(App& app);
void draw_status_bar(App& app);
float status_bar_height(App& app);
} // namespace tandem::client
