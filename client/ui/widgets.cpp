#include "ui/widgets.h"

#include <imgui_internal.h>  // SetNextWindowScroll
#include <misc/cpp/imgui_stdlib.h>

#include <unordered_map>
#include <vector>

#include "tandem/base/change.h"
#include "ui/glyphs.h"
#include "ui/theme.h"

namespace tandem::ui {

namespace {

struct Recorded {
    std::string id, text, kind, value;
    ImVec2 min, max;
};
std::vector<Recorded> frame_widgets, last_frame_widgets;
std::string snapshot;

std::string visible_part(const char* label) {
    std::string text = label;
    return text.substr(0, text.find("##"));
}

void record(const char* id, std::string text, const char* kind, std::string value = {}) {
    glyphs::note(text);
    glyphs::note(value);
    frame_widgets.push_back(Recorded{id, std::move(text), kind, std::move(value), ImGui::GetItemRectMin(),
                                     ImGui::GetItemRectMax()});
}

bool colored_button(const char* label, ImVec2 size, const ImVec4& color, const ImVec4& hovered) {
    ImGui::PushStyleColor(ImGuiCol_Button, color);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, color);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    bool pressed = ImGui::Button(label, size);
    ImGui::PopStyleColor(4);
    record(label, visible_part(label), "button");
    return pressed;
}

}  // namespace

void begin_frame() { frame_widgets.clear(); }

float snapshot_scale = 1.0f;

void end_frame(float css_scale) {
    // Only kept, not serialised: the JSON is built when a test asks, so frames do not pay for it.
    last_frame_widgets.swap(frame_widgets);
    snapshot_scale = css_scale;
}

const std::string& last_frame_snapshot() {
    const float css_scale = snapshot_scale;
    Json widgets = Json::array();
    for (const auto& w : last_frame_widgets) {
        Json entry{{"id", w.id},
                   {"text", w.text},
                   {"kind", w.kind},
                   {"x", w.min.x * css_scale},
                   {"y", w.min.y * css_scale},
                   {"w", (w.max.x - w.min.x) * css_scale},
                   {"h", (w.max.y - w.min.y) * css_scale}};
        if (!w.value.empty()) entry["value"] = w.value;
        widgets.push_back(std::move(entry));
    }
    snapshot = Json{{"widgets", std::move(widgets)}}.dump();
    return snapshot;
}

bool button(const char* label, ImVec2 size) {
    bool pressed = ImGui::Button(label, size);
    record(label, visible_part(label), "button");
    return pressed;
}

bool primary_button(const char* label, ImVec2 size) {
    return colored_button(label, size, theme::kAccent, theme::kAccentHover);
}

bool danger_button(const char* label, ImVec2 size) {
    return colored_button(label, size, theme::kDanger, theme::kDangerHover);
}

bool link(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor(2);
    record(label, visible_part(label), "link");
    return pressed;
}

bool input_text(const char* label, std::string& value, const char* hint, ImGuiInputTextFlags flags) {
    bool changed = hint ? ImGui::InputTextWithHint(label, hint, &value, flags) : ImGui::InputText(label, &value, flags);
    // A password's text never leaves the field, not even to the snapshot.
    const bool password = flags & ImGuiInputTextFlags_Password;
    record(label, visible_part(label), password ? "password" : "input", password ? std::string() : value);
    return changed;
}

bool input_multiline(const char* label, std::string& value, float height, ImGuiInputTextFlags flags) {
    bool changed = ImGui::InputTextMultiline(label, &value, ImVec2(-1, height), flags);
    record(label, visible_part(label), "input", value);
    return changed;
}

bool checkbox(const char* label, bool& value) {
    bool changed = ImGui::Checkbox(label, &value);
    record(label, visible_part(label), "checkbox", value ? "true" : "false");
    return changed;
}

void text(const std::string& value) {
    ImGui::TextUnformatted(value.c_str());
    record(value.c_str(), value, "text");
}

void text_colored(const ImVec4& color, const std::string& value) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopStyleColor();
    record(value.c_str(), value, "text");
}

void heading(const std::string& value) {
    ImGui::PushFont(theme::heading_font());
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopFont();
    record(value.c_str(), value, "heading");
}

void muted(const std::string& value) { text_colored(theme::kMuted, value); }

void remember(const char* id, const std::string& text, const char* kind, const std::string& value) {
    record(id, text, kind, value);
}

void begin_scrolled(const char* id, const std::string& shown, ImVec2 size) {
    static std::unordered_map<std::string, std::string> shown_in;  // region id -> what it showed last
    std::string& last = shown_in[id];
    if (last != shown) {
        ImGui::SetNextWindowScroll(ImVec2(0, 0));  // before Begin: this frame already shows the top
        last = shown;
    }
    ImGui::BeginChild(id, size);
}

void end_scrolled(const char* id) {
    ImGui::EndChild();
    record(id, "", "region");
}

bool committed_edit() { return ImGui::IsItemDeactivatedAfterEdit(); }

} // namespace tandem::ui
