#include "app/app.h"
#include "screens/screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

void draw_history_screen(App& app) {
    const auto& views = app.views();
    if (ui::link("‹ My team")) return app.open_team();
    ui::heading(views.report_name.empty() ? "1:1s" : "1:1s with " + views.report_name);
    if (ui::primary_button("New 1:1")) {
        app.create_checkin(views.report_id);
        return;
    }
    ImGui::Spacing();
    if (views.history.empty()) {
        ui::muted("No 1:1s yet. Start one with “New 1:1”.");
        return;
    }
    ImGui::BeginChild("history", ImVec2(0, 0));
    ImGuiListClipper clipper;
    clipper.Begin(int(views.history.size()), 64);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const CheckInSummary& checkin = views.history[size_t(row)];
            ImGui::PushID(checkin.checkin_id.c_str());
            const ImVec2 start = ImGui::GetCursorPos();
            if (ImGui::Selectable("##open", false, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0, 56)))
                app.open_checkin(checkin.checkin_id);
            ui::remember(("checkin:" + checkin.held_on).c_str(), checkin.held_on, "row");
            ImGui::SetCursorPos(ImVec2(start.x + 8, start.y + 4));
            ImGui::BeginGroup();
            std::string title = checkin.held_on;
            if (checkin.mood) title += "  ·  mood " + std::to_string(checkin.mood) + "/5";
            if (checkin.open_items)
                title += "  ·  " + std::to_string(checkin.open_items) + (checkin.open_items == 1 ? " open item" : " open items");
            ui::text(title);
            ui::muted(checkin.notes_preview.empty() ? "(no shared notes)" : checkin.notes_preview);
            ImGui::EndGroup();
            ImGui::SetCursorPos(ImVec2(start.x, start.y + 64));
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

} // namespace tandem::client
