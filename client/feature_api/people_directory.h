#pragma once
// Who is who on this device, for every feature: reporting lines, names from person records and colleague
// cards. Rebuilt from the store only when data changed, so a frame never runs SQL. What a feature draws
// beyond names it builds itself (Registry::add_views).
#include <map>
#include <string>
#include <vector>

#include "tandem/people/colleague_views.h"
#include "tandem/sync/org_chart.h"
#include "tandem/sync/store.h"

namespace tandem::client {

struct PeopleDirectory {
    OrgChart org;                                     // reporting lines of the people this device knows
    std::map<std::string, std::string> person_names;  // person records this device holds
    std::vector<ColleagueView> colleagues;  // the managers, mentors and HR a person may address, by name
    // A person's name as this device knows it: a person record, a colleague card, else `fallback`.
    std::string name_of(const std::string& person_id, const std::string& fallback = "a former colleague") const;

    void rebuild(Store& store);
};

} // namespace tandem::client
