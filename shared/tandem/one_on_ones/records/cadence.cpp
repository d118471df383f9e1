// How often a manager means to meet one report: weekly, fortnightly, monthly or every N days. Written by
// the manager, read by them and the report (who sees when their next 1:1 falls); the next due date is
// computed from it in cadence.h.
#include "tandem/one_on_ones/records.h"

namespace tandem {

const EntitySpec& cadence_spec() {
    static const EntitySpec spec{
        "cadence",
        {
            FieldSpec::person("report_id").on_create().fixed(),
            FieldSpec::choice("every", {"week", "fortnight", "month", "days"}).on_create(),
            FieldSpec::integer("days", 1, 180).with_null(),  // for "days" only
        },
        SubjectRule::PersonField,
        "report_id",
        WriteRule::ManagerOfSubject,
        ReadRule::OneToOne,
    };
    return spec;
}

} // namespace tandem
