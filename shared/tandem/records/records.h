#pragma once
// The record types of Tandem, one file each. entity.cpp lists them.
#include "tandem/entity.h"

namespace tandem {
const EntitySpec& person_spec();
const EntitySpec& checkin_spec();
const EntitySpec& action_item_spec();
const EntitySpec& private_note_spec();
const EntitySpec& sealing_key_spec();
const EntitySpec& journal_entry_spec();
const EntitySpec& cadence_spec();
const EntitySpec& talking_point_spec();
const EntitySpec& guide_spec();
const EntitySpec& guide_version_spec();
const EntitySpec& guide_feedback_spec();
const EntitySpec& colleague_spec();
const EntitySpec& value_tag_spec();
const EntitySpec& feedback_spec();
const EntitySpec& feedback_request_spec();
const EntitySpec& recognition_spec();
const EntitySpec& nomination_spec();
const EntitySpec& spotlight_spec();
const EntitySpec& survey_spec();
// The two anonymity thresholds of a survey, and the value one holds (its default, 5, when unset).
extern const char* const kSurveyThresholds[2];
int64_t survey_threshold(const Json& value);
const EntitySpec& survey_question_spec();
const EntitySpec& training_session_spec();
const EntitySpec& session_attendance_spec();
const EntitySpec& survey_action_spec();
const EntitySpec& program_spec();
const EntitySpec& program_comment_spec();
const EntitySpec& program_rating_spec();
const EntitySpec& program_vote_spec();
const EntitySpec& agreement_spec();
const EntitySpec& agreement_version_spec();
const EntitySpec& agreement_comment_spec();
const EntitySpec& agreement_signature_spec();
const EntitySpec& mentoring_pair_spec();
const EntitySpec& mentoring_session_spec();
const EntitySpec& mentoring_note_spec();
const EntitySpec& mentoring_topic_spec();
} // namespace tandem
