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
} // namespace tandem
