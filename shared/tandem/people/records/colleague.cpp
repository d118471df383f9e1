// The public card of a manager, mentor or HR admin: the name everyone in the organisation may see, so a
// manager can give feedback to a peer, ask HR or their mentor, and read who wrote a recognition, without
// reading anyone's person record (which holds HR data). The server keeps cards in step with person
// records (SyncService::write_as_server); erasing the person erases their card, as its subject.
#include "tandem/people/records.h"

namespace tandem {

const EntitySpec& colleague_spec() {
    static const EntitySpec spec{
        "colleague",
        {
            FieldSpec::person("person_id").on_create().fixed(),
            FieldSpec::text("name", 200).on_create(),
            FieldSpec::choice("role", {"manager", "hr_admin", "mentor"}).on_create(),
        },
        SubjectRule::PersonField,
        "person_id",
        WriteRule::ServerOnly,
        ReadRule::Everyone,
    };
    return spec;
}

} // namespace tandem
