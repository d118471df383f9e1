#include "feature_api/people_directory.h"

namespace tandem::client {

void PeopleDirectory::rebuild(Store& store) {
    org = OrgChart{};
    person_names.clear();
    for (const auto& person : store.records_of("person")) {
        if (person.state.deleted) continue;
        Role role = Role::Employee;
        parse_role(person.state.text("role"), role);
        org.set_person(person.state.record_id, person.state.text("manager_id"), role);
        person_names[person.state.record_id] = person.state.text("name");
    }
    colleagues = colleague_views(store);
}

std::string PeopleDirectory::name_of(const std::string& person_id, const std::string& fallback) const {
    auto it = person_names.find(person_id);
    if (it != person_names.end()) return it->second;
    for (const auto& colleague : colleagues)
        if (colleague.person_id == person_id) return colleague.name;
    return fallback;
}

} // namespace tandem::client
