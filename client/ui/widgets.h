#pragma once
// The app's widgets: thin wrappers over Dear ImGui that also remember, for the current frame, each
// widget's visible label, id and screen rectangle. Browser tests read that list (tandem_ui_snapshot) to
// click and type where a person would, and to check what a person would see.
#include <imgui.h>

#include <string>

namespace tandem::ui {

void begin_frame();
// JSON: {"widgets":[{"id","text","kind","x","y","w","h","value"?}...]} in CSS pixels, for the last frame.
const std::string& last_frame_snapshot();
void end_frame(float css_scale);

bool button(const char* label, ImVec2 size = ImVec2(0, 0));
bool primary_button(const char* label, ImVec2 size = ImVec2(0, 0));
bool danger_button(const char* label, ImVec2 size = ImVec2(0, 0));
bool link(const char* label);  // a text-looking button for navigation
bool input_text(const char* label, std::string& value, const char* hint = nullptr, ImGuiInputTextFlags flags = 0);
bool input_multiline(const char* label, std::string& value, float height, ImGuiInputTextFlags flags = 0);
bool checkbox(const char* label, bool& value);
void text(const std::string& value);
void text_colored(const ImVec4& color, const std::string& value);
void heading(const std::string& value);
void muted(const std::string& value);
// Records the last ImGui item under `id` (for items drawn with plain ImGui calls). An "input" passes what it
// shows as `value`: browser tests read it back to see that what they typed arrived.
void remember(const char* id, const std::string& text, const char* kind, const std::string& value = {});

// A scrolled region (ImGui child) that starts at its top whenever what it shows changes: `shown` names it
// (a record id), so opening the next record never lands where the previous one was left. end_scrolled()
// records the region's rectangle under `id`, kind "region", for tests to tell what is in view.
void begin_scrolled(const char* id, const std::string& shown, ImVec2 size = ImVec2(0, 0));
void end_scrolled(const char* id);

// Whether the last text field lost focus after its text changed (the moment to commit a draft).
bool committed_edit();

} // namespace tandem::ui
