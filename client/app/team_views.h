#pragma once
// The prepared data the 1:1 screens draw from. Rebuilt from the store only when data or the selection
// changed, so a frame never runs SQL.
#include <map>
#include <string>
#include <vector>

#include "app/note_sealing.h"
#include "tandem/one_on_ones/checkin_views.h"
#include "tandem/partnership/agreements.h"
#include "tandem/feedback/feedback_views.h"
#include "tandem/partnership/mentoring_views.h"
#include "tandem/partnership/program_views.h"
#include "tandem/sync/org_chart.h"
#include "tandem/guides/guide_views.h"
#include "tandem/journal/journal_views.h"
#include "tandem/surveys/survey_views.h"

namespace tandem::client {

struct TeamViews {
    std::vector<ReportSummary> team;
    std::string report_id;  // the report whose history is open
    std::string report_name;
    std::vector<CheckInSummary> history;
    CheckInDetail checkin;  // the check-in being edited
    // Its private note, opened with the user's key (the detail itself holds the sealed text).
    OpenStatus private_note_status = OpenStatus::NotSealed;
    std::string private_note_text;
    // The user's journal, each entry opened when the key is unlocked.
    struct JournalEntry {
        JournalEntryView entry;
        OpenStatus status = OpenStatus::NotSealed;
        std::string text;
    };
    std::vector<JournalEntry> journal;
    std::vector<GuideView> guides;  // HR's templates and playbooks
    std::string guide_id;           // the guide open on the guide screen
    FeedbackWorld feedback;         // feedback, requests, the wall, champions
    SurveyWorld surveys;            // surveys, training sessions, survey actions
    // Partnership (features/partnership/): programs, agreements with the adherence this device can
    // measure (a manager's own, from their own records), mentoring pairs and, for HR, coverage.
    std::vector<ProgramView> programs;
    std::vector<AgreementView> agreements;
    std::map<std::string, std::vector<CommitmentAdherence>> own_adherence;  // agreement id -> figures
    std::vector<MentoringPairView> mentoring;
    std::vector<MentoringCoverage> mentoring_coverage;
    std::vector<std::pair<std::string, std::string>> mentors;  // id, name: people HR may pair a manager with
    std::string program_id, agreement_id, pair_id;             // what the partnership screens have open
    OrgChart org;                   // reporting lines of the people this device knows
    std::map<std::string, std::string> person_names;  // person records this device holds
    // A person's name as this device knows it: a person record, a colleague card, else `fallback`.
    std::string name_of(const std::string& person_id, const std::string& fallback = "a former colleague") const;
    uint64_t version = 0;   // bumps on every rebuild, so screens can refresh their drafts

    void rebuild(Store& store, const std::string& user_id, const std::string& today, const NoteSealing& sealing);
};

} // namespace tandem::client
