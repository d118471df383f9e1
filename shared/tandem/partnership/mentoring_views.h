#pragma once
// Read models for mentoring: each pair with its cadence (due and overdue as for 1:1s), sessions and topics,
// and for HR which managers have no mentor or an overdue one. Notes and topics appear only where the store
// holds them: the server sends them to the pair alone.
#include <string>
#include <vector>

#include "tandem/sync/store.h"

namespace tandem {

struct MentoringSessionView {
    std::string session_id, author_id, held_on;
    int minutes = 0;
    std::string note_id, note;  // empty for HR, who knows only that the session happened
};

struct MentoringTopicView {
    std::string topic_id, author_id, text;
    bool discussed = false;
};

struct MentoringPairView {
    std::string pair_id, mentee_id, mentor_id, mentee_name, mentor_name, started_on, ended_on;
    int cadence_days = 30;
    std::string last_session, next_due;  // next_due: last + cadence, or the start when none was held
    bool overdue = false;
    bool active() const { return ended_on.empty(); }
    std::vector<MentoringSessionView> sessions;  // newest first
    std::vector<MentoringTopicView> topics;      // open first, then by text
};

// Every pair the store holds, active ones first, by mentee name.
std::vector<MentoringPairView> mentoring_pairs(Store& store, const std::string& today);

// HR's view of coverage: every current person with the manager role who leads a team, with their active pair.
struct MentoringCoverage {
    std::string person_id, name;
    int pair = -1;  // index of their active pair in the list it was built from; -1: no mentor
};
std::vector<MentoringCoverage> mentoring_coverage(Store& store, const std::vector<MentoringPairView>& pairs);

} // namespace tandem
