#pragma once
// People: the record types of this domain, one file each under records/. The catalog
// (tandem/catalog.cpp) lists every domain's people_records().
#include <vector>

#include "tandem/sync/entity.h"

namespace tandem {
const std::vector<const EntitySpec*>& people_records();
const EntitySpec& colleague_spec();
const EntitySpec& person_spec();
} // namespace tandem
