// A person in the organisation, with their reporting line and HR dates. Written only by the server (demo, HRIS import):
// the org chart decides who sees whose data, so no device may edit it.
#include "tandem/people/records.h"

namespace tandem {

const EntitySpec& person_spec() {
    static const EntitySpec spec{
        "person",
        {
            FieldSpec::text("name", 200).on_create(),
            FieldSpec::text("email", 254).with_null(),
            FieldSpec::person("manager_id").with_null(),
            FieldSpec::choice("role", {"manager", "hr_admin", "mentor", "employee"}).on_create(),
            // From the HRIS import (docs/api.md, People import); null for people it did not bring in.
            FieldSpec::text("employee_id", 64).with_null(),
            FieldSpec::text("department", 200).with_null(),
            FieldSpec::date("start_date").with_null(),
            FieldSpec::date("exit_date").with_null(),
            FieldSpec::choice("exit_reason", {"voluntary", "involuntary", "other"}).with_null(),
        },
        SubjectRule::Self,
        "",
        WriteRule::ServerOnly,
        ReadRule::PersonDirectory,
    };
    return spec;
}

} // namespace tandem
