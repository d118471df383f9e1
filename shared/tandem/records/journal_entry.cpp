// One entry of a manager's reflection journal: the prompt answered, the answer sealed on the device, and
// an optional 1-5 rating of themself that the journal screen draws as a trend. Only its author reads it.
#include "tandem/records/records.h"

namespace tandem {

const EntitySpec& journal_entry_spec() {
    static const EntitySpec spec{
        "journal_entry",
        {
            FieldSpec::person("owner_id").on_create().fixed(),
            FieldSpec::date("written_on").on_create(),
            FieldSpec::text("prompt", 500),
            FieldSpec::sealed_text("text", 40000).on_create(),
            FieldSpec::integer("self_rating", 1, 5).with_null(),
        },
        SubjectRule::PersonField,
        "owner_id",
        WriteRule::Owner,
        ReadRule::AuthorOnly,
    };
    return spec;
}

} // namespace tandem
