// HR programs and the managers' part in designing them (docs/api.md, Programs). HR writes the program;
// managers, mentors and HR discuss it in threads, rate it and vote on proposals. How far each team has taken it
// up is never typed in: program_views.h derives it from the 1:1s, guides and sessions the program links.
#include "tandem/base/ids.h"
#include "tandem/sync/policy.h"
#include "tandem/partnership/records.h"

namespace tandem {

namespace {

constexpr const char* kIdListRule = "must be record ids separated by commas";

const std::vector<std::string>& stages() {
    static const std::vector<std::string> names{"idea", "design", "pilot", "rollout", "review"};
    return names;
}

}  // namespace

const EntitySpec& program_spec() {
    static const EntitySpec spec{
        "program",
        {
            FieldSpec::text("title", 200).on_create(),
            FieldSpec::text("goal", 4000),
            FieldSpec::choice("stage", stages()).on_create(),
            FieldSpec::shaped_text("owner_ids", 2000, is_id_list, kIdListRule),
            FieldSpec::shaped_text("guide_ids", 4000, is_id_list, kIdListRule),
            FieldSpec::shaped_text("survey_ids", 4000, is_id_list, kIdListRule),
            FieldSpec::date("starts_on").with_null(),  // adoption is measured from here
        },
        SubjectRule::Self,
        "",
        WriteRule::HrOnly,
        ReadRule::Staff,
    };
    return spec;
}

// A comment or a proposal on a program, in the stage the program was in; `reply_to` threads it.
const EntitySpec& program_comment_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
        "program_comment",
        {
            FieldSpec::record("program_id", "program").on_create().fixed(),
            // Names are copied: a manager reads no other manager's person record, yet sees who said what.
            FieldSpec::person("author_id").on_create().fixed(),
            FieldSpec::text("author_name", 200).on_create().fixed(),
            FieldSpec::record("reply_to", "program_comment").with_null().fixed(),
            FieldSpec::choice("stage", stages()).on_create().fixed(),
            FieldSpec::choice("kind", {"comment", "proposal"}).on_create().fixed(),
            FieldSpec::text("text", 4000).on_create(),
        },
        SubjectRule::ParentRecord,
        "program_id",
        WriteRule::Participant,
        ReadRule::Staff,
        };
        s.author_field = "author_id";
        s.name_fields = {{"author_name", "author_id"}};
        return s;
    }();
    return spec;
}

// One person's view of a program in a stage: how useful (1-5) and what it would cost them each month.
// Seen by its author and HR, who reads the spread.
const EntitySpec& program_rating_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
        "program_rating",
        {
            FieldSpec::record("program_id", "program").on_create().fixed(),
            FieldSpec::person("rater_id").on_create().fixed(),
            FieldSpec::choice("stage", stages()).on_create().fixed(),
            FieldSpec::integer("usefulness", 1, 5).on_create(),
            FieldSpec::integer("minutes_per_month", 0, 10000).on_create(),
        },
        SubjectRule::ParentRecord,
        "program_id",
        WriteRule::Participant,
        ReadRule::AuthorOrHr,
        };
        s.author_field = "rater_id";
        return s;
    }();
    return spec;
}

// For or against a proposal; everyone taking part sees the count.
const EntitySpec& program_vote_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
        "program_vote",
        {
            FieldSpec::record("proposal_id", "program_comment").on_create().fixed(),
            FieldSpec::person("voter_id").on_create().fixed(),
            FieldSpec::boolean("in_favour").on_create(),
        },
        SubjectRule::ParentRecord,
        "proposal_id",
        WriteRule::Participant,
        ReadRule::Staff,
        };
        s.author_field = "voter_id";
        return s;
    }();
    return spec;
}

} // namespace tandem
