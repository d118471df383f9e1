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

namespace {

// The reader's forest decided once (thresholds and no-differencing over the whole forest); `each(group id,
// node, score)` then scores the nodes it wants, each a pass over its tally.
template <class EachNode>
void decide_and_score(Store& store, const OrgChart& org, const std::string& survey_id, const std::string& root,
                      EachNode&& each) {
    auto survey = load_survey(store, survey_id);
    if (!survey) return;
    survey::GroupForest forest(org, load_tallies(store, survey_id), root);
    const survey::TallyLayout layout = load_layout(store, survey_id);
    const auto visibility = survey::decide_visibility(forest, survey->questions, layout, survey->rules);
    // Each index's items found in the layout once, not once per node.
    const survey::IndexScorer engagement(survey::Index::Engagement, survey->questions, layout),
        enps(survey::Index::Enps, survey->questions, layout),
        psych_safety(survey::Index::PsychSafety, survey->questions, layout);
    auto score = [&](size_t node) {
        auto index = [&](const survey::IndexScorer& scorer) {
            return survey::shown_index(forest, node, visibility, survey->questions, scorer);
        };
        return ShownIndices{index(engagement), index(enps), index(psych_safety)};
    };
    for (size_t node = 0; node < forest.nodes().size(); ++node) each(forest.nodes()[node].id, node, score);
}

}  // namespace

std::vector<ShownIndices> shown_indices(Store& store, const OrgChart& org, const std::string& survey_id,
                                        const std::string& root, const std::vector<std::string>& groups) {
    std::vector<ShownIndices> out(groups.size());
    // Each group's place in the answer, looked up once per node: asking the forest group by group would walk
    // its 20,000 nodes per team.
    std::unordered_map<std::string, std::vector<size_t>> wanted;
    for (size_t i = 0; i < groups.size(); ++i) wanted[groups[i]].push_back(i);
    decide_and_score(store, org, survey_id, root, [&](const std::string& group, size_t node, auto& score) {
        auto found = wanted.find(group);
        if (found == wanted.end()) return;
        const ShownIndices shown = score(node);
        for (size_t at : found->second) out[at] = shown;
        wanted.erase(found);  // a group's first node decides, as the forest's own find() does
    });
    return out;
}

IndicesByGroup shown_indices_of_every_group(Store& store, const OrgChart& org, const std::string& survey_id,
                                            const std::string& root) {
    IndicesByGroup out;
    decide_and_score(store, org, survey_id, root, [&](const std::string& group, size_t node, auto& score) {
        if (!out.count(group)) out.emplace(group, score(node));  // the first node decides, as in shown_indices
    });
    return out;
}

}  // namespace tandem::server
