// A follow-up agreed in a check-in. It belongs to its check-in (and so to the check-in's author and report);
// open items roll into the next 1:1, computed when that meeting is opened, never copied.
#include "tandem/one_on_ones/records.h"

namespace tandem {

const EntitySpec& action_item_spec() {
    static const EntitySpec spec{
        "action_item",
        {
            FieldSpec::record("checkin_id", "checkin").on_create().fixed(),
            FieldSpec::text("text", 2000).on_create(),
            FieldSpec::person("owner_id").with_null(),
            FieldSpec::date("due_on").with_null(),
            FieldSpec::boolean("done"),
        },
        SubjectRule::ParentRecord,
        "checkin_id",
        WriteRule::AuthorOfParent,
        ReadRule::AuthorManagesSubject,
    };
    return spec;
}

} // namespace tandem
