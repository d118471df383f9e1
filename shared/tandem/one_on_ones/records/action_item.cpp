// A follow-up agreed in a check-in. It belongs to its check-in (and so to the check-in's author and report);
// open items roll into the next 1:1, computed when that meeting is opened, never copied. `done_in` names
// the later 1:1 where a carried item was ticked, so that 1:1 keeps it (and can undo it).
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
            FieldSpec::record("done_in", "checkin").with_null(),
        },
        SubjectRule::ParentRecord,
        "checkin_id",
        WriteRule::AuthorOfParent,
        ReadRule::AuthorManagesSubject,
    };
    return spec;
}

} // namespace tandem
