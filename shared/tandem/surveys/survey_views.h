#pragma once
// Read model of surveys, training sessions and survey actions as one user's device holds them: HR sees
// every survey, a manager those whose audience touches their tree (the server filters pulls).
#include <string>
#include <vector>

#include "tandem/sync/org_chart.h"
#include "tandem/sync/store.h"
#include "tandem/surveys/survey_scoring.h"

namespace tandem {

struct SurveyView {
    std::string survey_id, title, audience, status, opens_on, closes_on, training_session_id, series_id,
        instrument;
    int64_t min_group_size = 5, min_comment_group_size = 5, repeat_weeks = 0, round = 1;
    std::vector<survey::Question> questions;  // by position
    // The rounds of a repeating pulse share a series: the first round's id.
    std::string series() const { return series_id.empty() ? survey_id : series_id; }
    // draft, scheduled (open but before opens_on), open, or closed (closed, or open past closes_on).
    std::string phase(const std::string& today) const;
    // The themes its questions measure, in first-asked order (engagement, psych_safety, enps, HR's own).
    std::vector<std::string> themes() const;
};

struct TrainingSessionView {
    std::string session_id, title, held_on, facilitator, facilitator_id, location;
    bool cancelled = false;
    struct Attendance {
        std::string record_id, person_id;
        bool attended = false;
    };
    std::vector<Attendance> attendance;
    int attended() const;
};

struct SurveyActionView {
    std::string action_id, manager_id, survey_id, focus, focus_label, title, owner_id, due_on, status, done_on;
    bool done() const { return status == "done"; }
    bool overdue(const std::string& today) const { return !done() && !due_on.empty() && due_on < today; }
};

struct SurveyWorld {
    std::vector<SurveyView> surveys;               // newest round first
    std::vector<TrainingSessionView> sessions;     // soonest first
    std::vector<SurveyActionView> actions;         // open first, then by due date
    const SurveyView* find(const std::string& survey_id) const;
    const TrainingSessionView* find_session(const std::string& session_id) const;
    // Every round of a series, oldest first.
    std::vector<const SurveyView*> rounds_of(const std::string& series) const;
    // Open actions owned by `person_id`: what reaches that person's next 1:1.
    std::vector<const SurveyActionView*> open_actions_for(const std::string& person_id) const;
};

SurveyWorld build_survey_world(Store& store);

// The pieces both the device's views and the server read a survey with: its own fields (questions left
// empty), one question record, and the order questions are asked in.
SurveyView survey_fields_of(const RecordState& survey);
std::optional<survey::Question> question_of(const RecordState& question);
void sort_questions(std::vector<survey::Question>& questions);

// The fields of the next round of a repeating pulse: the same questions, opening `repeat_weeks` after this
// round opened. Empty when the survey does not repeat or has no opening date.
struct NextRound {
    Json survey_fields;
    std::vector<Json> question_fields;  // survey_id to be filled in
};
std::optional<NextRound> next_round(const SurveyView& survey);

// Whether a survey's audience ("org", or manager ids whose whole trees are invited) invites this manager's
// team: answer links and results are only for invited teams.
bool survey_invites_team(const std::string& audience, const std::string& manager_id, const OrgChart& org);

} // namespace tandem
