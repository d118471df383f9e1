#include "tandem/org_chart.h"

namespace tandem {

const char* to_string(Role role) {
    switch (role) {
    case Role::Manager: return "manager";
    case Role::HrAdmin: return "hr_admin";
    case Role::Mentor: return "mentor";
    case Role::Employee: return "employee";
    }
    return "employee";
}

bool parse_role(const std::string& text, Role& out) {
    for (Role role : {Role::Manager, Role::HrAdmin, Role::Mentor, Role::Employee})
        if (text == to_string(role)) {
            out = role;
            return true;
        }
    return false;
}

void OrgChart::set_person(const std::string& person_id, const std::string& manager_id, Role role) {
    people_[person_id] = Entry{manager_id, role};
}

bool OrgChart::manages(const std::string& manager_id, const std::string& person_id) const {
    if (manager_id.empty()) return false;
    // Walk up from the person; the step bound stops a cycle that a bad import could create.
    std::string current = person_id;
    for (size_t steps = 0; steps <= people_.size(); ++steps) {
        auto it = people_.find(current);
        if (it == people_.end() || it->second.manager_id.empty()) return false;
        if (it->second.manager_id == manager_id) return true;
        current = it->second.manager_id;
    }
    return false;
}

} // namespace tandem
