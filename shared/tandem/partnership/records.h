#pragma once
// Partnership: the record types of this domain, one file each under records/. The catalog
// (tandem/catalog.cpp) lists every domain's partnership_records().
#include <vector>

#include "tandem/sync/entity.h"

namespace tandem {
const std::vector<const EntitySpec*>& partnership_records();
const EntitySpec& agreement_spec();
const EntitySpec& agreement_version_spec();
const EntitySpec& agreement_comment_spec();
const EntitySpec& agreement_signature_spec();
const EntitySpec& mentoring_pair_spec();
const EntitySpec& mentoring_session_spec();
const EntitySpec& mentoring_note_spec();
const EntitySpec& mentoring_topic_spec();
const EntitySpec& program_spec();
const EntitySpec& program_comment_spec();
const EntitySpec& program_rating_spec();
const EntitySpec& program_vote_spec();
} // namespace tandem
