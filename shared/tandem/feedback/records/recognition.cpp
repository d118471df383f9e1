// Recognition and culture champions (docs/api.md, Feedback and recognition): public praise everyone reads on
// the wall, nominations of a champion that only HR reads, and the champion HR puts in the spotlight for
// everyone. The name of the person recognised is copied in, checked against the org chart, because a wall shows
// people the reader has no person record of; it is erased with them, as they are the subject.
//
// Who writes them (shared/tandem/sync/policy.cpp, WriteRule::Colleague): anyone signed in may recognise anyone
// else, employees included; nominations come from managers, mentors and HR only.
#include "tandem/feedback/records.h"

namespace tandem {

std::vector<FieldSpec> situation_behaviour_impact();

namespace {
// An employee has no colleague card, so readers outside their line would see no giver: the giver's name is
// copied in as well. Optional (devices from before it send none, and then the card names the giver), but
// when given it must be the writer's own name as their person record holds it.
std::optional<Problem> giver_named_truly(const RuleContext& rule) {
    const Json name = rule.after("from_name");
    if (rule.existing || !name.is_string() || name.get<std::string>().empty()) return std::nullopt;
    const Json from = rule.after("from_id");
    const auto giver = from.is_string() ? rule.load(from.get<std::string>()) : std::nullopt;
    if (!giver || giver->entity != "person" || giver->text("name") != name.get<std::string>())
        return Problem{"invalid_change", "field \"from_name\" must be your name as your person record holds it"};
    return std::nullopt;
}
}  // namespace

const EntitySpec& recognition_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "recognition",
            {
                FieldSpec::person("from_id").on_create().fixed(),
                FieldSpec::person("about_id").on_create().fixed(),
                FieldSpec::text("about_name", 200).on_create().fixed(),
                FieldSpec::text("from_name", 200).fixed(),
                FieldSpec::record("value_tag_id", "value_tag").with_null(),
                FieldSpec::date("given_on").on_create(),
            },
            SubjectRule::PersonField,
            "about_id",
            WriteRule::Colleague,
            ReadRule::Everyone,
        };
        for (auto& field : situation_behaviour_impact()) s.fields.push_back(field);
        s.author_field = "from_id";
        s.name_fields = {{"about_name", "about_id"}};
        // Checked by giver_named_truly rather than as a name field, so it may be absent; erased with the giver.
        s.typed_name_fields = {{"from_name", "from_id"}};
        s.record_rule = giver_named_truly;
        return s;
    }();
    return spec;
}

// "This person lives our value": seen by its writer and HR, who choose whom to spotlight.
const EntitySpec& nomination_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "nomination",
            {
                FieldSpec::person("from_id").on_create().fixed(),
                FieldSpec::person("about_id").on_create().fixed(),
                FieldSpec::text("about_name", 200).on_create().fixed(),
                FieldSpec::record("value_tag_id", "value_tag").on_create(),
                FieldSpec::text("reason", 2000).on_create(),
                FieldSpec::date("nominated_on").on_create(),
            },
            SubjectRule::PersonField,
            "about_id",
            WriteRule::Colleague,
            ReadRule::AuthorOrHr,
        };
        s.author_field = "from_id";
        s.name_fields = {{"about_name", "about_id"}};
        return s;
    }();
    return spec;
}

// A culture champion HR shows to everyone; `ended` takes it down and keeps it in the history.
const EntitySpec& spotlight_spec() {
    static const EntitySpec spec = [] {
        EntitySpec s{
            "spotlight",
            {
                FieldSpec::person("about_id").on_create().fixed(),
                FieldSpec::text("about_name", 200).on_create().fixed(),
                FieldSpec::record("value_tag_id", "value_tag").with_null(),
                FieldSpec::text("message", 2000).on_create(),
                FieldSpec::record("nomination_id", "nomination").with_null().fixed(),
                FieldSpec::date("since").on_create(),
                FieldSpec::boolean("ended"),
            },
            SubjectRule::PersonField,
            "about_id",
            WriteRule::HrOnly,
            ReadRule::Everyone,
        };
        s.name_fields = {{"about_name", "about_id"}};
        return s;
    }();
    return spec;
}

} // namespace tandem
