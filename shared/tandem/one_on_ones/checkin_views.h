#pragma once
// Read models for the 1:1 screens, built from the store when it changes (never per frame).
#include <string>
#include <vector>

#include "tandem/one_on_ones/cadence.h"
#include "tandem/sync/store.h"

namespace tandem {

struct ReportSummary {
    std::string person_id;
    std::string name;
    std::string last_checkin;  // "" when there has been none
    std::string next_due;      // last + cadence, or today when there has been none
    bool overdue = false;
    std::string planned_id, planned_on;  // the earliest 1:1 prepared and not yet held, "" when none
    int open_items = 0;
    int overdue_items = 0;     // open items whose due date has passed
    // Points the report added to their next 1:1 (planned or not yet) that are still open.
    int points_from_report = 0;
    Cadence cadence;           // fortnightly until the manager sets one
    std::string cadence_id;    // the cadence record, empty while the default applies
};

struct CheckInSummary {
    std::string checkin_id;
    std::string held_on;
    bool planned = false;
    std::string title;
    // Several 1:1s on one day are told apart: this one's place among them (1, 2, ...), 0 when alone.
    int nth_that_day = 0;
    int mood = 0;  // 0: not recorded
    std::string notes_preview;
    int open_items = 0;
};

struct ActionItemView {
    std::string item_id;
    std::string text;
    std::string owner_id;  // "" for items written before an owner could be chosen: the manager's
    std::string due_on;
    bool done = false;
    // Ticked in a later 1:1 than the one that agreed it: that 1:1 and its date.
    std::string done_in, done_in_on;
};

struct TalkingPointView {
    std::string point_id, text, source;
    int position = 0;
    bool done = false;
    std::string author_id;    // who added it; "" when the device cannot tell (then the manager did)
    bool unattached = false;  // added by the report before this 1:1 was planned; not moved onto it yet
};

// An open action item from an earlier 1:1 with the same report, shown on this 1:1's agenda until done (and
// after, as "done in this 1:1", in the 1:1 where it was ticked).
struct CarriedItemView {
    ActionItemView item;
    std::string from_held_on;
};

struct CheckInDetail {
    bool found = false;
    std::string checkin_id, report_id, held_on, shared_notes, title;
    std::string holder_id;  // the manager who holds it, when the device knows ("" for older copies)
    bool planned = false;
    int mood = 0;
    std::string private_note_id, private_text;
    std::vector<ActionItemView> items;
    std::vector<TalkingPointView> agenda;  // by position
    // Computed when the 1:1 is opened, never copied into it: a meeting prepared in advance or postponed
    // still shows every item left open by the 1:1s held before (or on) its date.
    std::vector<CarriedItemView> carried;
    std::vector<CarriedItemView> closed_here;  // carried items ticked in this 1:1

    // Nothing written in it yet: a prepared 1:1 in this state can be discarded without losing anything.
    bool untouched() const {
        return shared_notes.empty() && title.empty() && mood == 0 && private_note_id.empty() && items.empty() &&
               agenda.empty() && closed_here.empty();
    }
};

// Direct reports of `manager_id`, by name, with their 1:1 cadence as of `today`.
std::vector<ReportSummary> team_overview(Store& store, const std::string& manager_id, const std::string& today);
// A report's check-ins, newest first (planned ones too, marked).
std::vector<CheckInSummary> checkin_history(Store& store, const std::string& report_id);
// One check-in with its agenda, its action items, the open items carried from earlier 1:1s and the
// viewer's private note (sealed).
CheckInDetail checkin_detail(Store& store, const std::string& checkin_id, const std::string& viewer_id);
// Points `report_id` added for their next 1:1 with `holder_id` before it was planned (by record id).
std::vector<TalkingPointView> unattached_points(Store& store, const std::string& report_id,
                                                const std::string& holder_id);

} // namespace tandem
