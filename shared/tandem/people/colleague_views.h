#pragma once
// Read model for colleague cards: the managers, mentors and HR admins a person may address (ask for
// feedback, recognise, pair with), as every device holds them, whoever's team they are in.
#include <string>
#include <vector>

#include "tandem/sync/org_chart.h"
#include "tandem/sync/store.h"

namespace tandem {

struct ColleagueView {
    std::string person_id, name;
    Role role = Role::HrAdmin;  // a card whose role does not parse reads as HR, never as a manager
};

// Every colleague card the store holds, by name.
std::vector<ColleagueView> colleague_views(Store& store);

} // namespace tandem
