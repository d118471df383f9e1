#pragma once
// The prepared data the 1:1 screens draw from. Rebuilt from the store only when data or the selection
// changed, so a frame never runs SQL.
#include <string>
#include <vector>

#include "tandem/checkin_views.h"

namespace tandem::client {

struct TeamViews {
    std::vector<ReportSummary> team;
    std::string report_id;  // the report whose history is open
    std::string report_name;
    std::vector<CheckInSummary> history;
    CheckInDetail checkin;  // the check-in being edited
    uint64_t version = 0;   // bumps on every rebuild, so screens can refresh their drafts

    void rebuild(Store& store, const std::string& user_id, const std::string& today);
};

} // namespace tandem::client
