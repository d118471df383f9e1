// What a user's devices need to derive and verify the key that seals their private notes and journal: salt,
// argon2id cost and a check value (docs/api.md, Sealed text: these may be on the server). Never the key itself.
#include "tandem/journal/records.h"
#include "tandem/base/sealed.h"

namespace tandem {

namespace {
bool is_key_params(std::string_view text) { return KeyParams::decode(text).has_value(); }
}  // namespace

const EntitySpec& sealing_key_spec() {
    static const EntitySpec spec{
        "sealing_key",
        {
            FieldSpec::person("owner_id").on_create().fixed(),
            FieldSpec::shaped_text("params", 1000, is_key_params,
                                   "must be \"argon2id:<ops>:<memory>:<salt>:<sealed check>\" within bounds")
                .on_create(),
        },
        SubjectRule::PersonField,
        "owner_id",
        WriteRule::Owner,
        ReadRule::AuthorOnly,
    };
    return spec;
}

} // namespace tandem
