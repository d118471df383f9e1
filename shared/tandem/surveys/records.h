#pragma once
// Surveys and training sessions: the record types of this domain, one file each under records/. The catalog
// (tandem/catalog.cpp) lists every domain's surveys_records().
#include <vector>

#include "tandem/sync/entity.h"

namespace tandem {
const std::vector<const EntitySpec*>& surveys_records();
const EntitySpec& survey_spec();
const EntitySpec& survey_question_spec();
const EntitySpec& training_session_spec();
const EntitySpec& survey_action_spec();
const EntitySpec& session_attendance_spec();
// The two anonymity thresholds of a survey, and the value one holds (its default, 5, when unset).
extern const char* const kSurveyThresholds[2];
int64_t survey_threshold(const Json& value);
} // namespace tandem
