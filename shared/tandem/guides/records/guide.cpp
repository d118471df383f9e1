// A conversation template or a playbook HR offers every manager. The guide names its current version;
// each published version is its own guide_version record and never changes, so a 1:1 that used version 2
// still shows version 2 after HR publishes version 3.
#include "tandem/guides/records.h"

namespace tandem {

const EntitySpec& guide_spec() {
    static const EntitySpec spec{
        "guide",
        {
            FieldSpec::choice("kind", {"template", "playbook"}).on_create().fixed(),
            FieldSpec::text("title", 200).on_create(),
            FieldSpec::text("topic", 100),
            FieldSpec::record("current_version_id", "guide_version").with_null(),
            FieldSpec::boolean("archived"),
        },
        SubjectRule::Self,
        "",
        WriteRule::HrOnly,
        ReadRule::Everyone,
    };
    return spec;
}

// One published version: its text is fixed once written. `body` holds one prompt per line for a template;
// for a playbook, lines starting "# " open a step and lines starting "- " are that step's checklist.
const EntitySpec& guide_version_spec() {
    static const EntitySpec spec{
        "guide_version",
        {
            FieldSpec::record("guide_id", "guide").on_create().fixed(),
            FieldSpec::integer("version", 1, 100000).on_create().fixed(),
            FieldSpec::text("title", 200).on_create().fixed(),
            FieldSpec::text("body", 20000).on_create().fixed(),
        },
        SubjectRule::ParentRecord,
        "guide_id",
        WriteRule::HrOnly,
        ReadRule::Everyone,
    };
    return spec;
}

// A manager's verdict on a guide: how useful (1-5), what it cost (minutes), and a comment. Seen by its
// author and by HR, who read them per guide.
const EntitySpec& guide_feedback_spec() {
    static const EntitySpec spec{
        "guide_feedback",
        {
            FieldSpec::person("owner_id").on_create().fixed(),
            FieldSpec::record("guide_id", "guide").on_create().fixed(),
            FieldSpec::integer("usefulness", 1, 5).with_null(),
            FieldSpec::integer("minutes", 0, 600).with_null(),
            FieldSpec::text("comment", 2000),
        },
        SubjectRule::PersonField,
        "owner_id",
        WriteRule::Owner,
        ReadRule::AuthorOrHr,
    };
    return spec;
}

} // namespace tandem
