#pragma once
// The survey side of analytics: which closed survey a team's figures come from, and each group's indices as one
// reader may see them (the thresholds and no-differencing of docs/api.md, Survey results, decided in that
// reader's forest).
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "tandem/sync/org_chart.h"
#include "tandem/sync/store.h"
#include "tandem/surveys/survey_views.h"

namespace tandem::server {

struct ClosedSurvey {
    std::string survey_id, title, audience, closed_on;
    std::string closed_stamp;  // the clock of the change that closed it: orders surveys closed the same day
};
// Surveys closed by `today` (set to closed, or open past their closing day), most recently closed first.
// Surveys of a training session are left out: their answers count for the session only.
std::vector<ClosedSurvey> closed_surveys(Store& store, const std::string& today);


struct ShownIndices {
    std::optional<double> engagement, enps, psych_safety;
};
// The indices of each group (org, team:M, tree:M) as a reader whose reading root is `root` ("org" for HR,
// "tree:<themself>" for a manager) sees them; all null for a group outside the root.
std::vector<ShownIndices> shown_indices(Store& store, const OrgChart& org, const std::string& survey_id,
                                        const std::string& root, const std::vector<std::string>& groups);

// The same for every group of the reader's forest at once, by group id (what SurveyIndexCache keeps): a group
// missing from it is outside the root.
using IndicesByGroup = std::unordered_map<std::string, ShownIndices>;
IndicesByGroup shown_indices_of_every_group(Store& store, const OrgChart& org, const std::string& survey_id,
                                            const std::string& root);

}  // namespace tandem::server
