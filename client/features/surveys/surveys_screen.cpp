// The survey list. HR starts surveys from the instrument library, opens each in the editor or its results,
// and follows every team's action plans; a manager sees the surveys that include their team.
#include <algorithm>
#include <map>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "ui/person_picker.h"
#include "features/surveys/surveys.h"
#include "tandem/surveys/survey_instruments.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

// Who is invited: the organisation, or the trees of chosen managers (a department, a division). It decides
// which managers read the survey, so it is chosen here, once.
std::string draw_audience_choice(Context& ctx) {
    static PerUser<Flag> whole{{true}};
    static PerUser<std::vector<std::string>> managers;
    static PerUser<std::string> adding;
    ui::text("Audience");
    if (ImGui::RadioButton("The whole organisation##audience-org", whole.on)) whole.on = true;
    ui::remember("audience-org", "The whole organisation", "radio");
    ImGui::SameLine();
    if (ImGui::RadioButton("The trees of chosen managers##audience-trees", !whole.on)) whole.on = false;
    ui::remember("audience-trees", "The trees of chosen managers", "radio");
    if (whole.on) return "org";
    for (size_t i = 0; i < managers.size(); ++i) {
        ImGui::PushID(int(i));
        ui::text("Everyone under " + ctx.directory().name_of(managers[i]));
        ImGui::SameLine();
        const bool removed = ui::link("Remove##audience-remove");
        ImGui::PopID();
        if (removed) {
            managers.erase(managers.begin() + long(i));
            break;
        }
    }
    if (person_picker("audience-add", people_to_choose(ctx, People::Managers), adding) && !adding.empty()) {
        if (std::find(managers.begin(), managers.end(), adding) == managers.end()) managers.push_back(adding);
        adding.clear();
    }
    std::string audience;
    for (const auto& id : managers) audience += (audience.empty() ? "" : ",") + id;
    return audience;
}

void draw_library_picker(Context& ctx) {
    if (ui::primary_button("New survey##new-survey")) ImGui::OpenPopup("instrument-library");
    ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetMainViewport()->Size.x - 24, 620.0f), 0));
    if (!ImGui::BeginPopupModal("instrument-library", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
    const std::string audience = draw_audience_choice(ctx);
    ImGui::Separator();
    ui::heading("Start from the instrument library");
    if (audience.empty()) ui::muted("Choose at least one manager first.");
    ImGui::PushTextWrapPos(0);
    for (const auto& instrument : survey::instrument_library()) {
        const std::string label = std::string(instrument.title) + "##instrument-" + instrument.key;
        if (ui::button(label.c_str(), ImVec2(-1, 0)) && !audience.empty()) {
            ImGui::CloseCurrentPopup();
            create_survey(ctx, instrument.key, audience);
        }
        ui::muted(instrument.purpose);
        ImGui::Spacing();
    }
    if (ui::button("An empty survey##instrument-empty", ImVec2(-1, 0)) && !audience.empty()) {
        ImGui::CloseCurrentPopup();
        create_survey(ctx, "", audience);
    }
    ImGui::PopTextWrapPos();
    if (ui::button("Cancel##library-cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// HR's view of every team's action plan: planned, in progress, done and overdue per manager.
void draw_action_progress(Context& ctx) {
    struct Counts {
        int planned = 0, in_progress = 0, done = 0, overdue = 0;
    };
    std::map<std::string, Counts> by_manager;
    const std::string today = ctx.today();
    for (const auto& action : surveys_on_device().actions) {
        Counts& counts = by_manager[action.manager_id];
        if (action.done()) ++counts.done;
        else if (action.status == "in_progress") ++counts.in_progress;
        else ++counts.planned;
        counts.overdue += action.overdue(today);
    }
    ui::heading("Action plans across teams");
    if (by_manager.empty()) {
        ui::muted("No manager has committed an action after a survey yet.");
        return;
    }
    if (!ImGui::BeginTable("action-progress", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
    for (const char* column : {"Manager", "Planned", "In progress", "Done", "Overdue"}) ImGui::TableSetupColumn(column);
    ImGui::TableHeadersRow();
    for (const auto& [manager, counts] : by_manager) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::text(ctx.directory().name_of(manager, "a former manager"));
        for (int value : {counts.planned, counts.in_progress, counts.done}) {
            ImGui::TableNextColumn();
            ui::text(std::to_string(value));
        }
        ImGui::TableNextColumn();
        if (counts.overdue) ui::text_colored(ui::theme::kOverdue, std::to_string(counts.overdue));
        else ui::text("0");
    }
    ImGui::EndTable();
}

}  // namespace

void draw_surveys_screen(Context& ctx) {
    const bool hr = ctx.user().role == Role::HrAdmin;
    const std::string today = ctx.today();
    ui::heading("Surveys");
    draw_answer_entry(ctx);
    if (hr) {
        draw_library_picker(ctx);
        ImGui::SameLine();
        if (ui::button("Training sessions##open-sessions")) ctx.open_screen(kSessionsScreen);
    } else {
        ui::muted("Surveys HR runs with your team. Results show only where enough people answered to keep "
                  "everyone anonymous.");
    }
    ImGui::Spacing();
    int shown = 0;
    for (const auto& survey : surveys_on_device().surveys) {
        const std::string phase = survey.phase(today);
        if (!hr && phase == "draft") continue;
        ++shown;
        ImGui::PushID(survey.survey_id.c_str());
        ImGui::Separator();
        ui::text(survey.title + (survey.round > 1 ? " · round " + std::to_string(survey.round) : ""));
        ui::remember(("survey:" + survey.title).c_str(), survey.title, "row");
        std::string detail = phase_label(phase) + " · " + std::to_string(survey.questions.size()) + " questions";
        if (!survey.opens_on.empty()) detail += " · from " + ctx.date_text(survey.opens_on);
        if (!survey.closes_on.empty()) detail += " to " + ctx.date_text(survey.closes_on);
        if (!survey.training_session_id.empty()) detail += " · training session";
        ui::muted(detail);
        if (hr && ui::button(("Edit##edit-" + survey.title).c_str())) open_survey(ctx, survey.survey_id, kSurveyEditorScreen);
        if (hr) ImGui::SameLine();
        const std::string round = survey.round > 1 ? " · round " + std::to_string(survey.round) : "";
        if (phase != "draft" && ui::button(("Results##results-" + survey.title + round).c_str()))
            open_survey(ctx, survey.survey_id, kSurveyResultsScreen);
        ImGui::PopID();
    }
    if (!shown) ui::muted(hr ? "No surveys yet: start one from the library." : "No survey includes your team yet.");
    ImGui::Spacing();
    if (hr) draw_action_progress(ctx);
    else draw_open_survey_actions(ctx);
}

} // namespace tandem::client
