// One entry of a manager's reflection journal: the prompt answered, the answer sealed on the device, and
// an optional 1-5 rating of themself that the journal screen draws as a trend. Only its author reads it.
#include <algorithm>

#include "tandem/journal/journal_views.h"
#include "tandem/journal/records.h"

namespace tandem {

namespace {
// The prompt is stored unsealed, so it may only be one of the journal's own prompts: free text there would
// be words of the manager that the server (and an HR export) could read.
bool is_reflection_prompt(std::string_view text) {
    const auto& prompts = reflection_prompts();
    return text.empty() || std::find(prompts.begin(), prompts.end(), text) != prompts.end();
}
}  // namespace

const EntitySpec& journal_entry_spec() {
    static const EntitySpec spec{
        "journal_entry",
        {
            FieldSpec::person("owner_id").on_create().fixed(),
            FieldSpec::date("written_on").on_create(),
            FieldSpec::shaped_text("prompt", 500, is_reflection_prompt,
                                   "must be one of the journal's prompts, or empty"),
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
