#pragma once
// Manager agreements: the commitments of each version, how two versions differ, which version is in force
// (the newest both sides signed), and each signed commitment's adherence measured month by month from the
// manager's real activity. The device and the server compute it here alike, so both sides see one figure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/one_on_ones/cadence.h"
#include "tandem/sync/org_chart.h"
#include "tandem/sync/policy.h"
#include "tandem/sync/store.h"

namespace tandem {

// What a commitment may be measured by; "" is a commitment kept by judgement, not measured.
namespace metric {
inline constexpr const char* kCheckinCadence = "checkin_cadence";           // target: % of reports kept
inline constexpr const char* kRecognitions = "recognitions_per_month";      // target: recognitions given
inline constexpr const char* kSurveyDiscussed = "survey_discussed_within_days";  // target: days after close
inline constexpr const char* kMentoringSessions = "mentoring_sessions_per_month";  // target: sessions
}  // namespace metric

struct Commitment {
    std::string key;  // the same commitment keeps its key from version to version
    std::string text;
    std::string metric;
    int target = 0;
    bool operator==(const Commitment& other) const {
        return key == other.key && text == other.text && metric == other.metric && target == other.target;
    }
};

const std::vector<std::string>& commitment_metrics();  // the measured ones
std::string describe_target(const Commitment& commitment);  // "1:1 cadence kept for 100% of reports"
std::optional<std::vector<Commitment>> parse_commitments(std::string_view json);
std::string commitments_json(const std::vector<Commitment>& commitments);
bool is_commitment_list(std::string_view json);  // the shape agreement_version.commitments must have

enum class Difference { Same, Changed, Added, Removed };
struct CommitmentDiff {
    Difference kind = Difference::Same;
    std::optional<Commitment> before, after;
};
// Row by row for a side-by-side view: the earlier version's commitments in order, then the ones added.
std::vector<CommitmentDiff> compare_commitments(const std::vector<Commitment>& before,
                                                const std::vector<Commitment>& after);

struct Signature {
    std::string signature_id, signer_id, signed_on;
};

struct AgreementVersion {
    std::string version_id, author_id, note;
    int number = 0;
    std::vector<Commitment> commitments;
    std::optional<Signature> manager, hr;  // the first signature of each side on this version
    bool signed_by_both() const { return manager && hr; }
    std::string in_force_on() const;  // the later of the two signatures; "" unless both signed
};

struct AgreementComment {
    std::string comment_id, author_id, version_id, commitment_key, text, written_on;
};

struct AgreementView {
    std::string agreement_id, manager_id, title;
    std::vector<AgreementVersion> versions;  // by number
    std::vector<AgreementComment> comments;  // oldest first
    int in_force = -1;                       // index of the newest version both signed, -1 for none
    // A newer version than the one in force waits for both signatures: it is what is being agreed.
    bool awaiting_signatures() const { return !versions.empty() && in_force != int(versions.size()) - 1; }
};

std::vector<AgreementView> agreement_views(Store& store);  // every agreement the store holds, by title
std::optional<AgreementView> agreement_view(Store& store, const std::string& agreement_id);
// Orders versions, attaches signatures and comments and finds the version in force. Exposed for tests.
void settle_agreement(AgreementView& view);

// The manager's real activity that commitments are measured on.
struct ManagerActivity {
    struct Report {
        std::string person_id;
        Cadence cadence;
        std::vector<std::string> checkins;  // days held, ascending
    };
    struct ClosedSurvey {
        std::string survey_id, closed_on;
        std::string first_action_on;  // the day the manager first planned an action on it; "" never
    };
    std::vector<Report> reports;                 // the manager's direct reports today
    std::vector<std::string> recognitions;       // days the manager gave one
    std::vector<std::string> mentoring_sessions;  // days of sessions with their mentor
    std::vector<ClosedSurvey> surveys;           // surveys of their team that have closed
};

// `org`, when given, limits surveys to those whose audience includes the manager (the server holds all of
// them); a device holds only those its user reads and passes none.
ManagerActivity manager_activity(Store& store, const std::string& manager_id, const std::string& today,
                                 const OrgChart* org);

struct MonthAdherence {
    enum class Status { Met, Missed, NoData, InProgress };
    std::string month;  // "YYYY-MM"
    Status status = Status::NoData;
    double value = 0;   // the measured figure in the metric's unit (a %, a count)
    double goal = 0;    // the target for the days measured in this month
};

struct CommitmentAdherence {
    Commitment commitment;
    std::string since;  // measured from the day the first signed version holding it came into force
    std::vector<MonthAdherence> months;  // oldest first
    int met = 0, judged = 0;             // months met out of months judged (no data and the month under way aside)
};

CommitmentAdherence measure_commitment(const Commitment& commitment, const std::string& since,
                                       const ManagerActivity& activity, const std::string& today);
// Every measured commitment of the version in force; empty until one is signed by both.
std::vector<CommitmentAdherence> agreement_adherence(const AgreementView& agreement, const ManagerActivity& activity,
                                                     const std::string& today);
const char* to_string(MonthAdherence::Status status);

// An agreement's adherence is between HR and the manager it concerns: HR and managers may ask (anyone else is
// refused before the agreement is looked up), and a manager reads only their own. To a manager, another's
// agreement is as unknown as one that does not exist, so the answer never tells them it exists.
bool may_ask_for_adherence(const Actor& reader);
bool may_read_adherence(const Actor& reader, const AgreementView& agreement);

} // namespace tandem

namespace tandem {
// The wire form of adherence (GET /api/v1/agreements/{id}/adherence), written by the server and read back
// by HR's device, so both sides show the figures the same core computed.
Json adherence_json(const AgreementView& agreement, const std::vector<CommitmentAdherence>& adherence);
std::vector<CommitmentAdherence> adherence_from_json(const Json& body);
} // namespace tandem
