// Executive mentoring (docs/api.md, Mentoring). HR pairs a manager (the subject) with a mentor (the addressee);
// the pair logs sessions. That a session happened, and when, is for the pair and HR; what was said (notes,
// proposed topics) is in records only the pair can read, which the server never sends to HR.
#include "tandem/sync/policy.h"
#include "tandem/partnership/records.h"

namespace tandem {

namespace {
std::string mentor_of_pair(const Json& fields, const RecordMeta*) {
    auto it = fields.find("mentor_id");
    return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::string addressee_of_linked(const Json&, const RecordMeta* linked) {
    return linked ? linked->addressee_id : std::string();
}
}  // namespace

const EntitySpec& mentoring_pair_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "mentoring_pair",
            {
                FieldSpec::person("mentee_id").on_create().fixed(),
                FieldSpec::person("mentor_id").on_create().fixed(),
                // Copied names: neither side may read the other's person record.
                FieldSpec::text("mentee_name", 200).on_create().fixed(),
                FieldSpec::text("mentor_name", 200).on_create().fixed(),
                FieldSpec::integer("cadence_days", 7, 180).on_create(),
                FieldSpec::date("started_on").on_create(),
                FieldSpec::date("ended_on").with_null(),
            },
            SubjectRule::PersonField,
            "mentee_id",
            WriteRule::HrOnly,
            ReadRule::PairOrHr,
        };
        s.addressee = mentor_of_pair;
        s.name_fields = {{"mentee_name", "mentee_id"}, {"mentor_name", "mentor_id"}};
        s.role_fields = {{"mentee_id", Role::Manager}, {"mentor_id", Role::Mentor}};
        return s;
    }();
    return spec;
}

const EntitySpec& mentoring_session_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "mentoring_session",
            {
                FieldSpec::record("pair_id", "mentoring_pair").on_create().fixed(),
                FieldSpec::date("held_on").on_create(),
                FieldSpec::integer("minutes", 0, 600).with_null(),
            },
            SubjectRule::ParentRecord,
            "pair_id",
            WriteRule::PairMember,
            ReadRule::PairOrHr,
        };
        s.addressee = addressee_of_linked;
        s.linked_field = "pair_id";
        return s;
    }();
    return spec;
}

// What was said in a session: the pair's alone.
const EntitySpec& mentoring_note_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "mentoring_note",
            {
                FieldSpec::record("session_id", "mentoring_session").on_create().fixed(),
                FieldSpec::text("text", 20000).on_create(),
            },
            SubjectRule::ParentRecord,
            "session_id",
            WriteRule::PairMember,
            ReadRule::Pair,
        };
        s.addressee = addressee_of_linked;
        s.linked_field = "session_id";
        return s;
    }();
    return spec;
}

// A topic the mentee (or the mentor) wants to talk about; ticked once discussed.
const EntitySpec& mentoring_topic_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "mentoring_topic",
            {
                FieldSpec::record("pair_id", "mentoring_pair").on_create().fixed(),
                FieldSpec::text("text", 2000).on_create(),
                FieldSpec::boolean("discussed"),
            },
            SubjectRule::ParentRecord,
            "pair_id",
            WriteRule::PairMember,
            ReadRule::Pair,
        };
        s.addressee = addressee_of_linked;
        s.linked_field = "pair_id";
        return s;
    }();
    return spec;
}

} // namespace tandem
