// Programs, manager agreements and mentoring: who may write and read each record type through the
// server's sync path (HR, the manager concerned, another manager, the pair's mentor, another mentor, an
// employee), and the core's reading of them: threads and spreads, versions and signatures, adherence, cadence.
#include <gtest/gtest.h>

#include "support/policy_org.h"
#include "tandem/partnership/agreements.h"
#include "tandem/base/dates.h"
#include "tandem/partnership/mentoring_views.h"
#include "tandem/partnership/program_views.h"

namespace tandem {
namespace {

// Adds Iris, a second mentor, so "another mentor" is in every matrix.
struct Org : PolicyOrg {
    std::string iris = id();
    Org() { add_person(iris, "Iris", "", Role::Mentor); }

    std::string make(const std::string& who, const std::string& entity, Json fields) {
        const std::string record = id();
        auto outcome = push(who, entity, record, std::move(fields));
        EXPECT_EQ(outcome.status, "accepted") << entity << ": " << (outcome.error ? outcome.error->message : "");
        return record;
    }
    // Moves the clock (devices' and server's) to noon of `day`: a signature may not be dated after today.
    void at(const std::string& day) { now = uint64_t(days_from_iso(day)) * 86'400'000 + 43'200'000; }
    std::string refused(const std::string& who, const std::string& entity, Json fields) {
        auto outcome = push(who, entity, id(), std::move(fields));
        return outcome.error ? outcome.error->code : outcome.status;
    }
    std::string comment(const std::string& who, const std::string& name, const std::string& program, Json extra = {}) {
        Json fields{{"program_id", program}, {"author_id", who}, {"author_name", name}, {"stage", "design"},
                    {"kind", "comment"}, {"text", "Monthly is enough"}};
        for (auto& [k, v] : extra.items()) fields[k] = v;
        return make(who, "program_comment", fields);
    }
};

std::string commitments(std::initializer_list<Commitment> list) { return commitments_json(list); }

TEST(ProgramRules, HrWritesProgramsStaffDiscussThemEmployeesDoNot) {
    Org o;
    Json program{{"title", "Career conversations"}, {"stage", "design"}, {"goal", "Every report has a plan"}};
    EXPECT_EQ(o.refused(o.maya, "program", program), "forbidden");
    const std::string p = o.make(o.hana, "program", program);
    EXPECT_EQ(o.readers(p), "dana maya noah hana elena iris") << "staff, not employees";

    const std::string c = o.comment(o.maya, "Maya", p);
    const std::string reply = o.comment(o.elena, "Elena", p, {{"reply_to", c}, {"kind", "proposal"}});
    EXPECT_EQ(o.readers(reply), "dana maya noah hana elena iris");
    EXPECT_EQ(o.refused(o.rui, "program_comment",
                        {{"program_id", p}, {"author_id", o.rui}, {"author_name", "Rui"}, {"stage", "design"},
                         {"kind", "comment"}, {"text", "x"}}),
              "forbidden");
    EXPECT_EQ(o.refused(o.noah, "program_comment",
                        {{"program_id", p}, {"author_id", o.noah}, {"author_name", "Maya"}, {"stage", "design"},
                         {"kind", "comment"}, {"text", "x"}}),
              "invalid_change")
        << "a copied name must be the author's";
    EXPECT_EQ(o.push(o.noah, "program_comment", c, {{"text", "edited by someone else"}}).error->code, "forbidden");

    const std::string rating = o.make(o.maya, "program_rating",
                                      {{"program_id", p}, {"rater_id", o.maya}, {"stage", "design"}, {"usefulness", 4}, {"minutes_per_month", 30}});
    EXPECT_EQ(o.readers(rating), "maya hana") << "HR reads the spread; peers do not see each other's ratings";
    const std::string vote = o.make(o.noah, "program_vote", {{"proposal_id", reply}, {"voter_id", o.noah}, {"in_favour", true}});
    EXPECT_EQ(o.readers(vote), "dana maya noah hana elena iris");
    EXPECT_EQ(o.refused(o.ola, "program_vote", {{"proposal_id", reply}, {"voter_id", o.ola}, {"in_favour", true}}), "forbidden");
}

TEST(ProgramViews, ThreadsVotesSpreadsAndAdoptionFromRealUse) {
    Org o;
    const std::string guide = o.make(o.hana, "guide", {{"kind", "template"}, {"title", "Career chat"}});
    const std::string version = o.make(o.hana, "guide_version", {{"guide_id", guide}, {"version", 1},
                                                                 {"title", "Career chat"}, {"body", "Where next?"}});
    const std::string p = o.make(o.hana, "program", {{"title", "Career conversations"}, {"stage", "design"},
                                                     {"guide_ids", guide}, {"starts_on", "2026-01-01"}});
    const std::string session = o.make(o.hana, "training_session",
                                       {{"title", "Coaching"}, {"held_on", "2026-02-01"}, {"program_id", p}});
    o.make(o.hana, "session_attendance", {{"session_id", session}, {"person_id", o.rui}, {"attended", true}});

    const std::string first = o.comment(o.maya, "Maya", p);
    const std::string proposal = o.comment(o.noah, "Noah", p, {{"kind", "proposal"}, {"text", "Use it quarterly"}});
    o.comment(o.elena, "Elena", p, {{"reply_to", first}});
    o.make(o.maya, "program_vote", {{"proposal_id", proposal}, {"voter_id", o.maya}, {"in_favour", true}});
    o.make(o.dana, "program_vote", {{"proposal_id", proposal}, {"voter_id", o.dana}, {"in_favour", false}});
    // Maya's second rating (another device, offline) does not count twice.
    for (auto [who, useful, minutes] : {std::tuple{o.maya, 4, 30}, {o.noah, 2, 90}, {o.dana, 5, 10}, {o.maya, 1, 600}})
        o.make(who, "program_rating",
               {{"program_id", p}, {"rater_id", who}, {"stage", "design"}, {"usefulness", useful},
                {"minutes_per_month", minutes}});

    // Maya's 1:1s with Rui: one used the program's template, one did not.
    const std::string used = o.make(o.maya, "checkin", {{"report_id", o.rui}, {"held_on", "2026-02-10"}});
    o.make(o.maya, "talking_point", {{"checkin_id", used}, {"text", "Where next?"}, {"position", 0},
                                     {"guide_version_id", version}});
    o.make(o.maya, "checkin", {{"report_id", o.rui}, {"held_on", "2026-02-24"}});
    o.make(o.noah, "checkin", {{"report_id", o.ola}, {"held_on", "2025-12-01"}});  // before the program

    auto programs = program_views(o.store, o.maya);
    ASSERT_EQ(programs.size(), 1u);
    const ProgramView& view = programs[0];
    ASSERT_EQ(view.comments.size(), 3u);
    EXPECT_EQ(view.comments[0].comment_id, first);
    EXPECT_EQ(view.comments[1].depth, 1) << "Elena's reply sits under Maya's comment";
    EXPECT_EQ(view.comments[1].author_name, "Elena");
    EXPECT_EQ(view.comments[2].votes_for, 1);
    EXPECT_EQ(view.comments[2].votes_against, 1);
    EXPECT_EQ(view.comments[2].viewer_vote, 1);
    EXPECT_EQ(view.comments_by_stage.at("design"), 3);
    const RatingSpread& spread = view.ratings.at("design");
    EXPECT_EQ(spread.count, 3);
    EXPECT_NEAR(spread.mean_usefulness, 11.0 / 3, 1e-9);
    EXPECT_EQ(spread.usefulness[1], 1);
    EXPECT_EQ(spread.minutes_median, 30);
    EXPECT_EQ(spread.minutes_high, 90);
    EXPECT_EQ(view.viewer_usefulness, 4);
    EXPECT_EQ(view.session_ids, std::vector<std::string>{session});

    auto adoption = program_adoption(o.store, view);
    ASSERT_EQ(adoption.size(), 3u);  // Dana, Maya, Noah lead teams
    EXPECT_EQ(adoption[1].manager_name, "Maya");
    EXPECT_EQ(adoption[1].checkins, 2);
    EXPECT_EQ(adoption[1].checkins_with_program, 1);
    EXPECT_DOUBLE_EQ(adoption[1].attendance_share(), 1.0);
    EXPECT_EQ(adoption[2].manager_name, "Noah");
    EXPECT_EQ(adoption[2].checkins, 0) << "a 1:1 before the program started is not adoption";
    EXPECT_EQ(adoption[2].attended, 0);
}

TEST(AgreementRules, TheManagerConcernedAndHrOnly) {
    Org o;
    EXPECT_EQ(o.refused(o.maya, "agreement", {{"manager_id", o.maya}, {"title", "My agreement"}}), "forbidden");
    EXPECT_EQ(o.refused(o.hana, "agreement", {{"manager_id", o.elena}, {"title", "x"}}), "invalid_change")
        << "an agreement is a manager's";
    const std::string a = o.make(o.hana, "agreement", {{"manager_id", o.maya}, {"title", "Maya's agreement 2026"}});
    EXPECT_EQ(o.readers(a), "maya hana") << "not Dana above her, not Noah, no mentor, no employee";

    const std::string list = commitments({{"c1", "Meet every report fortnightly", metric::kCheckinCadence, 100}});
    const std::string v1 = o.make(o.hana, "agreement_version",
                                  {{"agreement_id", a}, {"author_id", o.hana}, {"number", 1}, {"commitments", list}});
    const std::string v2 = o.make(o.maya, "agreement_version",
                                  {{"agreement_id", a}, {"author_id", o.maya}, {"number", 2}, {"commitments", list},
                                   {"note", "Amended"}});
    EXPECT_EQ(o.readers(v2), "maya hana");
    for (const auto& who : {o.noah, o.dana, o.elena, o.rui})
        EXPECT_EQ(o.refused(who, "agreement_version",
                            {{"agreement_id", a}, {"author_id", who}, {"number", 3}, {"commitments", list}}),
                  "forbidden");
    EXPECT_EQ(o.refused(o.hana, "agreement_version",
                        {{"agreement_id", a}, {"author_id", o.hana}, {"number", 3}, {"commitments", "[{\"key\":\"c1\"}]"}}),
              "invalid_change");
    EXPECT_EQ(o.push(o.hana, "agreement_version", v1, {{"commitments", "[]"}}).error->code, "invalid_change")
        << "a version is never rewritten";
    EXPECT_EQ(o.push(o.hana, "agreement_version", v1, {}, true).error->code, "forbidden") << "nor deleted";

    const std::string c = o.make(o.maya, "agreement_comment",
                                 {{"agreement_id", a}, {"author_id", o.maya}, {"version_id", v1}, {"text", "Too often"}});
    EXPECT_EQ(o.readers(c), "maya hana");
    o.at("2026-01-01");
    EXPECT_EQ(o.refused(o.maya, "agreement_signature",
                        {{"agreement_id", a}, {"version_id", v2}, {"signer_id", o.hana}, {"signed_on", "2026-01-01"}}),
              "forbidden")
        << "a signature is in the signer's own name";
    const std::string s = o.make(o.maya, "agreement_signature",
                                 {{"agreement_id", a}, {"version_id", v2}, {"signer_id", o.maya}, {"signed_on", "2026-01-01"}});
    EXPECT_EQ(o.push(o.maya, "agreement_signature", s, {}, true).error->code, "forbidden");
    EXPECT_EQ(o.refused(o.noah, "agreement_signature",
                        {{"agreement_id", a}, {"version_id", v2}, {"signer_id", o.noah}, {"signed_on", "2026-01-01"}}),
              "forbidden");
}

TEST(Agreements, ANewVersionNeedsBothSignaturesAgain) {
    Org o;
    const std::string a = o.make(o.hana, "agreement", {{"manager_id", o.maya}, {"title", "Maya 2026"}});
    auto version = [&](const std::string& who, int number, const std::string& list) {
        return o.make(who, "agreement_version",
                      {{"agreement_id", a}, {"author_id", who}, {"number", number}, {"commitments", list}});
    };
    auto sign = [&](const std::string& who, const std::string& v, const char* on) {
        o.at(on);
        o.make(who, "agreement_signature", {{"agreement_id", a}, {"version_id", v}, {"signer_id", who}, {"signed_on", on}});
    };
    const Commitment cadence{"c1", "Fortnightly 1:1s", metric::kCheckinCadence, 100};
    const std::string v1 = version(o.hana, 1, commitments({cadence}));
    EXPECT_EQ(agreement_view(o.store, a)->in_force, -1);
    sign(o.maya, v1, "2026-01-01");
    EXPECT_EQ(agreement_view(o.store, a)->in_force, -1) << "one signature is not agreement";
    sign(o.hana, v1, "2026-01-02");
    auto view = agreement_view(o.store, a);
    EXPECT_EQ(view->in_force, 0);
    EXPECT_FALSE(view->awaiting_signatures());
    EXPECT_EQ(view->versions[0].in_force_on(), "2026-01-02");

    const std::string v2 = version(o.maya, 2, commitments({cadence, {"c2", "Recognise monthly", metric::kRecognitions, 2}}));
    view = agreement_view(o.store, a);
    EXPECT_TRUE(view->awaiting_signatures()) << "the amendment invalidates the agreement until both sign it";
    EXPECT_EQ(view->in_force, 0) << "the signed version stays what is measured meanwhile";
    sign(o.maya, v2, "2026-02-01");
    EXPECT_TRUE(agreement_view(o.store, a)->awaiting_signatures());
    sign(o.hana, v2, "2026-02-03");
    view = agreement_view(o.store, a);
    EXPECT_EQ(view->in_force, 1);
    EXPECT_EQ(view->versions[1].manager->signer_id, o.maya);
    EXPECT_EQ(view->versions[1].hr->signer_id, o.hana);
}

TEST(Agreements, VersionsCompareRowByRow) {
    const std::vector<Commitment> before{{"a", "Fortnightly 1:1s", metric::kCheckinCadence, 100},
                                         {"b", "Recognise", metric::kRecognitions, 2},
                                         {"c", "Be kind", "", 0}};
    const std::vector<Commitment> after{{"c", "Be kind", "", 0},
                                        {"a", "Fortnightly 1:1s", metric::kCheckinCadence, 80},
                                        {"d", "Mentoring monthly", metric::kMentoringSessions, 1}};
    auto rows = compare_commitments(before, after);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].kind, Difference::Changed);
    EXPECT_EQ(rows[0].after->target, 80);
    EXPECT_EQ(rows[1].kind, Difference::Removed);
    EXPECT_FALSE(rows[1].after);
    EXPECT_EQ(rows[2].kind, Difference::Same);
    EXPECT_EQ(rows[3].kind, Difference::Added);
    EXPECT_EQ(rows[3].after->key, "d");
    EXPECT_TRUE(is_commitment_list(commitments_json(after)));
    EXPECT_FALSE(is_commitment_list(R"([{"key":"a","text":"x","metric":"checkin_cadence","target":101}])"));
    EXPECT_FALSE(is_commitment_list(R"([{"key":"a","text":"x"},{"key":"a","text":"y"}])")) << "keys are unique";
    EXPECT_FALSE(is_commitment_list(R"([{"key":"a","text":"x","metric":"sales"}])"));
}

using Status = MonthAdherence::Status;

TEST(Adherence, CadenceKeptMonthByMonthForEveryReport) {
    ManagerActivity activity;
    Cadence fortnightly;
    activity.reports.push_back({"a", fortnightly, {"2026-01-05", "2026-01-15", "2026-01-29", "2026-02-12",
                                                   "2026-02-26", "2026-03-12"}});
    // Due 24 January, met 20 February: overdue from 25 January to 19 February.
    activity.reports.push_back({"b", fortnightly, {"2026-01-10", "2026-02-20", "2026-03-05", "2026-03-18"}});
    auto result = measure_commitment({"c1", "1:1s", metric::kCheckinCadence, 100}, "2026-01-01", activity, "2026-03-20");
    ASSERT_EQ(result.months.size(), 3u);
    EXPECT_EQ(result.months[0].month, "2026-01");
    EXPECT_DOUBLE_EQ(result.months[0].value, 50);
    EXPECT_EQ(result.months[0].status, Status::Missed);
    EXPECT_EQ(result.months[1].status, Status::Missed);
    EXPECT_DOUBLE_EQ(result.months[2].value, 100);
    EXPECT_EQ(result.months[2].status, Status::InProgress) << "March is not over";
    EXPECT_EQ(result.judged, 2);
    EXPECT_EQ(result.met, 0);

    // On 31 March the month is whole: a's 1:1 due 26 March has not happened, b's is due 1 April.
    auto lenient = measure_commitment({"c1", "1:1s", metric::kCheckinCadence, 50}, "2026-01-01", activity, "2026-03-31");
    EXPECT_EQ(lenient.months[0].status, Status::Met) << "half the team kept is a 50% target met";
    EXPECT_DOUBLE_EQ(lenient.months[2].value, 50);
    EXPECT_EQ(lenient.months[2].status, Status::Met);
    EXPECT_EQ(lenient.judged, 3);
    EXPECT_EQ(lenient.met, 3);

    ManagerActivity nobody;
    auto empty = measure_commitment({"c1", "1:1s", metric::kCheckinCadence, 100}, "2026-01-01", nobody, "2026-02-10");
    EXPECT_EQ(empty.months[0].status, Status::NoData) << "no reports, nothing to judge";
    EXPECT_EQ(empty.judged, 0);
}

TEST(Adherence, MonthsWithoutASurveyHaveNoData) {
    ManagerActivity activity;
    activity.surveys = {{"s1", "2026-02-10", "2026-02-15"},   // discussed in 5 days
                        {"s2", "2026-02-20", ""},             // never: deadline 6 March passed
                        {"s3", "2026-03-15", ""}};            // deadline 29 March not reached
    auto result =
        measure_commitment({"c3", "Discuss results", metric::kSurveyDiscussed, 14}, "2026-01-01", activity, "2026-03-20");
    ASSERT_EQ(result.months.size(), 3u);
    EXPECT_EQ(result.months[0].status, Status::NoData);
    EXPECT_EQ(result.months[1].status, Status::Missed);
    EXPECT_DOUBLE_EQ(result.months[1].value, 50);
    EXPECT_EQ(result.months[2].status, Status::InProgress);
    EXPECT_EQ(result.judged, 1);
}

TEST(Adherence, ACommitmentAddedMidPeriodIsMeasuredFromItsSigning) {
    AgreementView agreement;
    agreement.manager_id = "maya";
    const Commitment cadence{"c1", "1:1s", metric::kCheckinCadence, 100};
    const Commitment praise{"c2", "Recognise", metric::kRecognitions, 4};
    AgreementVersion v1{"v1", "hr", "", 1, {cadence}, Signature{"s1", "maya", "2026-01-01"}, Signature{"s2", "hr", "2026-01-01"}};
    AgreementVersion v2{"v2", "maya", "", 2, {cadence, praise}, Signature{"s3", "maya", "2026-02-16"},
                        Signature{"s4", "hr", "2026-02-15"}};
    agreement.versions = {v2, v1};
    settle_agreement(agreement);
    ASSERT_EQ(agreement.in_force, 1);

    ManagerActivity activity;
    activity.reports.push_back({"a", Cadence{}, {"2026-01-10", "2026-01-20", "2026-02-01", "2026-02-14", "2026-02-27",
                                                 "2026-03-10"}});
    activity.recognitions = {"2026-02-03", "2026-02-20", "2026-02-25", "2026-03-02"};
    auto adherence = agreement_adherence(agreement, activity, "2026-03-20");
    ASSERT_EQ(adherence.size(), 2u);
    EXPECT_EQ(adherence[0].since, "2026-01-01") << "a commitment carried over keeps its start";
    EXPECT_EQ(adherence[0].months.size(), 3u);
    EXPECT_EQ(adherence[1].since, "2026-02-16");
    ASSERT_EQ(adherence[1].months.size(), 2u);
    EXPECT_DOUBLE_EQ(adherence[1].months[0].goal, 2) << "13 of February's 28 days ask for 2 of 4";
    EXPECT_DOUBLE_EQ(adherence[1].months[0].value, 2) << "the recognition before signing does not count";
    EXPECT_EQ(adherence[1].months[0].status, Status::Met);
    EXPECT_EQ(adherence[1].months[1].status, Status::InProgress);
    EXPECT_EQ(adherence[1].judged, 1);

    agreement.versions.push_back({"v3", "maya", "", 3, {praise}, std::nullopt, std::nullopt});
    settle_agreement(agreement);
    EXPECT_EQ(agreement_adherence(agreement, activity, "2026-03-20").size(), 2u)
        << "an unsigned version changes nothing measured";
}

TEST(Adherence, TheManagersActivityIsReadReportByReportFromTheStore) {
    Org o;
    const std::string sam = o.id();
    o.add_person(sam, "Sam", o.maya, Role::Employee);
    o.make(o.maya, "cadence", {{"report_id", sam}, {"every", "week"}});
    for (auto [who, day] : {std::pair{o.rui, "2026-01-05"}, {sam, "2026-01-10"}, {o.rui, "2026-01-20"},
                            {o.rui, "2026-03-01"}})  // the last is after "today"
        o.make(o.maya, "checkin", {{"report_id", who}, {"held_on", day}});
    o.make(o.noah, "checkin", {{"report_id", o.ola}, {"held_on", "2026-01-07"}});
    o.make(o.maya, "recognition", {{"from_id", o.maya}, {"about_id", o.rui}, {"about_name", "Rui"},
                                   {"given_on", "2026-01-15"}, {"behaviour", "Calm release"}});

    const ManagerActivity activity = manager_activity(o.store, o.maya, "2026-02-01", &o.org);
    ASSERT_EQ(activity.reports.size(), 2u);
    for (const auto& report : activity.reports) {
        if (report.person_id == o.rui) {
            EXPECT_EQ(report.checkins, (std::vector<std::string>{"2026-01-05", "2026-01-20"}));
            EXPECT_EQ(report.cadence.every, Cadence::Every::Fortnight) << "no cadence set: the default";
        } else {
            EXPECT_EQ(report.person_id, sam);
            EXPECT_EQ(report.checkins, std::vector<std::string>{"2026-01-10"});
            EXPECT_EQ(report.cadence.every, Cadence::Every::Week);
        }
    }
    EXPECT_EQ(activity.recognitions, std::vector<std::string>{"2026-01-15"});
    EXPECT_TRUE(manager_activity(o.store, o.noah, "2026-02-01", &o.org).recognitions.empty());
}

TEST(MentoringRules, ThePairWritesSessionsHrSeesThatTheyHappenedNotWhatWasSaid) {
    Org o;
    Json pair{{"mentee_id", o.maya}, {"mentor_id", o.elena}, {"mentee_name", "Maya"}, {"mentor_name", "Elena"},
              {"cadence_days", 30}, {"started_on", "2026-01-01"}};
    EXPECT_EQ(o.refused(o.maya, "mentoring_pair", pair), "forbidden");
    Json not_a_mentor = pair;
    not_a_mentor["mentor_id"] = o.noah;
    not_a_mentor["mentor_name"] = "Noah";
    EXPECT_EQ(o.refused(o.hana, "mentoring_pair", not_a_mentor), "invalid_change");
    const std::string p = o.make(o.hana, "mentoring_pair", pair);
    EXPECT_EQ(o.readers(p), "maya hana elena");

    const std::string s = o.make(o.elena, "mentoring_session", {{"pair_id", p}, {"held_on", "2026-01-20"}, {"minutes", 45}});
    EXPECT_EQ(o.readers(s), "maya hana elena");
    for (const auto& who : {o.iris, o.noah, o.hana, o.rui})
        EXPECT_EQ(o.refused(who, "mentoring_session", {{"pair_id", p}, {"held_on", "2026-01-21"}}), "forbidden");
    const std::string note = o.make(o.elena, "mentoring_note", {{"session_id", s}, {"text", "Delegation worries"}});
    EXPECT_EQ(o.readers(note), "maya elena") << "never HR, never another mentor";
    EXPECT_EQ(o.refused(o.hana, "mentoring_note", {{"session_id", s}, {"text", "x"}}), "forbidden");
    EXPECT_EQ(o.refused(o.iris, "mentoring_note", {{"session_id", s}, {"text", "x"}}), "forbidden");
    const std::string topic = o.make(o.maya, "mentoring_topic", {{"pair_id", p}, {"text", "Hiring my first lead"}});
    EXPECT_EQ(o.readers(topic), "maya elena");
    EXPECT_EQ(o.push(o.elena, "mentoring_topic", topic, {{"discussed", true}}).status, "accepted")
        << "either of the pair ticks a topic off";
}

TEST(MentoringViews, CadenceDueOverdueAndManagersWithoutAMentor) {
    Org o;
    const std::string p = o.make(o.hana, "mentoring_pair",
                                 {{"mentee_id", o.maya}, {"mentor_id", o.elena}, {"mentee_name", "Maya"},
                                  {"mentor_name", "Elena"}, {"cadence_days", 30}, {"started_on", "2026-01-01"}});
    const std::string s = o.make(o.maya, "mentoring_session", {{"pair_id", p}, {"held_on", "2026-01-20"}});
    o.make(o.maya, "mentoring_note", {{"session_id", s}, {"text", "Spoke about hiring"}});

    auto pairs = mentoring_pairs(o.store, "2026-02-15");
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(pairs[0].next_due, "2026-02-19");
    EXPECT_FALSE(pairs[0].overdue);
    EXPECT_EQ(pairs[0].sessions.at(0).note, "Spoke about hiring") << "the server's store holds everything";
    EXPECT_TRUE(mentoring_pairs(o.store, "2026-02-20")[0].overdue);

    auto coverage = mentoring_coverage(o.store, pairs);
    ASSERT_EQ(coverage.size(), 3u) << "Dana, Maya and Noah lead teams";
    EXPECT_EQ(coverage[0].name, "Dana");
    EXPECT_EQ(coverage[0].pair, -1);
    EXPECT_EQ(coverage[1].pair, 0);
    EXPECT_EQ(coverage[2].pair, -1);
}

} // namespace
} // namespace tandem
