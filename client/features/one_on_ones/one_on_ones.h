#pragma once
// 1:1s (docs/features.md, 1:1s): a manager's team with who is due, one report's history, the check-in with
// its agenda, shared and private notes and action items, and the quick way to log a 1:1 that already
// happened. Other features add to a manager's home screen and to a 1:1's agenda through the registry.
#include <string>
#include <vector>

#include "feature_api/note_sealing.h"
#include "tandem/one_on_ones/checkin_views.h"
#include "tandem/one_on_ones/my_one_on_ones.h"

namespace tandem::client {
class Context;
class Registry;

inline constexpr const char* kTeamScreen = "one_on_ones/team";
inline constexpr const char* kHistoryScreen = "one_on_ones/history";
inline constexpr const char* kCheckInScreen = "one_on_ones/checkin";
inline constexpr const char* kMyOneOnOnesScreen = "one_on_ones/mine";      // the report's side
inline constexpr const char* kSharedCheckInScreen = "one_on_ones/shared";  // one held 1:1, as the report reads it

void register_one_on_ones(Registry& registry);

// What the 1:1 screens draw from, rebuilt when data changed or another report or check-in was opened.
struct OneOnOneViews {
    std::vector<ReportSummary> team;
    std::string report_id;  // the report whose history is open
    std::string report_name;
    std::vector<CheckInSummary> history;
    CheckInDetail checkin;  // the check-in being edited
    // Its private note, opened with the user's key (the detail itself holds the sealed text).
    OpenStatus private_note_status = OpenStatus::NotSealed;
    std::string private_note_text;
    // The report's side: their next 1:1s and those held, and the held one they opened.
    MyOneOnOnes mine;
    CheckInDetail shared;
};
const OneOnOneViews& one_on_ones_on_device();
inline const MyOneOnOnes& my_one_on_ones_on_device() { return one_on_ones_on_device().mine; }
void open_shared_checkin(Context& ctx, const std::string& checkin_id);

// Commands.
void open_history(Context& ctx, const std::string& report_id);
void open_checkin(Context& ctx, const std::string& checkin_id);
// "New 1:1": opens the report's next planned 1:1, or prepares one for when it is due (today if already due);
// its id, or empty when refused. A planned 1:1 counts for nothing until it is held.
std::string prepare_checkin(Context& ctx, const ReportSummary& report);
// The manager says the 1:1 took place on `on` (today, or the day it was planned for), or takes that back.
void mark_held(Context& ctx, const CheckInDetail& checkin, const std::string& on);
void mark_planned(Context& ctx, const CheckInDetail& checkin);
// The quick path from the team screen: a 1:1 that already happened, in one change.
bool log_checkin(Context& ctx, const std::string& report_id, const std::string& held_on, int mood,
                 const std::string& notes);
void set_cadence(Context& ctx, const ReportSummary& report, const std::string& every, int days);

// One wording for days everywhere on the 1:1 screens: "Today", "Tomorrow", "Yesterday", else "Wed Dec 9, 2026"
// (weekday and the locale's date).
std::string day_text(Context& ctx, const std::string& iso);
// A 1:1 named by its day in a sentence: "today's 1:1", "Thursday's 1:1" (within the week), "the 1:1 of
// Dec 17, 2026".
std::string the_one_on_one_of(Context& ctx, const std::string& iso);
// When the next 1:1 with a report is due: "Overdue since Nov 19, 2026", or as day_text() says it.
std::string next_due_text(Context& ctx, const ReportSummary& report);
// An open item's due date: "due Dec 9, 2026", "due today", or "overdue since Nov 19, 2026" (`overdue` set).
std::string item_due_text(Context& ctx, const std::string& due_on, bool& overdue);
// Who owns an action item, as the manager reads it: "you" or the person's name.
std::string owner_text(Context& ctx, const std::string& owner_id);

void draw_team_screen(Context& ctx);
void draw_history_screen(Context& ctx);
void draw_checkin_screen(Context& ctx);
void draw_my_one_on_ones_screen(Context& ctx);
void draw_shared_checkin_screen(Context& ctx);
// The quick "log a 1:1" dialog, opened from the team screen.
void open_quick_log(Context& ctx, const ReportSummary& report);
void draw_quick_log(Context& ctx);
} // namespace tandem::client
