#include "app/app.h"
#include "screens/screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {
std::string or_dash(const std::string& value) { return value.empty() ? "—" : value; }

std::string next_text(App& app, const ReportSummary& report) {
    if (report.overdue) return "Overdue · " + report.next_due;
    return report.next_due == app.today() ? "Today" : report.next_due;
}

// Phones and narrow windows: one row per report, name on top and the dates underneath.
void draw_team_list(App& app, const std::vector<ReportSummary>& team) {
    ImGui::BeginChild("team-list", ImVec2(0, 0));
    const float button_width = 96;
    ImGuiListClipper clipper;
    clipper.Begin(int(team.size()), 72);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const ReportSummary& report = team[size_t(row)];
            ImGui::PushID(report.person_id.c_str());
            const ImVec2 start = ImGui::GetCursorPos();
            const float width = ImGui::GetContentRegionAvail().x;
            if (ImGui::Selectable("##open", false, ImGuiSelectableFlags_AllowItemOverlap,
                                  ImVec2(width - button_width - 8, 62)))
                app.open_history(report.person_id);
            ui::remember(("report:" + report.name).c_str(), report.name, "row");
            ImGui::SetCursorPos(ImVec2(start.x + 4, start.y + 4));
            ImGui::BeginGroup();
            ui::text(report.name);
            if (report.overdue)
                ui::text_colored(ui::theme::kOverdue, "Overdue since " + report.next_due);
            else
                ui::muted("Last " + or_dash(report.last_checkin) + " · Next " + next_text(app, report));
            ImGui::EndGroup();
            if (app.user()->role == "manager") {
                ImGui::SetCursorPos(ImVec2(start.x + width - button_width, start.y + 12));
                if (ui::button(("New 1:1##" + report.name).c_str(), ImVec2(button_width, 0)))
                    app.create_checkin(report.person_id);
            }
            ImGui::SetCursorPos(ImVec2(start.x, start.y + 72));
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}
}  // namespace

void draw_team_screen(App& app) {
    const auto& team = app.views().team;
    ui::heading("My team");
    int overdue = 0;
    for (const auto& report : team) overdue += report.overdue;
    if (team.empty()) {
        ui::muted(app.sync().last_synced_ms() ? "No one reports to you in Tandem yet."
                                              : "Loading your team… (it appears after the first sync)");
        return;
    }
    ui::muted(std::to_string(team.size()) + " direct reports" +
              (overdue ? " · " + std::to_string(overdue) + " overdue for a 1:1" : ""));
    ImGui::Spacing();

    if (ImGui::GetContentRegionAvail().x < 640) return draw_team_list(app, team);

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("team", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Last 1:1", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Next 1:1", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Open items", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 110);
    ImGui::TableHeadersRow();

    // Only visible rows are drawn: a team of hundreds costs the same per frame as a team of ten.
    ImGuiListClipper clipper;
    clipper.Begin(int(team.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const ReportSummary& report = team[size_t(row)];
            ImGui::PushID(report.person_id.c_str());
            ImGui::TableNextRow(ImGuiTableRowFlags_None, 40);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            if (ImGui::Selectable(report.name.c_str(), false, ImGuiSelectableFlags_SpanAllColumns |
                                                                  ImGuiSelectableFlags_AllowItemOverlap,
                                  ImVec2(0, 32)))
                app.open_history(report.person_id);
            ui::remember(("report:" + report.name).c_str(), report.name, "row");
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ui::text(or_dash(report.last_checkin));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            if (report.overdue)
                ui::text_colored(ui::theme::kOverdue, next_text(app, report));
            else
                ui::text(next_text(app, report));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ui::text(report.open_items ? std::to_string(report.open_items) : "—");
            ImGui::TableNextColumn();
            if (app.user()->role == "manager" && ui::button(("New 1:1##" + report.name).c_str(), ImVec2(-1, 0)))
                app.create_checkin(report.person_id);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

} // namespace tandem::client
