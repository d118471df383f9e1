#pragma once
// What an org change means for devices (docs/api.md, Org moves). Pulls go by cursor, so a manager who gains
// people would never receive their older records, and one who loses them would keep copies. After a move is
// written, this appends to the log:
//   - for each manager who can now see a record they could not see before: the record's current state, as
//     changes that keep every field's own clock stamp (so nothing newer on any device is overwritten);
//   - for each manager who can no longer see a record: a removal addressed to that manager only.
// Who sees what is asked of policy (may_read) under the org before and after, so every record type
// follows without code here.
#include <functional>
#include <string>
#include <vector>

#include "tandem/sync/org_chart.h"
#include "tandem/sync/store.h"

namespace tandem {

struct OrgMoveEffects {
    int republished = 0;  // changes appended for records that came into someone's sight
    int removals = 0;     // removals appended for records that left someone's sight
};

OrgMoveEffects publish_org_moves(Store& store, const OrgChart& before, const OrgChart& after,
                                 const std::vector<std::string>& moved_ids,
                                 const std::function<std::string()>& new_change_id);

// The record's current state as changes, one per distinct (hlc, device) among its fields.
std::vector<Change> state_as_changes(const StoredRecord& record, const std::function<std::string()>& new_change_id);

} // namespace tandem
