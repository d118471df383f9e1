#pragma once
// Guides: the record types of this domain, one file each under records/. The catalog
// (tandem/catalog.cpp) lists every domain's guides_records().
#include <vector>

#include "tandem/sync/entity.h"

namespace tandem {
const std::vector<const EntitySpec*>& guides_records();
const EntitySpec& guide_spec();
const EntitySpec& guide_version_spec();
const EntitySpec& guide_feedback_spec();
} // namespace tandem
