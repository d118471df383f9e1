#include "tandem/analytics/cohorts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tandem::analytics {

namespace {

struct Weighted {
    double sum = 0;
    int64_t weight = 0;
    void add(const std::optional<double>& value, int64_t people) {
        if (!value || people <= 0) return;
        sum += *value * double(people);
        weight += people;
    }
    std::optional<double> mean() const { return weight > 0 ? std::optional<double>(sum / double(weight)) : std::nullopt; }
};

Cohort cohort_of(const std::vector<const TeamOutcome*>& teams) {
    Cohort cohort;
    Weighted engagement, enps, psych_safety;
    Share retention;
    for (const TeamOutcome* team : teams) {
        ++cohort.teams;
        cohort.people += team->headcount;
        if (team->engagement || team->enps || team->psych_safety) ++cohort.teams_with_survey;
        engagement.add(team->engagement, team->headcount);
        enps.add(team->enps, team->headcount);
        psych_safety.add(team->psych_safety, team->headcount);
        retention += team->retention;
    }
    cohort.engagement = engagement.mean();
    cohort.enps = enps.mean();
    cohort.psych_safety = psych_safety.mean();
    cohort.retention = retention.value();
    return cohort;
}

std::string number_text(double value, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string cohort_size(const Cohort& cohort) {
    return std::to_string(cohort.teams) + (cohort.teams == 1 ? " team, " : " teams, ") + std::to_string(cohort.people) +
           (cohort.people == 1 ? " person" : " people");
}

}  // namespace

std::string percent_text(double share) { return number_text(share * 100.0, 0) + "%"; }

CohortComparison compare_cohorts(const std::vector<TeamOutcome>& teams, const std::string& practice,
                                 bool split_is_share) {
    CohortComparison out;
    out.practice = practice;
    std::vector<const TeamOutcome*> measured;
    for (const auto& team : teams)
        if (team.split && team.headcount > 0) measured.push_back(&team);
    if (measured.empty()) {
        out.sentences.push_back("No team has figures for " + practice + " in this period, so there is nothing to compare.");
        return out;
    }
    std::sort(measured.begin(), measured.end(), [](const TeamOutcome* a, const TeamOutcome* b) {
        return *a->split != *b->split ? *a->split < *b->split : a->manager_id < b->manager_id;
    });
    out.threshold = *measured[measured.size() / 2]->split;
    std::vector<const TeamOutcome*> high, low;
    for (const TeamOutcome* team : measured) (*team->split >= *out.threshold ? high : low).push_back(team);
    out.high = cohort_of(high);
    out.low = cohort_of(low);

    const std::string median = split_is_share ? percent_text(*out.threshold) : number_text(*out.threshold, 2);
    out.sentences.push_back("Teams at or above the median " + practice + " (" + median + "): " +
                            cohort_size(out.high) + ". Below it: " + cohort_size(out.low) + ".");
    if (low.empty()) {
        out.sentences.push_back("Every team is at the same level, so there is no lower cohort to compare with.");
        return out;
    }
    struct Measure {
        const char* name;
        std::optional<double> Cohort::*field;
        double scale;
        const char* unit;
    };
    const Measure measures[] = {{"engagement", &Cohort::engagement, 1, " points"},
                                {"eNPS", &Cohort::enps, 1, " points"},
                                {"psychological safety", &Cohort::psych_safety, 1, " on the 1-7 scale"},
                                {"12-month retention", &Cohort::retention, 100, " percentage points"}};
    for (const Measure& m : measures) {
        const auto& a = out.high.*(m.field);
        const auto& b = out.low.*(m.field);
        if (!a || !b) continue;
        const double difference = (*a - *b) * m.scale;
        const int decimals = m.scale == 100 ? 0 : 1;
        out.sentences.push_back(std::string("On ") + m.name + " the higher cohort is " +
                                (std::fabs(difference) < 0.05 ? std::string("level with") :
                                 number_text(std::fabs(difference), decimals) + m.unit +
                                     (difference > 0 ? " above" : " below")) +
                                " the lower one.");
    }
    std::string caution = "This shows how " + practice +
                          " and these outcomes go together across teams, not that one causes the other: the "
                          "teams differ in other ways too (their work, their size, their history).";
    if (out.high.teams < 5 || out.low.teams < 5)
        caution += " With fewer than 5 teams in a cohort, one team can move its average a lot; read the difference "
                   "as a hint, not a finding.";
    out.sentences.push_back(caution);
    if (out.high.teams_with_survey < out.high.teams || out.low.teams_with_survey < out.low.teams)
        out.sentences.push_back("Survey figures only count teams whose results could be shown (enough respondents); "
                                "the others add to the cohort sizes but not to the survey averages.");
    return out;
}

}  // namespace tandem::analytics
