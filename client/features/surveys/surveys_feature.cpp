// What surveys add to the app: the surveys, their editor and results, training sessions and the kiosk; on a
// manager's home, the survey actions still open; and on a 1:1's agenda, those the report owns.
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/surveys/kiosk_mode.h"
#include "features/surveys/survey_client.h"
#include "features/surveys/survey_tokens.h"
#include "features/surveys/surveys.h"
#include "tandem/one_on_ones/checkin_views.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {
PerUser<SurveyWorld> world;
PerUser<SurveyClient> client;
PerUser<SurveyTokens> tokens;
KioskMode kiosk;

void rebuild(const ViewSource& source) { world = build_survey_world(source.store); }

// Survey actions stay on the home screen until done.
void draw_open_actions_line(Context& ctx) {
    int open_actions = 0, overdue_actions = 0;
    for (const auto& action : surveys_on_device().actions)
        if (action.manager_id == ctx.user().id && !action.done()) {
            ++open_actions;
            overdue_actions += action.overdue(ctx.today());
        }
    if (!open_actions) return;
    ui::text_colored(overdue_actions ? ui::theme::kOverdue : ui::theme::kWarning,
                     std::to_string(open_actions) + " survey action" + (open_actions == 1 ? "" : "s") + " open" +
                         (overdue_actions ? ", " + std::to_string(overdue_actions) + " overdue" : ""));
    ImGui::SameLine();
    if (ui::link("Review##open-survey-actions")) ctx.open_screen(kSurveysScreen);
}

// Survey actions this report owns reach their 1:1s from today on, until done.
void draw_actions_on_agenda(Context& ctx, const CheckInDetail& checkin) {
    if (checkin.held_on >= ctx.today()) draw_agenda_survey_actions(ctx, checkin.report_id);
}
}  // namespace

void register_surveys(Registry& registry) {
    registry.add_screen({kSurveysScreen, draw_surveys_screen, {Role::HrAdmin, Role::Manager},
                         {{Role::HrAdmin, "Surveys"}, {Role::Manager, "Surveys"}}});
    registry.add_screen({kSurveyEditorScreen, draw_survey_editor_screen, {Role::HrAdmin}, {}, kSurveysScreen});
    registry.add_screen({kSurveyResultsScreen, draw_survey_results_screen, {}, {}, kSurveysScreen});
    // Employees answer here; anyone else whose team is asked reaches it from the line on their survey list.
    registry.add_screen({kAnswerSurveysScreen, draw_answer_surveys_screen, {}, {{Role::Employee, "Surveys"}}});
    registry.add_screen({kAnswerQuestionsScreen, draw_answer_questions_screen, {}, {}, kAnswerSurveysScreen});
    registry.add_screen({kSessionsScreen, draw_sessions_screen, {Role::HrAdmin}, {{Role::HrAdmin, "Training"}}});
    registry.add_home_item({"surveys/open-actions", draw_open_actions_line});
    registry.add_agenda_item({"surveys/actions", AgendaItem::Where::AboveTalkingPoints, draw_actions_on_agenda});
    registry.add_views(rebuild);
    // A token is fetched when the device first learns of a survey, not when the person opens it, so the
    // time of issuance says nothing about the time of answering.
    registry.add_background([](Context& ctx) { tokens.tick(ctx); });
    registry.set_device_takeover({[](Platform& platform) { return kiosk.resume(platform); },
                                  [] { return kiosk.active(); },
                                  [](Platform& platform) { kiosk.tick(platform); }, draw_kiosk_screen});
}

SurveyClient& survey_client() { return client; }
SurveyTokens& survey_tokens() { return tokens; }
KioskMode& kiosk_device() { return kiosk; }

void start_kiosk(Context& ctx, const std::string& survey_id, const std::string& label, const std::string& pin) {
    client.busy = true;
    client.message = "Registering this device as a kiosk…";
    client.message_is_error = false;
    kiosk.register_device(ctx.platform(), ctx.user().token, survey_id, label, pin,
                          [&ctx](const std::string& error) {
                              client.busy = false;
                              if (!error.empty()) {
                                  client.message = error;
                                  client.message_is_error = true;
                                  return;
                              }
                              // HR's session must not stay on a shared tablet; their data stays in their own
                              // store, unreadable from kiosk mode, and syncs when they sign in again.
                              ctx.sign_out();
                          });
}

const SurveyWorld& surveys_on_device() { return world; }

void open_survey(Context& ctx, const std::string& survey_id, const char* screen) {
    const bool results = std::string(screen) == kSurveyResultsScreen;
    ctx.open_screen(screen, [survey_id, results](Context&) {
        client.survey_id = survey_id;
        client.message.clear();
        if (results) client.group.clear();  // the results screen picks the reader's own group
    });
}

} // namespace tandem::client
