// What surveys add to the app: the surveys, their editor and results, training sessions and the kiosk; on a
// manager's home, the survey actions still open; and on a 1:1's agenda, those the report owns.
#include "app/app.h"
#include "app/per_user.h"
#include "features/surveys/surveys.h"
#include "tandem/one_on_ones/checkin_views.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {
PerUser<SurveyWorld> world;

void rebuild(const ViewSource& source) { world = build_survey_world(source.store); }

// Survey actions stay on the home screen until done.
void draw_open_actions_line(App& app) {
    int open_actions = 0, overdue_actions = 0;
    for (const auto& action : surveys_on_device().actions)
        if (action.manager_id == app.user()->id && !action.done()) {
            ++open_actions;
            overdue_actions += action.overdue(app.today());
        }
    if (!open_actions) return;
    ui::text_colored(overdue_actions ? ui::theme::kOverdue : ui::theme::kWarning,
                     std::to_string(open_actions) + " survey action" + (open_actions == 1 ? "" : "s") + " open" +
                         (overdue_actions ? ", " + std::to_string(overdue_actions) + " overdue" : ""));
    ImGui::SameLine();
    if (ui::link("Review##open-survey-actions")) app.open_screen(kSurveysScreen);
}

// Survey actions this report owns reach their 1:1s from today on, until done.
void draw_actions_on_agenda(App& app, const CheckInDetail& checkin) {
    if (checkin.held_on >= app.today()) draw_agenda_survey_actions(app, checkin.report_id);
}
}  // namespace

void register_surveys(Registry& registry) {
    registry.add_screen({kSurveysScreen, draw_surveys_screen, {Role::HrAdmin, Role::Manager},
                         {{Role::HrAdmin, "Surveys"}, {Role::Manager, "Surveys"}}});
    registry.add_screen({kSurveyEditorScreen, draw_survey_editor_screen, {Role::HrAdmin}, {}, kSurveysScreen});
    registry.add_screen({kSurveyResultsScreen, draw_survey_results_screen, {}, {}, kSurveysScreen});
    registry.add_screen({kSessionsScreen, draw_sessions_screen, {Role::HrAdmin}, {{Role::HrAdmin, "Training"}}});
    registry.add_screen({kKioskScreen, draw_kiosk_screen});
    registry.add_home_item({"surveys/open-actions", draw_open_actions_line});
    registry.add_agenda_item({"surveys/actions", AgendaItem::Where::AboveTalkingPoints, draw_actions_on_agenda});
    registry.add_views(rebuild);
}

const SurveyWorld& surveys_on_device() { return world; }

void open_survey(App& app, const std::string& survey_id, const char* screen) {
    const bool results = std::string(screen) == kSurveyResultsScreen;
    app.open_screen(screen, [survey_id, results](App& app) {
        SurveyClient& surveys = app.surveys();
        surveys.survey_id = survey_id;
        surveys.message.clear();
        if (results) surveys.group.clear();  // the results screen picks the reader's own group
    });
}

} // namespace tandem::client
