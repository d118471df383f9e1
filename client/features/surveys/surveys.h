#pragma once
// Engagement surveys, action planning, training sessions and kiosk mode (docs/features.md, Surveys): HR authors
// surveys from the instrument library, exports answer links and registers kiosks; HR and managers read results
// where anonymity allows and managers commit actions that reach their 1:1s.
#include <string>

#include "tandem/surveys/survey_views.h"

namespace tandem::client {
class App;
class Registry;

inline constexpr const char* kSurveysScreen = "surveys";
inline constexpr const char* kSurveyEditorScreen = "surveys/editor";
inline constexpr const char* kSurveyResultsScreen = "surveys/results";
inline constexpr const char* kSessionsScreen = "surveys/sessions";

void register_surveys(Registry& registry);
// Surveys, training sessions and survey actions as this device holds them, rebuilt when data changed.
const SurveyWorld& surveys_on_device();
// Opens the editor or the results (`screen`) on one survey; the results open on the reader's own group.
void open_survey(App& app, const std::string& survey_id, const char* screen);

void draw_surveys_screen(App& app);         // the list: HR's every survey, a manager's own
void draw_survey_editor_screen(App& app);   // HR: questions, audience, thresholds, schedule, links, kiosk
void draw_survey_results_screen(App& app);  // figures by group, heatmap, trend, comments, actions
void draw_sessions_screen(App& app);        // HR: training sessions, attendance, session survey
void draw_kiosk_screen(App& app);           // the whole app on a registered kiosk

// Pieces other screens show: a manager's open survey actions (home screen) and those a report owns
// (that report's 1:1 agenda).
void draw_open_survey_actions(App& app);
void draw_agenda_survey_actions(App& app, const std::string& report_id);

// Shared by the survey screens (survey_widgets.cpp).
std::string group_label(App& app, const std::string& group);  // "Maya Chen's team"
std::string phase_label(const std::string& phase);             // "Open", "Draft"...
std::string theme_label(const std::string& theme);             // "Psychological safety"
// Starts a draft from an instrument of the library (or an empty one for ""), opens it in the editor. The
// audience is "org" or manager ids separated by commas; it is fixed once the survey exists.
std::string create_survey(App& app, const std::string& instrument_key, const std::string& audience = "org");
void set_survey_status(App& app, const SurveyView& survey, const std::string& status);
void set_action_status(App& app, const SurveyActionView& action, const std::string& status);

} // namespace tandem::client
