// A 1:1 check-in between a manager and one report. Shared notes are meant for both; the report is the
// subject: they read it (without the manager's mood mark), and its author does while that report is in
// their team.
// `held_on` is the day it is planned for until `status` says "held". A check-in without a status was
// written before 1:1s could be planned (or logged after the fact): it was held.
#include "tandem/one_on_ones/records.h"

namespace tandem {

const EntitySpec& checkin_spec() {
    static const EntitySpec spec{
        "checkin",
        {
            FieldSpec::person("report_id").on_create().fixed(),
            FieldSpec::date("held_on").on_create(),
            FieldSpec::choice("status", {"planned", "held"}).with_null(),
            FieldSpec::text("title", 120),
            FieldSpec::text("shared_notes", 20000),
            FieldSpec::integer("mood", 1, 5).with_null().private_to_author(),
        },
        SubjectRule::PersonField,
        "report_id",
        WriteRule::ManagerOfSubject,
        ReadRule::OneToOne,
    };
    return spec;
}

} // namespace tandem
