// Answers are added the way the answer endpoint adds them (record_respondent, counted for the team and
// the organisation); the demo teams are small, so its surveys use the lowest threshold allowed, 3.
#include "demo/demo_surveys.h"

#include "demo/demo_org.h"
#include "surveys/survey_store.h"
#include "store/server_schema.h"
#include "tandem/base/dates.h"
#include "tandem/base/ids.h"
#include "tandem/surveys/survey_instruments.h"
#include "tandem/sync/sync_service.h"

namespace tandem::server {

namespace {

struct Round {
    int number;
    int opened_days_ago, closes_in_days;
    const char* status;
};

// A respondent's answers: engagement items lean on `mood`, the rest follow from it.
std::vector<survey::Answer> answers_for(const std::vector<survey::Question>& questions, int mood, int person) {
    std::vector<survey::Answer> answers;
    for (const auto& question : questions) {
        switch (question.kind) {
        case survey::Kind::Likert5: answers.push_back({question.id, std::to_string(std::clamp(mood + person % 2, 1, 5))}); break;
        case survey::Kind::Agree7: {
            const int agree = std::clamp(mood + 1 + person % 3 - 1, 1, 7);
            answers.push_back({question.id, std::to_string(question.reverse_scored ? 8 - agree : agree)});
            break;
        }
        case survey::Kind::Scale0to10: answers.push_back({question.id, std::to_string(std::clamp(mood * 2 + person % 3, 0, 10))}); break;
        case survey::Kind::Text:
            if (person % 2 == 0)
                answers.push_back({question.id, mood >= 4 ? "Clear priorities this quarter, keep it up."
                                                          : "Too many meetings leave little time to focus."});
            break;
        case survey::Kind::Choice: break;
        }
    }
    return answers;
}

std::vector<Change> survey_changes(HlcClock& clock, uint64_t now, const std::string& survey_id, Json fields,
                                   const char* instrument_keys[], size_t count, std::vector<survey::Question>& out) {
    std::vector<Change> changes{server_change(clock, now, "survey", survey_id, std::move(fields))};
    int position = 0;
    for (size_t i = 0; i < count; ++i) {
        const auto* instrument = survey::find_instrument(instrument_keys[i]);
        for (const auto& item : instrument->items) {
            position += 10;
            Json question{{"survey_id", survey_id}, {"position", position}, {"kind", item.kind},
                          {"text", item.text}, {"theme", item.theme}, {"reverse_scored", item.reverse_scored}};
            if (*item.choices) question["choices"] = item.choices;
            const std::string id = new_uuid_v7(now);
            changes.push_back(server_change(clock, now, "survey_question", id, question));
            out.push_back(*survey::question_from_fields(id, question));
        }
    }
    return changes;
}

}  // namespace

void add_demo_surveys(Store& store, std::map<std::string, std::string>& ids, HlcClock& clock, uint64_t now) {
    migrate_server_schema(store);
    SyncService sync(store);
    const std::string today = iso_from_days(int64_t(now / 86'400'000));
    const char* pulse[] = {"engagement", "enps", "psych_safety"};
    std::string series;
    for (const Round& round : {Round{1, 189, -175, "closed"}, Round{2, 98, -84, "closed"}, Round{3, 7, 14, "open"}}) {
        const std::string id = new_uuid_v7(now);
        if (series.empty()) series = id;
        Json fields{{"title", "Quarterly pulse"}, {"audience", "org"}, {"status", round.status},
                    {"min_group_size", 3}, {"min_comment_group_size", 3},
                    {"opens_on", add_days(today, -round.opened_days_ago)},
                    {"closes_on", add_days(today, round.closes_in_days)}, {"repeat_weeks", 13},
                    {"round", round.number}, {"instrument", "engagement"}};
        if (round.number > 1) fields["series_id"] = series;
        std::vector<survey::Question> questions;
        sync.write_as_server(survey_changes(clock, now, id, fields, pulse, 3, questions), ids["hr"]);
        auto definition = load_survey(store, id);
        // Maya's team a little happier in the open round; Noah's the same. Operations answered the closed
        // rounds: Priya's team (who keeps weekly 1:1s) happier each time, Lars's (who lets them slip) less so.
        const bool open = round.number == 3, first = round.number == 1;
        const struct {
            const char* manager;
            int people, mood;
        } teams[] = {{"manager1", open ? 3 : 4, open ? 4 : 3}, {"manager2", 3, 3},
                     {"director2", open ? 0 : 3, 3},      {"ops1", open ? 0 : 5, 4},
                     {"ops2", open ? 0 : 5, first ? 3 : 2}, {"ops3", open ? 0 : 5, 3}};
        for (const auto& team : teams)
            for (int person = 0; person < team.people; ++person)
                record_respondent(store, *definition, answers_for(questions, team.mood, person),
                                  {survey::team_group(ids[team.manager]), "org"}, add_days(today, -round.opened_days_ago + 1));
    }

    const std::string session = new_uuid_v7(now);
    sync.write_as_server({server_change(clock, now, "training_session", session,
                                        {{"title", "Coaching conversations"}, {"held_on", today},
                                         {"facilitator", "Noah Okafor"}, {"facilitator_id", ids["manager2"]},
                                         {"location", "Room 2"}, {"cancelled", false}})},
                         ids["hr"]);
    const char* feedback[] = {"session_feedback"};
    std::vector<survey::Question> questions;
    sync.write_as_server(survey_changes(clock, now, new_uuid_v7(now),
                                        {{"title", "Feedback: Coaching conversations"}, {"audience", "org"},
                                         {"status", "open"}, {"min_group_size", 5}, {"min_comment_group_size", 5},
                                         {"opens_on", today}, {"training_session_id", session}, {"round", 1},
                                         {"repeat_weeks", 0}, {"instrument", "session_feedback"}},
                                        feedback, 1, questions),
                         ids["hr"]);
}

} // namespace tandem::server
