// The manager's home: who is due for a 1:1 this week, then every report with their last and next 1:1,
// with "Log 1:1" (one that already happened) and "New 1:1" (open the editor) on each row.
#include <algorithm>

#include "feature_api/context.h"
#include "features/one_on_ones/one_on_ones.h"
#include "tandem/base/dates.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {
// Everyone due within the next seven days (overdue first), so the week can be planned at a glance.
void draw_due_this_week(Context& ctx, const std::vector<ReportSummary>& team) {
    const std::string week_end = add_days(ctx.today(), 6);
    std::vector<const ReportSummary*> due;
    for (const auto& report : team)
        if (report.next_due <= week_end) due.push_back(&report);
    std::sort(due.begin(), due.end(), [](auto* a, auto* b) {
        return a->next_due != b->next_due ? a->next_due < b->next_due : a->name < b->name;
    });
    ui::text(due.empty() ? "Nobody is due for a 1:1 in the next 7 days." : "Due in the next 7 days");
    // A big team would push the table off the screen: the first few, then a count (the table has them all).
    constexpr size_t kShown = 6;
    for (size_t i = 0; i < due.size() && i < kShown; ++i) {
        const ReportSummary* report = due[i];
        const std::string when = next_due_text(ctx, *report);
        ImGui::Bullet();
        ui::text_colored(report->overdue ? ui::theme::kOverdue : ui::theme::kMuted, when);
        ImGui::SameLine();
        ui::text(report->name);
        ui::remember(("due:" + report->name).c_str(), when + " " + report->name, "text");
    }
    if (due.size() > kShown) ui::muted("…and " + std::to_string(due.size() - kShown) + " more in the table below");
    ImGui::Spacing();
}

// "Aiko added 2 talking points to Thursday's 1:1": what reports want to talk about, until it is discussed.
void draw_points_from_reports(Context& ctx, const std::vector<ReportSummary>& team) {
    for (const auto& report : team) {
        if (!report.points_from_report) continue;
        const std::string on = report.planned_on.empty() ? std::max(report.next_due, ctx.today()) : report.planned_on;
        const std::string first_name = report.name.substr(0, report.name.find(' '));
        const std::string text = first_name + " added " + std::to_string(report.points_from_report) +
                                 (report.points_from_report == 1 ? " talking point" : " talking points") + " to " +
                                 the_one_on_one_of(ctx, on);
        ImGui::Bullet();
        if (ui::link((text + "##points-" + report.person_id).c_str())) prepare_checkin(ctx, report);
        ui::remember(("points-from:" + report.name).c_str(), text, "text");
    }
}

void draw_row_buttons(Context& ctx, const ReportSummary& report, float width) {
    if (ctx.user().role != Role::Manager) return;
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (ui::button(("Log 1:1##" + report.name).c_str(), ImVec2(half, 0))) open_quick_log(ctx, report);
    ImGui::SameLine();
    if (ui::button(("New 1:1##" + report.name).c_str(), ImVec2(half, 0))) prepare_checkin(ctx, report);
}

// "2 · 1 overdue": open items, and how many of them are past their due date, in the warning colour.
void draw_open_items(const ReportSummary& report) {
    if (!report.open_items) return ui::text("—");
    if (!report.overdue_items) return ui::text(std::to_string(report.open_items));
    ui::text_colored(ui::theme::kOverdue,
                     std::to_string(report.open_items) + " · " + std::to_string(report.overdue_items) + " overdue");
}

// The next 1:1: when it is due, and when one is planned if the manager prepared it.
std::string next_text(Context& ctx, const ReportSummary& report) {
    std::string text = next_due_text(ctx, report);
    if (!report.planned_on.empty()) text += " · planned " + day_text(ctx, report.planned_on);
    return text;
}

// Phones and narrow windows: one row per report, the name and its buttons on top, then when the next 1:1 is
// due and when the last was, each on a line of its own so nothing runs under the buttons.
void draw_team_list(Context& ctx, const std::vector<ReportSummary>& team) {
    ImGui::BeginChild("team-list", ImVec2(0, 0));
    const float button_width = 184;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float row_height = ImGui::GetFrameHeightWithSpacing() + 2 * line + 16;
    ImGuiListClipper clipper;
    clipper.Begin(int(team.size()), row_height);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const ReportSummary& report = team[size_t(row)];
            ImGui::PushID(report.person_id.c_str());
            const ImVec2 start = ImGui::GetCursorPos();
            const float width = ImGui::GetContentRegionAvail().x;
            if (ImGui::Selectable("##open", false, ImGuiSelectableFlags_AllowItemOverlap,
                                  ImVec2(width, row_height - 8)))
                open_history(ctx, report.person_id);
            ui::remember(("report:" + report.name).c_str(), report.name, "row");
            ImGui::SetCursorPos(ImVec2(start.x + 4, start.y + 4));
            ImGui::BeginGroup();
            ImGui::AlignTextToFramePadding();
            ui::text(report.name);
            ImGui::SameLine(width - button_width - 4);  // from the group's left edge, which is 4 px in
            draw_row_buttons(ctx, report, button_width);
            if (report.overdue) ui::text_colored(ui::theme::kOverdue, next_text(ctx, report));
            else ui::muted("Next " + next_text(ctx, report));
            std::string last = "Last " + day_text(ctx, report.last_checkin);
            if (report.open_items)
                last += " · " + std::to_string(report.open_items) + (report.open_items == 1 ? " open item" : " open items");
            ui::muted(last);
            if (report.overdue_items) {
                ImGui::SameLine();
                ui::text_colored(ui::theme::kOverdue, std::to_string(report.overdue_items) + " overdue");
            }
            ImGui::EndGroup();
            ImGui::SetCursorPos(ImVec2(start.x, start.y + row_height));
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}
}  // namespace

void draw_team_screen(Context& ctx) {
    const auto& team = one_on_ones_on_device().team;
    ui::heading("My team");
    int overdue = 0;
    for (const auto& report : team) overdue += report.overdue;
    if (team.empty()) {
        ui::muted(ctx.last_synced_ms() ? "No one reports to you in Tandem yet."
                                              : "Loading your team… (it appears after the first sync)");
        return;
    }
    ui::muted(std::to_string(team.size()) + " direct reports" +
              (overdue ? " · " + std::to_string(overdue) + " overdue for a 1:1" : ""));
    ImGui::Spacing();
    draw_quick_log(ctx);
    // What other features keep on a manager's home screen until it is done (feedback asked of them, survey
    // actions), in the order the features registered.
    for (const HomeItem& item : ctx.features().home_items()) item.draw(ctx);
    draw_points_from_reports(ctx, team);
    draw_due_this_week(ctx, team);

    if (ImGui::GetContentRegionAvail().x < 640) return draw_team_list(ctx, team);

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("team", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Last 1:1", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Next 1:1", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Open items", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 200);
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
                open_history(ctx, report.person_id);
            ui::remember(("report:" + report.name).c_str(), report.name, "row");
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ui::text(day_text(ctx, report.last_checkin));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            if (report.overdue)
                ui::text_colored(ui::theme::kOverdue, next_text(ctx, report));
            else
                ui::text(next_text(ctx, report));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            draw_open_items(report);
            ImGui::TableNextColumn();
            draw_row_buttons(ctx, report, ImGui::GetContentRegionAvail().x);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

} // namespace tandem::client
