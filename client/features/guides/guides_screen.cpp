// The list of templates and playbooks, with how managers rated each. HR starts new ones here.
#include <cstdio>

#include "feature_api/context.h"
#include "features/guides/guides.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem {

std::string rating_summary(const GuideView& guide) {
    int rated = 0;
    for (const auto& given : guide.feedback) rated += given.usefulness > 0;
    if (!rated) return "not rated yet";
    char text[96];
    std::snprintf(text, sizeof text, "useful %.1f of 5 · %.0f min · %d rating%s", guide.mean_usefulness,
                  guide.mean_minutes, rated, rated == 1 ? "" : "s");
    return text;
}

}  // namespace tandem

namespace tandem::client {

void draw_guides_screen(Context& ctx) {
    const bool hr = ctx.user().role == Role::HrAdmin;
    ui::heading("Templates and playbooks");
    if (hr) {
        if (ui::primary_button("New template##new-template")) open_guide(ctx, "new:template");
        ImGui::SameLine();
        if (ui::button("New playbook##new-playbook")) open_guide(ctx, "new:playbook");
    } else {
        ui::muted("Written by HR. Open one to read it and say how useful it was; add one to a 1:1 from its agenda.");
    }
    ImGui::Spacing();
    if (guides_on_device().empty()) ui::muted("None yet.");
    ImGui::BeginChild("guides", ImVec2(0, 0));
    for (const auto& guide : guides_on_device()) {
        if (guide.archived && !hr) continue;
        ImGui::PushID(guide.guide_id.c_str());
        const ImVec2 start = ImGui::GetCursorPos();
        if (ImGui::Selectable("##open", false, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0, 52)))
            open_guide(ctx, guide.guide_id);
        ui::remember(("guide:" + guide.title).c_str(), guide.title, "row");
        ImGui::SetCursorPos(ImVec2(start.x + 8, start.y + 4));
        ImGui::BeginGroup();
        ui::text(guide.title + (guide.archived ? " (archived)" : ""));
        ui::muted(std::string(guide.kind == "playbook" ? "Playbook" : "Template") + " · v" +
                  std::to_string(guide.version) + (guide.topic.empty() ? "" : " · " + guide.topic) + " · " +
                  rating_summary(guide));
        ImGui::EndGroup();
        ImGui::SetCursorPos(ImVec2(start.x, start.y + 58));
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void draw_guide_picker(Context& ctx, const CheckInDetail& checkin) {
    if (ui::button("Add prompts from a template or playbook##pick-guide")) ImGui::OpenPopup("guide-picker");
    ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetMainViewport()->Size.x - 24, 520.0f), 0));
    if (!ImGui::BeginPopupModal("guide-picker", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
    ui::heading("Add prompts to this 1:1");
    for (const auto& guide : guides_on_device()) {
        if (guide.archived || guide.prompts.empty()) continue;
        const std::string label = guide.title + " (v" + std::to_string(guide.version) + ", " +
                                  std::to_string(guide.prompts.size()) + " prompts)##pick-" + guide.title;
        if (ui::button(label.c_str(), ImVec2(-1, 0))) {
            add_guide_to_agenda(ctx, checkin, guide);
            ImGui::CloseCurrentPopup();
        }
    }
    if (ui::button("Cancel##pick-cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace tandem::client
