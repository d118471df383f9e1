#pragma once
// The report's side of their 1:1s (an employee's home, a manager's own 1:1s with their manager): the next
// 1:1 with each person who holds 1:1s with them and its shared agenda, and the 1:1s held so far. Built from
// the store when it changes, like checkin_views.h, from what the report's device may hold.
#include <string>
#include <vector>

#include "tandem/one_on_ones/checkin_views.h"

namespace tandem {

struct UpcomingOneOnOne {
    std::string holder_id;   // the manager who holds the 1:1
    std::string planned_id;  // the 1:1 the manager prepared; "" while it is not planned yet
    std::string on;          // the planned day, else the day the cadence makes it due
    bool overdue = false;    // that day has passed
    std::vector<TalkingPointView> agenda;  // the manager's points and the report's, by position
    int next_position() const;             // where a new point goes: after every other
};

struct HeldOneOnOne {
    std::string checkin_id, holder_id, held_on, title;
    int items_for_me = 0;  // open action items the report owns
};

struct MyOneOnOnes {
    std::vector<UpcomingOneOnOne> upcoming;
    std::vector<HeldOneOnOne> held;  // newest first
};

// `manager_id` is the report's manager as their person record says ("" for the top of the organisation).
MyOneOnOnes my_one_on_ones(Store& store, const std::string& me, const std::string& manager_id,
                           const std::string& today);

} // namespace tandem
