// One report's 1:1s, newest first, with the cadence the manager keeps with them.
#include <algorithm>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/one_on_ones/one_on_ones.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

PerUser<Count> custom_days{{10}};

std::string ordinal(int n) {
    static const char* const words[] = {"first", "second", "third", "fourth", "fifth"};
    return n >= 1 && n <= 5 ? words[n - 1] : std::to_string(n) + "th";
}

void draw_cadence(Context& ctx, const ReportSummary& report) {
    ImGui::AlignTextToFramePadding();
    ui::text("Cadence:");
    struct Option {
        const char* label;
        const char* every;
        Cadence::Every kind;
    };
    const Option options[] = {{"Weekly##cadence-week", "week", Cadence::Every::Week},
                              {"Fortnightly##cadence-fortnight", "fortnight", Cadence::Every::Fortnight},
                              {"Monthly##cadence-month", "month", Cadence::Every::Month}};
    for (const auto& option : options) {
        ImGui::SameLine();
        const bool current = report.cadence.every == option.kind;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ui::theme::kAccentHover);
        if (ui::button(option.label) && !current) set_cadence(ctx, report, option.every, 0);
        if (current) ImGui::PopStyleColor();
    }
    // Every N days: narrow screens put it on its own line rather than cutting it off.
    if (ImGui::GetContentRegionAvail().x > 260) ImGui::SameLine();
    if (report.cadence.every == Cadence::Every::Days) custom_days.value = report.cadence.days;
    ImGui::SetNextItemWidth(110);
    if (ImGui::InputInt("##cadence-days", &custom_days.value)) custom_days.value = std::clamp(custom_days.value, 1, 180);
    ui::remember("##cadence-days", std::to_string(custom_days.value), "input", std::to_string(custom_days.value));
    ImGui::SameLine();
    if (ui::button("Every N days##cadence-days-set")) set_cadence(ctx, report, "days", custom_days.value);
}

}  // namespace

void draw_history_screen(Context& ctx) {
    const auto& views = one_on_ones_on_device();
    if (ui::link("‹ My team")) return ctx.open_screen(kTeamScreen);
    ui::heading(views.report_name.empty() ? "1:1s" : "1:1s with " + views.report_name);
    const ReportSummary* shown = nullptr;
    for (const auto& report : views.team)
        if (report.person_id == views.report_id) shown = &report;
    if (!shown) {  // no longer in this manager's team (moved on another device): nothing to prepare
        ui::muted("Not in your team any more.");
        return;
    }
    draw_cadence(ctx, *shown);
    const std::string due = next_due_text(ctx, *shown);
    if (shown->overdue) ui::text_colored(ui::theme::kOverdue, "Next 1:1: " + due);
    else ui::muted("Next 1:1: " + due);
    if (ui::primary_button("New 1:1")) {  // opens the planned one if there is one: it heads the list below
        prepare_checkin(ctx, *shown);
        return;
    }
    ImGui::Spacing();
    if (views.history.empty()) {
        ui::muted("No 1:1s yet. Start one with “New 1:1”.");
        return;
    }
    ui::begin_scrolled("history", views.report_id);
    ImGuiListClipper clipper;
    clipper.Begin(int(views.history.size()), 64);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const CheckInSummary& checkin = views.history[size_t(row)];
            ImGui::PushID(checkin.checkin_id.c_str());
            const ImVec2 start = ImGui::GetCursorPos();
            if (ImGui::Selectable("##open", false, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0, 56)))
                open_checkin(ctx, checkin.checkin_id);
            std::string title = checkin.planned ? "Planned · " + day_text(ctx, checkin.held_on)
                                                : ctx.date_text(checkin.held_on);
            if (checkin.nth_that_day) title += " (" + ordinal(checkin.nth_that_day) + " that day)";
            if (!checkin.title.empty()) title += " · " + checkin.title;
            ui::remember(("checkin:" + checkin.held_on).c_str(), title, "row");
            ImGui::SetCursorPos(ImVec2(start.x + 8, start.y + 4));
            ImGui::BeginGroup();
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
    ui::end_scrolled("history");
}

} // namespace tandem::client
