#pragma once
// Survey indices as one reader sees them, kept until something they are computed from changes. Deciding them
// (the reader's forest of about 20,000 groups on a large organisation, its thresholds and no-differencing)
// takes most of a team-figures request, and what they are computed from changes rarely: answers arrive while
// a survey is open, HR changes a survey (its status, thresholds, questions), someone moves in the org chart.
//
// An entry holds every group of one (survey, reading root) forest, so any set of groups is a lookup. The root
// is part of the key, so a reader never gets indices decided in another reader's forest (a manager's forest
// shows what HR's may hide, and the other way round). An entry is served only while the inputs it was
// computed from are unchanged, read from the database before each use, so it is never stale, also when
// several servers share the database.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "analytics/analytics_surveys.h"

namespace tandem::server {

class SurveyIndexCache {
public:
    // The indices of `groups` in survey `survey_id` as a reader whose reading root is `root` sees them, the
    // same as shown_indices(store, *org, survey_id, root, groups). A reader asking for an entry another is
    // computing waits for it rather than compute it twice (the warm-up at start and the first request).
    std::vector<ShownIndices> indices(Store& store, const std::shared_ptr<const OrgChart>& org,
                                      const std::string& survey_id, const std::string& root,
                                      const std::vector<std::string>& groups);

    size_t entries();  // for tests and the benchmark

private:
    // What an entry was computed from.
    struct Inputs {
        // The chart itself: ServerContext makes a new one on every reload, and a weak pointer compared by its
        // owner never matches a later chart, even one allocated where the old one was.
        std::weak_ptr<const OrgChart> org;
        // The newest logged change to any survey or survey question: status, thresholds, questions.
        int64_t survey_changes = 0;
        // The survey's organisation tally as stored: every answer counted for a team is counted for the
        // organisation in the same transaction (record_respondent's callers), and each adds a respondent.
        std::string org_tally;
        bool same_as(const Inputs& other) const;
    };
    struct Entry {
        Inputs inputs;
        IndicesByGroup by_group;
    };
    struct Slot {
        std::mutex computing;  // held while the entry is computed
        std::shared_ptr<const Entry> entry;
        uint64_t last_used = 0;
    };
    static Inputs current_inputs(Store& store, const std::shared_ptr<const OrgChart>& org,
                                 const std::string& survey_id);
    std::shared_ptr<Slot> slot_for(const std::string& survey_id, const std::string& root);

    std::mutex mutex_;  // guards slots_ and uses_, never held while computing
    std::map<std::pair<std::string, std::string>, std::shared_ptr<Slot>> slots_;  // (survey, root)
    uint64_t uses_ = 0;
};

}  // namespace tandem::server
