// Widgets the feedback and recognition screens share: choosing a value and a piece of feedback drawn for
// reading. (Choosing a person and form text are everyone's: ui/person_picker.h, ui/form_text.h.)
#include "feature_api/context.h"
#include "features/feedback/feedback.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

void next_in_row(float item_width, float right_edge) {
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + item_width > right_edge) ImGui::NewLine();
}

void value_picker(const char* id, const FeedbackWorld& world, std::string& chosen) {
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const auto& tag : world.value_tags) {
        if (tag.archived && tag.tag_id != chosen) continue;
        const std::string label = tag.name + "##" + id + "-" + tag.tag_id;
        const float width = ImGui::CalcTextSize(tag.name.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!first) next_in_row(width, right);
        first = false;
        const bool selected = tag.tag_id == chosen;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ui::theme::kAccentHover);
        if (ui::button(label.c_str())) chosen = selected ? std::string() : tag.tag_id;
        if (selected) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered() && !tag.description.empty()) ImGui::SetTooltip("%s", tag.description.c_str());
    }
    if (first) ui::muted("HR has not set up any values yet.");
}

void draw_sbi(const SituationBehaviourImpact& text) {
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX());
    auto part = [](const char* label, const std::string& value) {
        if (value.empty()) return;
        ui::text_colored(ui::theme::kMuted, label);
        ImGui::SameLine();
        ui::text(value);
    };
    part("Situation:", text.situation);
    part("Behaviour:", text.behaviour);
    part("Impact:", text.impact);
    part("Next step:", text.next_step);
    ImGui::PopTextWrapPos();
}

} // namespace tandem::client
