// A manager's own note on a check-in. Never shown to anyone but its author: not the report, not HR, and
// sealed on the device, so not even the server can read it.
#include "tandem/one_on_ones/records.h"

namespace tandem {

const EntitySpec& private_note_spec() {
    static const EntitySpec spec{
        "private_note",
        {
            FieldSpec::record("checkin_id", "checkin").on_create().fixed(),
            FieldSpec::sealed_text("text", 40000).on_create(),
        },
        SubjectRule::ParentRecord,
        "checkin_id",
        WriteRule::AuthorOfParent,
        ReadRule::AuthorOnly,
    };
    return spec;
}

} // namespace tandem
