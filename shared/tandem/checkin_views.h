#pragma once
// Read models for the 1:1 screens, built from the store when it changes (never per frame).
#include <string>
#include <vector>

#include "tandem/store.h"

namespace tandem {

constexpr int kDefaultCadenceDays = 14;  // fortnightly until programs set a cadence per report

struct ReportSummary {
    std::string person_id;
    std::string name;
    std::string last_checkin;  // "" when there has been none
    std::string next_due;      // last + cadence, or today when there has been none
    bool overdue = false;
    int open_items = 0;
};

struct CheckInSummary {
    std::string checkin_id;
    std::string held_on;
    int mood = 0;  // 0: not recorded
    std::string notes_preview;
    int open_items = 0;
};

struct ActionItemView {
    std::string item_id;
    std::string text;
    std::string due_on;
    bool done = false;
};

struct CheckInDetail {
    bool found = false;
    std::string checkin_id, report_id, held_on, shared_notes;
    int mood = 0;
    std::string private_note_id, private_text;
    std::vector<ActionItemView> items;
};

// Direct reports of `manager_id`, by name, with their 1:1 cadence as of `today`.
std::vector<ReportSummary> team_overview(Store& store, const std::string& manager_id, const std::string& today);
// A report's check-ins, newest first.
std::vector<CheckInSummary> checkin_history(Store& store, const std::string& report_id);
// One check-in with its action items and the viewer's private note.
CheckInDetail checkin_detail(Store& store, const std::string& checkin_id, const std::string& viewer_id);

} // namespace tandem
