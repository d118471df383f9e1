#pragma once
// The journal: the record types of this domain, one file each under records/. The catalog
// (tandem/catalog.cpp) lists every domain's journal_records().
#include <vector>

#include "tandem/sync/entity.h"

namespace tandem {
const std::vector<const EntitySpec*>& journal_records();
const EntitySpec& journal_entry_spec();
const EntitySpec& sealing_key_spec();
} // namespace tandem
