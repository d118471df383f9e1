// Engagement surveys and training sessions (docs/api.md, Surveys). HR writes them; a manager reads the surveys
// whose audience touches their tree. Answers are not records: they arrive without an account at the server's
// answer endpoints and are kept only as anonymous counts.
#include "tandem/base/ids.h"
#include "tandem/sync/policy.h"
#include "tandem/surveys/records.h"

namespace tandem {

const char* const kSurveyThresholds[2] = {"min_group_size", "min_comment_group_size"};

int64_t survey_threshold(const Json& value) { return value.is_number_integer() ? value.get<int64_t>() : 5; }

namespace {

// "org", or manager person ids separated by commas.
bool is_audience(std::string_view text) { return text == "org" || (!text.empty() && is_id_list(text)); }

// The audience decides who reads the survey and its questions, so it is fixed with the survey and copied
// to each question as the record's addressee (the policy reads it from there).
std::string survey_audience(const Json& fields, const RecordMeta*) {
    auto it = fields.find("audience");
    return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::string audience_of_linked_survey(const Json&, const RecordMeta* survey) {
    return survey ? survey->addressee_id : std::string();
}

// People answered an opened survey under the promise of its thresholds, so from then on these may only
// rise; and a survey that was opened only moves on (draft -> open -> closed): reopening a closed one would
// let answers arrive after its scores were released, and a new round is a new survey.
std::optional<Problem> survey_rule(const RuleContext& rule) {
    const std::string was = rule.existing ? rule.existing->text("status") : std::string();
    const Json status = rule.after("status");
    const std::string will_be = status.is_string() ? status.get<std::string>() : "draft";
    if ((was == "open" && will_be == "draft") || (was == "closed" && will_be != "closed"))
        return Problem{"invalid_change", "a survey that was " + was + " cannot become " + will_be +
                                             " again: start a new survey (a new round) instead"};
    // An open survey whose closing day has passed is closed too (its scores are out): that day stays.
    const std::string closes_on = rule.existing ? rule.existing->text("closes_on") : std::string();
    if (was == "open" && !closes_on.empty() && closes_on < rule.today && rule.after("closes_on") != closes_on)
        return Problem{"invalid_change", "this survey closed on " + closes_on +
                                             " and never reopens: start a new survey (a new round) instead"};
    if (was != "open" && was != "closed") return std::nullopt;
    for (const char* field : kSurveyThresholds) {
        const int64_t before = survey_threshold(rule.before(field)), after = survey_threshold(rule.after(field));
        if (after < before)
            return Problem{"invalid_change", std::string("\"") + field + "\" may only rise once a survey has "
                                             "opened: people answered under the promise of " +
                                             std::to_string(before)};
    }
    return std::nullopt;
}

}  // namespace

const EntitySpec& survey_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "survey",
            {
                FieldSpec::text("title", 200).on_create(),
                FieldSpec::shaped_text("audience", 4000, is_audience,
                                       "must be \"org\" or manager person ids separated by commas")
                    .on_create()
                    .fixed(),
                FieldSpec::integer("min_group_size", 3, 1000),
                FieldSpec::integer("min_comment_group_size", 3, 1000),
                FieldSpec::choice("status", {"draft", "open", "closed"}),
                FieldSpec::record("training_session_id", "training_session").with_null(),
                // The pulse schedule: answers are taken from opens_on to closes_on (inclusive, UTC days)
                // while the status is open; a repeating pulse is a series of rounds, one survey each.
                FieldSpec::date("opens_on").with_null(),
                FieldSpec::date("closes_on").with_null(),
                FieldSpec::integer("repeat_weeks", 0, 52),
                FieldSpec::record("series_id", "survey").with_null().fixed(),
                FieldSpec::integer("round", 1, 1000),
                FieldSpec::text("instrument", 100),  // which library instrument it started from, if any
            },
            SubjectRule::Self,
            "",
            WriteRule::HrOnly,
            ReadRule::SurveyAudience,
        };
        s.addressee = survey_audience;
        s.record_rule = survey_rule;
        return s;
    }();
    return spec;
}

const EntitySpec& survey_question_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "survey_question",
            {
                FieldSpec::record("survey_id", "survey").on_create().fixed(),
                FieldSpec::integer("position", 0, 1000),
                // A kind cannot change under answers already counted by it.
                FieldSpec::choice("kind", {"likert5", "agree7", "scale0_10", "choice", "text"}).on_create().fixed(),
                FieldSpec::text("text", 1000).on_create(),
                FieldSpec::text("choices", 4000),
                FieldSpec::text("theme", 50),
                FieldSpec::boolean("reverse_scored"),
            },
            SubjectRule::ParentRecord,
            "survey_id",
            WriteRule::HrOnly,
            ReadRule::SurveyAudience,
        };
        s.addressee = audience_of_linked_survey;
        s.linked_field = "survey_id";
        return s;
    }();
    return spec;
}

// A session of a training program: the catalogue everyone may read. `facilitator_id` names the person
// running it when they have an account; they may read its session-feedback results.
const EntitySpec& training_session_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "training_session",
            {
                FieldSpec::text("title", 200).on_create(),
                FieldSpec::date("held_on").on_create(),
                FieldSpec::text("facilitator", 200),  // typed by HR: also an external facilitator's name
                FieldSpec::person("facilitator_id").with_null(),
                FieldSpec::record("program_id", "program").with_null(),
                FieldSpec::text("location", 200),
                FieldSpec::boolean("cancelled"),
            },
            SubjectRule::Self,
            "",
            WriteRule::HrOnly,
            ReadRule::Everyone,
        };
        s.typed_name_fields = {{"facilitator", "facilitator_id"}};
        return s;
    }();
    return spec;
}

// An action a manager commits to after reading results: a focus (a theme or a question), what will be
// done, by whom and when. It reaches the owner's next 1:1 agenda and the manager's home screen until done;
// HR reads every team's to see progress.
const EntitySpec& survey_action_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "survey_action",
            {
                FieldSpec::person("manager_id").on_create().fixed(),
                FieldSpec::record("survey_id", "survey").on_create().fixed(),
                FieldSpec::text("focus", 100).on_create(),
                FieldSpec::text("focus_label", 1000),
                FieldSpec::text("title", 500).on_create(),
                FieldSpec::person("owner_id").on_create(),
                FieldSpec::date("due_on").on_create(),
                FieldSpec::choice("status", {"planned", "in_progress", "done"}),
                FieldSpec::date("done_on").with_null(),
            },
            SubjectRule::PersonField,
            "manager_id",
            WriteRule::Owner,
            ReadRule::AuthorOrHr,
        };
        s.assignee_field = "owner_id";
        return s;
    }();
    return spec;
}

// Who came to a session, as HR records it; erased with the person.
const EntitySpec& session_attendance_spec() {
    static const EntitySpec spec{
        "session_attendance",
        {
            FieldSpec::record("session_id", "training_session").on_create().fixed(),
            FieldSpec::person("person_id").on_create().fixed(),
            FieldSpec::boolean("attended"),
        },
        SubjectRule::PersonField,
        "person_id",
        WriteRule::HrOnly,
        ReadRule::AuthorOrHr,
    };
    return spec;
}

} // namespace tandem
