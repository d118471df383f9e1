#pragma once
// Engagement surveys, action planning, training sessions and kiosk mode (docs/features.md, Surveys): HR authors
// surveys from the instrument library, exports answer links and registers kiosks; HR and managers read results
// where anonymity allows and managers commit actions that reach their 1:1s.
#include <string>

#include "tandem/surveys/survey_views.h"

namespace tandem::client {
class Context;
class KioskMode;
class Platform;
class Registry;
class SurveyClient;

inline constexpr const char* kSurveysScreen = "surveys";
inline constexpr const char* kSurveyEditorScreen = "surveys/editor";
inline constexpr const char* kSurveyResultsScreen = "surveys/results";
inline constexpr const char* kSessionsScreen = "surveys/sessions";
inline constexpr const char* kAnswerSurveysScreen = "surveys/answer";
inline constexpr const char* kAnswerQuestionsScreen = "surveys/answer-questions";

void register_surveys(Registry& registry);
// Results, answer links and the messages of the survey screens: state of the signed-in user's session.
SurveyClient& survey_client();
// This device as a kiosk: kept across sign-outs and restarts, since the kiosk outlives every session.
KioskMode& kiosk_device();
void draw_kiosk_screen(Platform& platform);  // the whole window on a registered kiosk
// HR: turns this device into a kiosk for the survey, then signs HR out of it.
void start_kiosk(Context& ctx, const std::string& survey_id, const std::string& label, const std::string& pin);
// Surveys, training sessions and survey actions as this device holds them, rebuilt when data changed.
const SurveyWorld& surveys_on_device();
// Opens the editor or the results (`screen`) on one survey; the results open on the reader's own group.
void open_survey(Context& ctx, const std::string& survey_id, const char* screen);

void draw_surveys_screen(Context& ctx);         // the list: HR's every survey, a manager's own
void draw_survey_editor_screen(Context& ctx);   // HR: questions, audience, thresholds, schedule, links, kiosk
void draw_survey_results_screen(Context& ctx);  // figures by group, heatmap, trend, comments, actions
void draw_sessions_screen(Context& ctx);        // HR: training sessions, attendance, session survey
void draw_answer_surveys_screen(Context& ctx);  // anyone: the open surveys asking their team, answered by token
void draw_answer_questions_screen(Context& ctx);  // one survey's questions and "Send answers"
void draw_answer_entry(Context& ctx);           // a line leading there, while a survey waits for an answer


// Pieces other screens show: a manager's open survey actions (home screen) and those a report owns
// (that report's 1:1 agenda).
void draw_open_survey_actions(Context& ctx);
void draw_agenda_survey_actions(Context& ctx, const std::string& report_id);

// Shared by the survey screens (survey_widgets.cpp).
std::string group_label(Context& ctx, const std::string& group);  // "Maya Chen's team"
std::string phase_label(const std::string& phase);             // "Open", "Draft"...
std::string theme_label(const std::string& theme);             // "Psychological safety"
// Starts a draft from an instrument of the library (or an empty one for ""), opens it in the editor. The
// audience is "org" or manager ids separated by commas; it is fixed once the survey exists.
std::string create_survey(Context& ctx, const std::string& instrument_key, const std::string& audience = "org");
void set_survey_status(Context& ctx, const SurveyView& survey, const std::string& status);
void set_action_status(Context& ctx, const SurveyActionView& action, const std::string& status);

} // namespace tandem::client
