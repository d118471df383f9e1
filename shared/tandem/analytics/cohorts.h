#pragma once
// The return on a program (docs/api.md, People analytics): teams split in two by how much of a practice they
// show (1:1 cadence adherence, a program's adoption), the two cohorts compared on engagement, eNPS,
// psychological safety and retention, with their sizes, the difference, and sentences that say what such a
// comparison can and cannot show.
#include <optional>
#include <string>
#include <vector>

#include "tandem/analytics/analytics.h"

namespace tandem::analytics {

struct TeamOutcome {
    std::string manager_id;
    std::optional<double> split;  // the practice (a share, or a count per person); teams without it stay out
    int64_t headcount = 0;
    std::optional<double> engagement, enps, psych_safety;  // as shown to the reader (null below threshold)
    Share retention;  // whole 0 where the reader may not see it
};

struct Cohort {
    int teams = 0;
    int64_t people = 0;
    int teams_with_survey = 0;  // teams whose survey figures could be shown
    // Headcount-weighted means of the teams' shown figures; retention pooled over the cohort.
    std::optional<double> engagement, enps, psych_safety, retention;
};

struct CohortComparison {
    std::string practice;  // "1:1 cadence adherence", "adoption of <program>"
    std::optional<double> threshold;  // the median split: high is at or above it
    Cohort high, low;
    std::vector<std::string> sentences;  // the reading, plainly
};

// `split_is_share`: the split is a share (written as a percentage), else a count per person.
CohortComparison compare_cohorts(const std::vector<TeamOutcome>& teams, const std::string& practice,
                                 bool split_is_share = true);

// "71%", "+8.2 points": how the comparison writes its figures.
std::string percent_text(double share);

}  // namespace tandem::analytics
