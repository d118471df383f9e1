#include "tandem/surveys/records.h"

namespace tandem {
const std::vector<const EntitySpec*>& surveys_records() {
    static const std::vector<const EntitySpec*> records{&survey_spec(), &survey_question_spec(), &training_session_spec(), &survey_action_spec(), &session_attendance_spec()};
    return records;
}
} // namespace tandem
