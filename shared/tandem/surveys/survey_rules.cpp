#include "tandem/surveys/survey_rules.h"

#include <algorithm>

#include "tandem/surveys/records.h"

namespace tandem {

int64_t answer_link_allowance(Store& store, const OrgChart& org, const std::string& manager_id,
                              const std::string& today, int64_t links_made) {
    int64_t employed = 0;
    for (const auto& report : org.reports_of(manager_id)) {
        auto person = store.load(report);
        if (!person || person->state.deleted) continue;
        const std::string left = person->state.text("exit_date");
        if (left.empty() || left > today) ++employed;
    }
    return std::max<int64_t>(0, employed - links_made);
}

Json threshold_changes(const Change& change, const RecordState* before, const RecordState* stored) {
    Json moved = Json::object();
    if (change.entity != "survey" || !before || !stored || change.deleted) return moved;
    for (const char* field : kSurveyThresholds) {
        if (change.fields.find(field) == change.fields.end()) continue;
        const int64_t old_value = survey_threshold(before->value(field)),
                      new_value = survey_threshold(stored->value(field));
        if (old_value != new_value) moved[field] = Json{{"old", old_value}, {"new", new_value}};
    }
    return moved;
}

} // namespace tandem
