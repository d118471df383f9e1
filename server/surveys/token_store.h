#pragma once
// Where blind survey tokens leave traces on the server (docs/survey-tokens.md): the key pair of each survey and
// group, who was issued a token (survey, person and day only), and which token inputs were spent (a digest
// under the survey, nothing else). No table holds a blinded element, an evaluation, a token or a time finer
// than the day, and every table is keyed so that its order says nothing about when rows came.
#include <optional>
#include <string>
#include <vector>

#include "tandem/surveys/blind_tokens.h"
#include "tandem/sync/org_chart.h"
#include "tandem/sync/store.h"

namespace tandem::server {

struct GroupKey {
    std::string group;  // "team:<manager id>"
    voprf::KeyPair key;
};

// The teams a survey invites now: every manager with a team in its audience, as result groups.
std::vector<std::string> invited_groups(const std::string& audience, const OrgChart& org);
std::vector<GroupKey> load_group_keys(Store& store, const std::string& survey_id);
std::optional<GroupKey> load_group_key(Store& store, const std::string& survey_id, const std::string& group);
// Makes a key for each of `groups` that has none yet (in the caller's transaction).
void ensure_group_keys(Store& writer, const std::string& survey_id, const std::vector<std::string>& groups);

bool token_issued(Store& store, const std::string& survey_id, const std::string& person_id);
void record_issuance(Store& writer, const std::string& survey_id, const std::string& person_id, const std::string& day);

// The digest a spent token is remembered by: keyed BLAKE2b of the input under the survey's id.
std::string spent_digest(const std::string& survey_id, const std::string& token_input);
bool token_spent(Store& store, const std::string& digest);
void record_spent(Store& writer, const std::string& digest);

} // namespace tandem::server
