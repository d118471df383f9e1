#include "tandem/surveys/survey_views.h"

#include <algorithm>

#include "tandem/base/dates.h"
#include "tandem/base/ids.h"

namespace tandem {

std::string SurveyView::phase(const std::string& today) const {
    if (status == "draft" || status.empty()) return "draft";
    if (status == "closed" || (!closes_on.empty() && today > closes_on)) return "closed";
    if (!opens_on.empty() && today < opens_on) return "scheduled";
    return "open";
}

std::vector<std::string> SurveyView::themes() const {
    std::vector<std::string> found;
    for (const auto& question : questions)
        if (!question.theme.empty() && std::find(found.begin(), found.end(), question.theme) == found.end())
            found.push_back(question.theme);
    return found;
}

int TrainingSessionView::attended() const {
    return int(std::count_if(attendance.begin(), attendance.end(), [](const Attendance& a) { return a.attended; }));
}

const SurveyView* SurveyWorld::find(const std::string& survey_id) const {
    for (const auto& survey : surveys)
        if (survey.survey_id == survey_id) return &survey;
    return nullptr;
}

const TrainingSessionView* SurveyWorld::find_session(const std::string& session_id) const {
    for (const auto& session : sessions)
        if (session.session_id == session_id) return &session;
    return nullptr;
}

std::vector<const SurveyView*> SurveyWorld::rounds_of(const std::string& series) const {
    std::vector<const SurveyView*> rounds;
    for (const auto& survey : surveys)
        if (survey.series() == series) rounds.push_back(&survey);
    std::sort(rounds.begin(), rounds.end(), [](const SurveyView* a, const SurveyView* b) {
        return a->round != b->round ? a->round < b->round : a->survey_id < b->survey_id;
    });
    return rounds;
}

std::vector<const SurveyActionView*> SurveyWorld::open_actions_for(const std::string& person_id) const {
    std::vector<const SurveyActionView*> open;
    for (const auto& action : actions)
        if (action.owner_id == person_id && !action.done()) open.push_back(&action);
    return open;
}

namespace {
int64_t integer(const RecordState& state, const char* name, int64_t fallback) {
    const Json value = state.value(name);
    return value.is_number_integer() ? value.get<int64_t>() : fallback;
}
}  // namespace

SurveyView survey_fields_of(const RecordState& s) {
    SurveyView view;
    view.survey_id = s.record_id;
    view.title = s.text("title");
    view.audience = s.text("audience");
    view.status = s.text("status").empty() ? "draft" : s.text("status");
    view.opens_on = s.text("opens_on");
    view.closes_on = s.text("closes_on");
    view.training_session_id = s.text("training_session_id");
    view.series_id = s.text("series_id");
    view.instrument = s.text("instrument");
    view.min_group_size = integer(s, "min_group_size", 5);
    // Comments never need fewer people than numbers do, whatever was stored.
    view.min_comment_group_size = std::max(integer(s, "min_comment_group_size", 5), view.min_group_size);
    view.repeat_weeks = integer(s, "repeat_weeks", 0);
    view.round = integer(s, "round", 1);
    return view;
}

std::optional<survey::Question> question_of(const RecordState& record) {
    Json fields = Json::object();
    for (const char* name : {"kind", "text", "choices", "theme", "reverse_scored", "position"})
        fields[name] = record.value(name);
    return survey::question_from_fields(record.record_id, fields);
}

void sort_questions(std::vector<survey::Question>& questions) {
    std::sort(questions.begin(), questions.end(), [](const survey::Question& a, const survey::Question& b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });
}

SurveyWorld build_survey_world(Store& store) {
    SurveyWorld world;
    for (const auto& record : store.records_of("survey"))
        if (!record.state.deleted) world.surveys.push_back(survey_fields_of(record.state));
    for (const auto& record : store.records_of("survey_question")) {
        if (record.state.deleted) continue;
        auto question = question_of(record.state);
        if (!question) continue;
        for (auto& survey : world.surveys)
            if (survey.survey_id == record.state.text("survey_id")) survey.questions.push_back(*question);
    }
    for (auto& survey : world.surveys) sort_questions(survey.questions);
    std::sort(world.surveys.begin(), world.surveys.end(), [](const SurveyView& a, const SurveyView& b) {
        const std::string& da = a.opens_on.empty() ? a.survey_id : a.opens_on;
        const std::string& db = b.opens_on.empty() ? b.survey_id : b.opens_on;
        return da != db ? da > db : a.survey_id > b.survey_id;
    });

    for (const auto& record : store.records_of("training_session")) {
        if (record.state.deleted) continue;
        const RecordState& s = record.state;
        TrainingSessionView view{s.record_id,       s.text("title"),    s.text("held_on"), s.text("facilitator"),
                                 s.text("facilitator_id"), s.text("location"), s.value("cancelled") == true, {}};
        world.sessions.push_back(std::move(view));
    }
    for (const auto& record : store.records_of("session_attendance")) {
        if (record.state.deleted) continue;
        for (auto& session : world.sessions)
            if (session.session_id == record.state.text("session_id"))
                session.attendance.push_back({record.state.record_id, record.state.text("person_id"),
                                              record.state.value("attended") == true});
    }
    std::sort(world.sessions.begin(), world.sessions.end(), [](const auto& a, const auto& b) {
        return a.held_on != b.held_on ? a.held_on < b.held_on : a.session_id < b.session_id;
    });

    for (const auto& record : store.records_of("survey_action")) {
        if (record.state.deleted) continue;
        const RecordState& s = record.state;
        world.actions.push_back(SurveyActionView{s.record_id, s.text("manager_id"), s.text("survey_id"),
                                                 s.text("focus"), s.text("focus_label"), s.text("title"),
                                                 s.text("owner_id"), s.text("due_on"),
                                                 s.text("status").empty() ? "planned" : s.text("status"),
                                                 s.text("done_on")});
    }
    std::sort(world.actions.begin(), world.actions.end(), [](const auto& a, const auto& b) {
        if (a.done() != b.done()) return !a.done();
        return a.due_on != b.due_on ? a.due_on < b.due_on : a.action_id < b.action_id;
    });
    return world;
}

std::optional<NextRound> next_round(const SurveyView& survey) {
    if (survey.repeat_weeks <= 0 || survey.opens_on.empty()) return std::nullopt;
    NextRound next;
    const int64_t shift = survey.repeat_weeks * 7;
    next.survey_fields = Json{{"title", survey.title},
                              {"audience", survey.audience},
                              {"min_group_size", survey.min_group_size},
                              {"min_comment_group_size", survey.min_comment_group_size},
                              {"status", "open"},
                              {"opens_on", add_days(survey.opens_on, shift)},
                              {"closes_on", survey.closes_on.empty() ? Json() : Json(add_days(survey.closes_on, shift))},
                              {"repeat_weeks", survey.repeat_weeks},
                              {"series_id", survey.series()},
                              {"round", survey.round + 1},
                              {"instrument", survey.instrument}};
    for (const auto& question : survey.questions) {
        Json fields{{"position", question.position},
                    {"kind", survey::to_string(question.kind)},
                    {"text", question.text},
                    {"theme", question.theme},
                    {"reverse_scored", question.reverse_scored}};
        if (question.kind == survey::Kind::Choice) {
            std::string lines;
            for (const auto& choice : question.choices) lines += (lines.empty() ? "" : "\n") + choice;
            fields["choices"] = lines;
        }
        next.question_fields.push_back(std::move(fields));
    }
    return next;
}

bool survey_invites_team(const std::string& audience, const std::string& manager_id, const OrgChart& org) {
    if (audience == "org") return true;
    for (const auto& invited : split_ids(audience))
        if (invited == manager_id || org.manages(invited, manager_id)) return true;
    return false;
}

} // namespace tandem
