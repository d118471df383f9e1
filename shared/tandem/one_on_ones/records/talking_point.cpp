// A point on a 1:1's agenda: the manager's own, or a prompt taken from a template or playbook. Ticked off
// when discussed; `position` orders the agenda. Belongs to its check-in like an action item does.
#include "tandem/one_on_ones/records.h"

namespace tandem {

const EntitySpec& talking_point_spec() {
    static const EntitySpec spec{
        "talking_point",
        {
            FieldSpec::record("checkin_id", "checkin").on_create().fixed(),
            FieldSpec::text("text", 1000).on_create(),
            FieldSpec::integer("position", 0, 1000000).on_create(),
            FieldSpec::boolean("done"),
            FieldSpec::text("source", 200),  // where a prompt came from ("Career development v2"); empty: own
            FieldSpec::record("guide_version_id", "guide_version").with_null().fixed(),  // the version used
        },
        SubjectRule::ParentRecord,
        "checkin_id",
        WriteRule::AuthorOfParent,
        ReadRule::AuthorManagesSubject,
    };
    return spec;
}

} // namespace tandem
