#include "analytics/analytics_surveys.h"

#include <algorithm>
#include <unordered_map>

#include "surveys/survey_store.h"
#include "tandem/base/dates.h"
#include "tandem/base/hlc.h"
#include "tandem/partnership/program_views.h"
#include "tandem/surveys/survey_results.h"
#include "tandem/surveys/survey_views.h"

namespace tandem::server {

std::vector<ClosedSurvey> closed_surveys(Store& store, const std::string& today) {
    std::vector<ClosedSurvey> out;
    for (const auto& record : store.records_of("survey")) {
        if (record.state.deleted) continue;
        const SurveyView view = survey_fields_of(record.state);
        if (!view.training_session_id.empty() || view.phase(today) != "closed") continue;
        ClosedSurvey survey{view.survey_id, view.title, view.audience, view.closes_on, ""};
        if (view.status == "closed") {
            auto status = record.state.fields.find("status");
            if (status != record.state.fields.end() && status->contains("h") && (*status)["h"].is_string()) {
                survey.closed_stamp = (*status)["h"].get<std::string>();
                if (auto hlc = Hlc::parse(survey.closed_stamp)) {
                    const std::string day = iso_from_millis(hlc->millis);
                    // Closed by hand before its closing day: that day; a schedule that ran out: its end.
                    if (survey.closed_on.empty() || day < survey.closed_on) survey.closed_on = day;
                }
            }
        }
        if (survey.closed_on.empty()) survey.closed_on = today;
        out.push_back(std::move(survey));
    }
    std::sort(out.begin(), out.end(), [](const ClosedSurvey& a, const ClosedSurvey& b) {
        return a.closed_on != b.closed_on ? a.closed_on > b.closed_on : a.closed_stamp > b.closed_stamp;
    });
    return out;
}

std::vector<ShownIndices> shown_indices(Store& store, const OrgChart& org, const std::string& survey_id,
                                        const std::string& root, const std::vector<std::string>& groups) {
    std::vector<ShownIndices> out(groups.size());
    auto survey = load_survey(store, survey_id);
    if (!survey) return out;
    survey::GroupForest forest(org, load_tallies(store, survey_id), root);
    const survey::TallyLayout layout = load_layout(store, survey_id);
    const auto visibility = survey::decide_visibility(forest, survey->questions, layout, survey->rules);
    // Looked up by id once: asking the forest group by group would walk its 20,000 nodes per team.
    std::unordered_map<std::string, size_t> node_of;
    node_of.reserve(forest.nodes().size());
    for (size_t i = 0; i < forest.nodes().size(); ++i) node_of.emplace(forest.nodes()[i].id, i);
    for (size_t i = 0; i < groups.size(); ++i) {
        auto found = node_of.find(groups[i]);
        if (found == node_of.end()) continue;
        const size_t* node = &found->second;
        auto index = [&](survey::Index which) {
            return survey::shown_index(forest, *node, visibility, survey->questions, layout, which);
        };
        out[i] = {index(survey::Index::Engagement), index(survey::Index::Enps), index(survey::Index::PsychSafety)};
    }
    return out;
}

}  // namespace tandem::server
