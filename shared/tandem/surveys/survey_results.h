#pragma once
// Survey results with anonymity (docs/api.md, Survey results): which groups a reader may ask for, the families
// of groups inside the reader's top group, the thresholds, and no differencing from the top down. The server
// answers with it and a device can compute the same figures from the same tallies.
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "tandem/sync/org_chart.h"
#include "tandem/sync/policy.h"
#include "tandem/surveys/survey_scoring.h"

namespace tandem::survey {

struct Rules {
    int64_t min_group_size = 5;
    int64_t min_comment_group_size = 5;
};

// Tallies as stored: "org" (every answer but those of a training session), "team:<manager id>" (link
// answers of that manager's direct team) and "session:<training session id>".
using GroupTallies = std::unordered_map<std::string, Tally>;

inline std::string team_group(const std::string& manager_id) { return "team:" + manager_id; }
inline std::string tree_group(const std::string& manager_id) { return "tree:" + manager_id; }
inline std::string session_group(const std::string& session_id) { return "session:" + session_id; }

// The group whose family decides what `actor` sees of `group`: "org" for HR, "tree:<themself>" for a
// manager, the session itself for a session; nullopt when the actor may not read `group` at all.
// `facilitates` says whether the actor runs the training session a "session:" group names.
std::optional<std::string> reading_root(const Actor& actor, const std::string& group, const OrgChart& org,
                                        const std::function<bool(const std::string& session_id)>& facilitates);

// The groups under a root, each with its answers: org contains tree:T for each top-level manager T;
// tree:M contains team:M and tree:R for each manager R reporting to M. Tree tallies are summed from the
// teams, over the reporting lines of today.
class GroupForest {
public:
    struct Node {
        std::string id;
        Tally tally;
        std::vector<size_t> children;
        bool twin_of_parent = false;  // team:R under tree:R when R leads no managers: the same answers
    };
    GroupForest(const OrgChart& org, const GroupTallies& tallies, const std::string& root);
    const std::vector<Node>& nodes() const { return nodes_; }
    std::optional<size_t> find(const std::string& group) const;

private:
    std::vector<Node> nodes_;  // nodes_[0] is the root; parents come before their children
};

// Shown or not, per node and per measure (the survey's respondents, each question, each index).
struct Visibility {
    std::vector<std::vector<char>> shown;
};
Visibility decide_visibility(const GroupForest& forest, const std::vector<Question>& questions,
                             const TallyLayout& layout, const Rules& rules);

// An index of one node as `group_results` would show it: nullopt when hidden or unanswered.
std::optional<double> shown_index(const GroupForest& forest, size_t node, const Visibility& visibility,
                                  const std::vector<Question>& questions, const TallyLayout& layout, Index index);
// The same with the index's items found once, for scoring many nodes of the forest.
std::optional<double> shown_index(const GroupForest& forest, size_t node, const Visibility& visibility,
                                  const std::vector<Question>& questions, const IndexScorer& scorer);

// The results body of docs/api.md, Survey results, for one node. `comments` returns a question's text answers
// in that group, in random order; it is only called when they may be shown.
using CommentSource = std::function<std::vector<std::string>(const std::string& question_id)>;
Json group_results(const GroupForest& forest, size_t node, const Visibility& visibility,
                   const std::vector<Question>& questions, const TallyLayout& layout, const Rules& rules,
                   const CommentSource& comments);

// The same node while the survey is open: who answered, under the same thresholds and suppression, and
// nothing else. Scores that move with each answer would let anyone who reads before and after one
// respondent answers learn that person's answers, so they wait until the survey closes.
Json group_participation(const GroupForest& forest, size_t node, const Visibility& visibility,
                         const std::vector<Question>& questions, const TallyLayout& layout, const Rules& rules);

// A theme's figure in a results body on one 0-100 scale, for heatmaps: an index where the theme has one
// (eNPS -100..100 and psychological safety 1..7 rescaled), else the mean of its shown numeric questions.
// nullopt where nothing of the theme may be shown.
std::optional<double> theme_score(const Json& results, const std::vector<Question>& questions,
                                  const std::string& theme);

// The sentence an answer page shows before the first question.
std::string anonymity_sentence(const Rules& rules);

} // namespace tandem::survey
