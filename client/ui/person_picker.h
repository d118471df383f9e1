#pragma once
// Choosing a person: a button naming the choice that opens a searchable list, and the lists the screens
// offer (my team, peer managers, anyone this device knows of). Used by feedback, recognition, surveys and
// training sessions alike.
#include <string>
#include <vector>

namespace tandem::client {
class Context;

struct PersonChoice {
    std::string person_id, name, detail;  // detail: "your team", "manager", "HR"...
};
// A button naming the chosen person; it opens a searchable list. True when the choice changed.
bool person_picker(const char* id, const std::vector<PersonChoice>& people, std::string& chosen);

// The people a picker offers. Built when the data changes, not every frame: HR's device knows everyone.
enum class People {
    FeedbackTo,  // my tree, then peer managers
    AnyoneButMe, // anyone this device knows of but me (recognition, attendees)
    Askable,     // managers, mentors and HR but me
    MeOrMyTeam,  // what a request may be about
    Managers,    // managers but me (a nominee, a survey's audience, HR's choice of team wall)
};
const std::vector<PersonChoice>& people_to_choose(Context& ctx, People which);

} // namespace tandem::client
