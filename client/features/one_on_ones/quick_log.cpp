// "Log a 1:1": the quick path from the team screen for a 1:1 that already happened. Date (today unless
// changed), an optional mood and one line of notes, committed as one change: a few taps, well under 30 s.
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/one_on_ones/one_on_ones.h"
#include "tandem/base/dates.h"
#include "tandem/sync/entity.h"
#include "ui/date_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct QuickLog {
    bool opening = false;
    std::string report_id, report_name, held_on, notes, problem;
    int mood = 0;
    ui::DateFieldState date_field;
};
PerUser<QuickLog> quick;

}  // namespace

void open_quick_log(Context& ctx, const ReportSummary& report) {
    quick = QuickLog{true, report.person_id, report.name, ctx.today(), "", "", 0, {}};
}

void draw_quick_log(Context& ctx) {
    if (quick.opening) {
        ImGui::OpenPopup("quick-log");
        quick.opening = false;
    }
    ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetMainViewport()->Size.x - 24, 460.0f), 0));
    if (!ImGui::BeginPopupModal("quick-log", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
    ui::heading("Log a 1:1 with " + quick.report_name);
    // It already happened: not after today.
    ui::DateFieldOptions when = ui::date_options(ctx, "When");
    when.max = ctx.today();
    ui::date_field("log-date", quick.date_field, quick.held_on, when);
    ImGui::SameLine();
    if (ui::link("Today##log-today")) quick.held_on = ctx.today();
    ImGui::SameLine();
    if (ui::link("Yesterday##log-yesterday")) quick.held_on = add_days(ctx.today(), -1);
    ui::text("Mood (optional)");
    for (int mood = 1; mood <= 5; ++mood) {
        ImGui::SameLine();
        const bool selected = quick.mood == mood;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ui::theme::kAccentHover);
        if (ui::button((std::to_string(mood) + "##log-mood" + std::to_string(mood)).c_str(), ImVec2(40, 0)))
            quick.mood = selected ? 0 : mood;
        if (selected) ImGui::PopStyleColor();
    }
    ImGui::SetNextItemWidth(-1);
    bool submit = ui::input_text("##log-notes", quick.notes, "What you talked about (optional)",
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    submit |= ui::primary_button("Log it##log-save");
    ImGui::SameLine();
    if (ui::button("Cancel##log-cancel")) ImGui::CloseCurrentPopup();
    if (submit) {
        if (!quick.date_field.problem.empty())
            quick.problem = "Correct the date first.";
        else if (quick.held_on > ctx.today())
            quick.problem = "That date is in the future: use New 1:1 to prepare a meeting.";
        else if (log_checkin(ctx, quick.report_id, quick.held_on, quick.mood, quick.notes))
            ImGui::CloseCurrentPopup();
    }
    if (!quick.problem.empty()) ui::text_colored(ui::theme::kOverdue, quick.problem);
    ImGui::EndPopup();
}

} // namespace tandem::client
