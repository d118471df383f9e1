#pragma once
// Where survey answers live on the server (docs/security-and-privacy.md, Survey anonymity): answer links and
// kiosks known only by digests of their tokens, answer rows with a random key and the UTC day, and one tally
// per group kept up to date in the same transaction. No table links an answer to a person, a token, a
// submission or a time finer than the day; the tables are WITHOUT ROWID so no hidden rowid follows the order
// answers came in.
#include <optional>
#include <string>
#include <vector>

#include "auth/kiosk_identity.h"
#include "tandem/sync/store.h"
#include "tandem/surveys/survey_results.h"

namespace tandem::server {

// A survey as its records say: the title, rules, state and questions in their order.
struct SurveyDefinition {
    std::string id;
    std::string title;
    std::string status;  // draft | open | closed
    std::string opens_on, closes_on;
    std::string training_session_id;
    std::string audience;
    survey::Rules rules;
    std::vector<survey::Question> questions;
    RecordMeta meta;
    // Open for answers today: status open and today inside the schedule, when it has one.
    bool accepts_answers(const std::string& today) const;
    // Scores and comments may be read: HR closed the survey, or its last day has passed. A closed survey
    // never reopens, so what was released stays the final figure.
    bool results_released(const std::string& today) const;
};
std::optional<SurveyDefinition> load_survey(Store& store, const std::string& survey_id);

// One-time answer links: the digest of each token, the survey and the manager whose team it counts for.
int64_t count_links(Store& store, const std::string& survey_id, const std::string& team_of);
void add_link(Store& writer, const std::string& digest, const std::string& survey_id, const std::string& team_of);
struct AnswerLink {
    std::string survey_id, team_of;
    bool used = false;
};
std::optional<AnswerLink> find_link(Store& store, const std::string& digest);
void use_link(Store& writer, const std::string& digest);

void add_kiosk(Store& writer, const Kiosk& kiosk, const std::string& token_digest);
std::optional<Kiosk> active_kiosk(Store& store, const std::string& token_digest);
bool revoke_kiosk(Store& writer, const std::string& kiosk_id);  // false when unknown or already revoked
std::vector<Json> list_kiosks(Store& store);
// Remembers a kiosk submission by digest only; false when it was already recorded.
bool remember_submission(Store& writer, const std::string& submission_digest);

// Stores one respondent's checked answers and adds them to the tallies of `groups`, atomically.
void record_respondent(Store& writer, const SurveyDefinition& survey, const std::vector<survey::Answer>& answers,
                       const std::vector<std::string>& groups, const std::string& utc_day);

survey::TallyLayout load_layout(Store& store, const std::string& survey_id);
survey::GroupTallies load_tallies(Store& store, const std::string& survey_id);
// Text answers of a question given within the stored groups listed ("org" stands for every answer but those
// of training sessions), in random order, at most `limit`.
std::vector<std::string> load_comments(Store& store, const std::string& survey_id, const std::string& question_id,
                                       const std::vector<std::string>& groups, size_t limit);

} // namespace tandem::server
