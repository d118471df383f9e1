#pragma once
// Feedback and recognition: the record types of this domain, one file each under records/. The catalog
// (tandem/catalog.cpp) lists every domain's feedback_records().
#include <vector>

#include "tandem/sync/entity.h"

namespace tandem {
const std::vector<const EntitySpec*>& feedback_records();
const EntitySpec& value_tag_spec();
const EntitySpec& feedback_spec();
const EntitySpec& feedback_request_spec();
const EntitySpec& recognition_spec();
const EntitySpec& nomination_spec();
const EntitySpec& spotlight_spec();
} // namespace tandem
