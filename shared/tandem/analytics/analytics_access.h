#pragma once
// Who may read which people-analytics figures. HR reads every team; a manager their own team and the teams
// of their tree, plus the organisation's activity figures to compare with. Exits and retention are HR's
// alone. Survey figures follow the survey results' own rule for the same reader (survey_results.h).
#include <string>
#include <vector>

#include "tandem/sync/org_chart.h"
#include "tandem/sync/policy.h"

namespace tandem::analytics {

bool may_read_analytics(const Actor& reader);
// Exits, voluntary exits and 12-month retention.
bool may_read_exits(const Actor& reader);
// The managers whose team figures the reader may see, sorted: everyone who leads a team for HR, the
// manager and the team leaders of their tree for a manager, nobody for anyone else.
std::vector<std::string> visible_teams(const Actor& reader, const OrgChart& org);
// A team's or a tree's figures: may_read_team_figures (policy.h), the same rule as every team figure.
bool leads_team(const OrgChart& org, const std::string& person_id);
// The organisation's survey results (a manager compares activity with the organisation, never survey
// results, which the survey rules keep from managers).
bool may_read_org_survey_figures(const Actor& reader);
// The survey group whose released results the reader's figures are computed within: the organisation for
// HR, the reader's own tree for a manager; suppression then follows that reader's own results.
std::string survey_root_for(const Actor& reader);

} // namespace tandem::analytics
