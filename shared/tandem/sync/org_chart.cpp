#include "tandem/sync/org_chart.h"

#include <algorithm>

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
    auto [entry, added] = people_.try_emplace(person_id, Entry{manager_id, role});
    if (!added) {
        if (entry->second.manager_id != manager_id && !entry->second.manager_id.empty()) {
            auto& siblings = reports_[entry->second.manager_id];
            siblings.erase(std::remove(siblings.begin(), siblings.end(), person_id), siblings.end());
        }
        const bool moved = entry->second.manager_id != manager_id;
        entry->second = Entry{manager_id, role};
        if (!moved) return;
    }
    if (!manager_id.empty()) reports_[manager_id].push_back(person_id);
}

std::string OrgChart::manager_of(const std::string& person_id) const {
    auto it = people_.find(person_id);
    return it == people_.end() ? std::string() : it->second.manager_id;
}

const std::vector<std::string>& OrgChart::reports_of(const std::string& person_id) const {
    static const std::vector<std::string> none;
    auto it = reports_.find(person_id);
    return it == reports_.end() ? none : it->second;
}

std::vector<std::string> OrgChart::top_managers() const {
    std::vector<std::string> tops;
    for (const auto& [manager_id, reports] : reports_)
        if (!reports.empty() && !knows(manager_of(manager_id))) tops.push_back(manager_id);
    std::sort(tops.begin(), tops.end());
    return tops;
}

Role OrgChart::role_of(const std::string& person_id) const {
    auto it = people_.find(person_id);
    return it == people_.end() ? Role::Employee : it->second.role;
}

std::vector<std::string> OrgChart::managers_above(const std::string& person_id) const {
    std::vector<std::string> chain;
    for (std::string at = manager_of(person_id); !at.empty() && chain.size() <= people_.size(); at = manager_of(at))
        chain.push_back(at);
    return chain;
}

std::vector<std::string> OrgChart::tree_of(const std::string& person_id) const {
    std::vector<std::string> tree{person_id};
    for (size_t i = 0; i < tree.size() && tree.size() <= people_.size() + 1; ++i)
        if (auto it = reports_.find(tree[i]); it != reports_.end())
            tree.insert(tree.end(), it->second.begin(), it->second.end());
    return tree;
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
