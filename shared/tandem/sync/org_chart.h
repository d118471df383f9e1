#pragma once
// Reporting lines and roles, as the person records say. Policy asks it "does M manage P, directly or
// further down?". Built from person records, so the server and a device answer the same way.
#include <string>
#include <unordered_map>
#include <vector>

namespace tandem {

enum class Role { Manager, HrAdmin, Mentor, Employee };
const char* to_string(Role role);
bool parse_role(const std::string& text, Role& out);

class OrgChart {
public:
    void set_person(const std::string& person_id, const std::string& manager_id, Role role);
    // True when `person_id` reports to `manager_id` directly or through any chain of managers.
    bool manages(const std::string& manager_id, const std::string& person_id) const;
    // Everyone `person_id` reports to, nearest first.
    std::vector<std::string> managers_above(const std::string& person_id) const;
    // `person_id` and everyone below them.
    std::vector<std::string> tree_of(const std::string& person_id) const;
    std::string manager_of(const std::string& person_id) const;
    // Direct reports only; empty for someone who leads no team.
    const std::vector<std::string>& reports_of(const std::string& person_id) const;
    // People who lead a team and report to no one in the chart: the roots of the organisation's trees.
    std::vector<std::string> top_managers() const;
    Role role_of(const std::string& person_id) const;  // Employee for someone unknown
    bool knows(const std::string& person_id) const { return people_.count(person_id) > 0; }
    // Names, where the builder of the chart set them (the server does; policy checks copied names with it).
    void set_name(const std::string& person_id, std::string name) { names_[person_id] = std::move(name); }
    const std::string* name_of(const std::string& person_id) const {
        auto it = names_.find(person_id);
        return it == names_.end() ? nullptr : &it->second;
    }
    size_t size() const { return people_.size(); }

private:
    struct Entry {
        std::string manager_id;
        Role role;
    };
    std::unordered_map<std::string, Entry> people_;
    std::unordered_map<std::string, std::vector<std::string>> reports_;  // manager -> direct reports
    std::unordered_map<std::string, std::string> names_;
};

} // namespace tandem
