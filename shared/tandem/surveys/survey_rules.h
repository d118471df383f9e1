#pragma once
// Rules about surveys that the server applies around its own tables: how many one-time answer links a team
// may get, and which changes of a survey's anonymity thresholds are audited.
#include <cstdint>
#include <string>

#include "tandem/base/change.h"
#include "tandem/sync/org_chart.h"
#include "tandem/sync/store.h"

namespace tandem {

// How many more answer links a manager's team may get for one survey: one per direct report still employed
// on `today` (a leaver's link could only be answered by someone else, padding the group), less the
// `links_made` before. Never below zero.
int64_t answer_link_allowance(Store& store, const OrgChart& org, const std::string& manager_id,
                              const std::string& today, int64_t links_made);

// The anonymity thresholds a survey change really moved, as {"min_group_size": {"old": 5, "new": 3}}; empty
// when it moved none (another record type, a creation, a deletion, or a change whose stamp lost the merge, so
// `stored` still holds the old value). A threshold is a promise to the people answering, so each move is
// audited.
Json threshold_changes(const Change& change, const RecordState* before, const RecordState* stored);

} // namespace tandem
