#pragma once
// 1:1s: the record types of this domain, one file each under records/. The catalog
// (tandem/catalog.cpp) lists every domain's one_on_ones_records().
#include <vector>

#include "tandem/sync/entity.h"

namespace tandem {
const std::vector<const EntitySpec*>& one_on_ones_records();
const EntitySpec& action_item_spec();
const EntitySpec& cadence_spec();
const EntitySpec& checkin_spec();
const EntitySpec& private_note_spec();
const EntitySpec& talking_point_spec();

// A condition on a `records` row of a check-in (columns unqualified): the 1:1 was held. A planned one counts
// for no cadence, due date or figure until the manager holds it.
inline constexpr const char* kCheckinHeldSql = "COALESCE(json_extract(state, '$.status.v'), 'held') = 'held'";
} // namespace tandem
