#pragma once
// Read models for HR programs: the board by stage, the threaded discussion with votes, the spread of
// ratings per stage, and adoption per team derived from what the program links (never typed in).
#include <array>
#include <map>
#include <string>
#include <vector>

#include "tandem/base/ids.h"
#include "tandem/sync/org_chart.h"
#include "tandem/sync/policy.h"
#include "tandem/sync/store.h"

namespace tandem {

const std::vector<std::string>& program_stages();  // idea, design, pilot, rollout, review
std::string stage_label(const std::string& stage);  // "Design"

struct ProgramCommentView {
    std::string comment_id, author_id, author_name, reply_to, stage, kind, text, written_on;
    int depth = 0;  // 0 for a thread's start; replies under it
    int votes_for = 0, votes_against = 0;
    int viewer_vote = 0;  // +1, -1 or 0: the viewer's own vote on a proposal
    std::string viewer_vote_id;
};

struct RatingSpread {
    int count = 0;
    std::array<int, 5> usefulness{};  // how many rated 1..5
    double mean_usefulness = 0;
    int minutes_low = 0, minutes_median = 0, minutes_high = 0;
};

struct ProgramView {
    std::string program_id, title, goal, stage, starts_on;
    std::vector<std::string> owner_ids, guide_ids, survey_ids, session_ids;
    std::vector<ProgramCommentView> comments;      // threads in order, each reply under what it answers
    std::map<std::string, int> comments_by_stage;  // stage -> count
    std::map<std::string, RatingSpread> ratings;   // stage -> spread of the ratings the store holds
    std::string viewer_rating_id;                   // the viewer's rating in the current stage, if any
    int viewer_usefulness = 0, viewer_minutes = 0;
};


// Every program the store holds, by stage then title, seen by `viewer_id` (their votes and rating).
std::vector<ProgramView> program_views(Store& store, const std::string& viewer_id);
RatingSpread spread_of(std::vector<std::pair<int, int>> usefulness_and_minutes);

// How far one manager's team has taken a program up, from real usage since the program started.
struct TeamAdoption {
    std::string manager_id, manager_name;
    int checkins = 0, checkins_with_program = 0;  // the manager's 1:1s, and those whose agenda used a linked guide
    int team_size = 0, attended = 0;              // direct reports, and those at a linked training session
    double checkin_share() const { return checkins ? double(checkins_with_program) / checkins : 0; }
    double attendance_share() const { return team_size ? double(attended) / team_size : 0; }
};
// Every manager with a team, by name; the store must hold everyone's records (the server's does).
std::vector<TeamAdoption> program_adoption(Store& store, const ProgramView& program);

// A program's adoption is for HR and managers; which teams of it, may_read_team_figures (policy.h).
bool may_read_adoption(const Actor& reader);

} // namespace tandem
