#include "tandem/analytics/analytics_access.h"

#include <algorithm>

#include "tandem/surveys/survey_results.h"

namespace tandem::analytics {

bool may_read_analytics(const Actor& reader) {
    return reader.role == Role::HrAdmin || reader.role == Role::Manager;
}

bool may_read_exits(const Actor& reader) { return reader.role == Role::HrAdmin; }

bool leads_team(const OrgChart& org, const std::string& person_id) { return !org.reports_of(person_id).empty(); }

std::vector<std::string> visible_teams(const Actor& reader, const OrgChart& org) {
    std::vector<std::string> roots;
    if (reader.role == Role::HrAdmin) roots = org.top_managers();
    else if (reader.role == Role::Manager) roots = {reader.person_id};
    std::vector<std::string> out;
    for (const auto& root : roots)
        for (const auto& id : org.tree_of(root))
            if (leads_team(org, id)) out.push_back(id);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool may_read_org_survey_figures(const Actor& reader) { return reader.role == Role::HrAdmin; }

std::string survey_root_for(const Actor& reader) {
    return reader.role == Role::HrAdmin ? std::string("org") : survey::tree_group(reader.person_id);
}

} // namespace tandem::analytics
