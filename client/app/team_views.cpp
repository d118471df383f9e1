#include "app/team_views.h"

namespace tandem::client {

void TeamViews::rebuild(Store& store, const std::string& user_id, const std::string& today) {
    team = team_overview(store, user_id, today);
    report_name.clear();
    for (const auto& report : team)
        if (report.person_id == report_id) report_name = report.name;
    history = report_id.empty() ? std::vector<CheckInSummary>{} : checkin_history(store, report_id);
    if (!checkin.checkin_id.empty()) checkin = checkin_detail(store, checkin.checkin_id, user_id);
    ++version;
}

} // namespace tandem::client
