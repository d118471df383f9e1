// Record rules the server judges through SyncService beyond field specs: a signature's day, survey
// thresholds that only rise, a closed survey that stays closed, references to records that exist, and a
// journal prompt that is one of the journal's own.
#include <gtest/gtest.h>

#include "support/policy_org.h"
#include "support/sealed_sample.h"
#include "tandem/partnership/agreements.h"
#include "tandem/base/dates.h"
#include "tandem/journal/journal_views.h"

namespace tandem {
namespace {

struct Org : PolicyOrg {
    std::string make(const std::string& who, const std::string& entity, Json fields) {
        const std::string record = id();
        auto outcome = push(who, entity, record, std::move(fields));
        EXPECT_EQ(outcome.status, "accepted") << entity << ": " << (outcome.error ? outcome.error->message : "");
        return record;
    }
    // The error code of a refused change, or its status when it was not refused.
    std::string code(const std::string& who, const std::string& entity, const std::string& record, Json fields) {
        auto outcome = push(who, entity, record, std::move(fields));
        return outcome.error ? outcome.error->code : outcome.status;
    }
    std::string today() const { return iso_from_millis(now + 60000); }
};

TEST(RecordRules, ASignatureIsDatedBetweenItsVersionAndTheServersToday) {
    Org o;
    const std::string a = o.make(o.hana, "agreement", {{"manager_id", o.maya}, {"title", "Maya 2026"}});
    const std::string list = commitments_json({{"c1", "Fortnightly 1:1s", metric::kCheckinCadence, 100}});
    const std::string v = o.make(o.hana, "agreement_version",
                                 {{"agreement_id", a}, {"author_id", o.hana}, {"number", 1}, {"commitments", list}});
    auto signature = [&](const std::string& who, const std::string& on) {
        return Json{{"agreement_id", a}, {"version_id", v}, {"signer_id", who}, {"signed_on", on}};
    };
    EXPECT_EQ(o.code(o.maya, "agreement_signature", o.id(), signature(o.maya, "2099-12-31")), "invalid_change")
        << "a day in the future keeps the new commitments from ever being judged";
    EXPECT_EQ(o.code(o.maya, "agreement_signature", o.id(), signature(o.maya, add_days(o.today(), -1))),
              "invalid_change")
        << "nobody signs a version before it was written";
    EXPECT_TRUE(o.store.records_of("agreement_signature").empty());

    // Three days later the manager's device, offline since the version arrived, signs on its own day.
    const std::string written = o.today();
    o.now += 3 * 86'400'000ull;
    o.make(o.maya, "agreement_signature", signature(o.maya, written));
    o.make(o.hana, "agreement_signature", signature(o.hana, o.today()));
    EXPECT_EQ(agreement_view(o.store, a)->versions[0].in_force_on(), o.today());

    const std::string other = o.make(o.hana, "agreement", {{"manager_id", o.noah}, {"title", "Noah 2026"}});
    EXPECT_EQ(o.code(o.noah, "agreement_signature", o.id(),
                     {{"agreement_id", other}, {"version_id", v}, {"signer_id", o.noah}, {"signed_on", o.today()}}),
              "invalid_change")
        << "a signature of another agreement's version";
}

TEST(RecordRules, OnceOpenedASurveysThresholdsOnlyRiseAndAClosedSurveyNeverReopens) {
    Org o;
    const std::string s = o.make(o.hana, "survey", {{"title", "Pulse"}, {"audience", "org"}, {"status", "draft"}});
    auto set = [&](Json fields) { return o.code(o.hana, "survey", s, std::move(fields)); };
    EXPECT_EQ(set({{"min_group_size", 3}, {"min_comment_group_size", 4}}), "accepted") << "a draft may go lower";
    EXPECT_EQ(set({{"status", "open"}}), "accepted");
    EXPECT_EQ(set({{"min_group_size", 2}}), "invalid_change") << "the field's own range";
    EXPECT_EQ(set({{"min_comment_group_size", 3}}), "invalid_change");
    EXPECT_EQ(set({{"min_group_size", 6}, {"min_comment_group_size", 8}}), "accepted");
    EXPECT_EQ(set({{"min_group_size", 5}}), "invalid_change") << "three answered under the promise of 6";
    EXPECT_EQ(set({{"min_comment_group_size", 7}, {"title", "Pulse, renamed"}}), "invalid_change")
        << "the whole change is refused";
    EXPECT_EQ(set({{"status", "draft"}}), "invalid_change") << "an opened survey does not go back to draft";
    EXPECT_EQ(set({{"status", "closed"}}), "accepted");
    EXPECT_EQ(set({{"min_group_size", 4}}), "invalid_change") << "closed: still never lower";
    EXPECT_EQ(set({{"status", "open"}}), "invalid_change");
    EXPECT_EQ(set({{"status", "draft"}}), "invalid_change");
    EXPECT_EQ(set({{"min_group_size", 7}}), "accepted") << "raising is always allowed";

    auto survey = o.store.load(s);
    EXPECT_EQ(survey->state.text("status"), "closed");
    EXPECT_EQ(survey->state.value("min_group_size"), 7);
    EXPECT_EQ(survey->state.value("min_comment_group_size"), 8);
    EXPECT_EQ(survey->state.text("title"), "Pulse");
}

TEST(RecordRules, ASurveyPastItsClosingDayIsClosedAndKeepsThatDay) {
    Org o;
    const std::string yesterday = add_days(o.today(), -1);
    const std::string s = o.make(o.hana, "survey", {{"title", "Pulse"}, {"audience", "org"}, {"status", "open"},
                                                    {"opens_on", add_days(o.today(), -8)}, {"closes_on", yesterday}});
    auto set = [&](Json fields) { return o.code(o.hana, "survey", s, std::move(fields)); };
    EXPECT_EQ(set({{"closes_on", add_days(o.today(), 7)}}), "invalid_change") << "that would reopen it";
    EXPECT_EQ(set({{"closes_on", nullptr}}), "invalid_change");
    EXPECT_EQ(set({{"status", "draft"}}), "invalid_change");
    EXPECT_EQ(set({{"title", "Pulse (October)"}}), "accepted");
    EXPECT_EQ(set({{"status", "closed"}}), "accepted");

    const std::string running = o.make(o.hana, "survey", {{"title", "Running"}, {"audience", "org"},
                                                          {"status", "open"}, {"closes_on", o.today()}});
    EXPECT_EQ(o.code(o.hana, "survey", running, {{"closes_on", add_days(o.today(), 7)}}), "accepted")
        << "a survey still open may run longer";
}

TEST(RecordRules, AcceptedChangesAreToldInsideThePushRefusedOnesAreNot) {
    Org o;
    const std::string s = o.make(o.hana, "survey", {{"title", "Pulse"}, {"audience", "org"}, {"status", "open"}});
    std::vector<std::string> told;
    auto change = [&](const std::string& id, Json fields) {
        return Json{{"id", id}, {"entity", "survey"}, {"record_id", s}, {"hlc", Hlc{o.now + 100, 0}.to_string()},
                    {"fields", std::move(fields)}};
    };
    auto outcomes = o.service.push(
        o.actor(o.hana), o.org, "hr-laptop",
        Json::array({change("t-1", {{"min_group_size", 4}}), change("t-2", {{"min_group_size", 9}})}), o.now + 60000,
        [&](const Change& accepted, const RecordState* before) {
            ASSERT_TRUE(before);
            told.push_back(accepted.id + ": " + before->value("min_group_size").dump() + " -> " +
                           accepted.fields["min_group_size"].dump());
        });
    EXPECT_EQ(outcomes[0].status, "rejected");
    EXPECT_EQ(outcomes[1].status, "accepted");
    EXPECT_EQ(told, std::vector<std::string>{"t-2: null -> 9"});
}

TEST(RecordRules, RecordIdsMustNameRecordsThatExistAndTheWriterMaySee) {
    Org o;
    const std::string org_survey = o.make(o.hana, "survey", {{"title", "All"}, {"audience", "org"}});
    const std::string noahs_survey = o.make(o.hana, "survey", {{"title", "Noah's tree"}, {"audience", o.noah}});
    auto action = [&](const std::string& survey) {
        return Json{{"manager_id", o.maya}, {"survey_id", survey}, {"focus", "engagement"},
                    {"title", "Weekly team retro"},  {"owner_id", o.rui},   {"due_on", "2026-03-01"}};
    };
    const std::string missing = o.id();
    const std::string message_missing = o.push(o.maya, "survey_action", o.id(), action(missing)).error->message;
    const std::string message_unseen = o.push(o.maya, "survey_action", o.id(), action(noahs_survey)).error->message;
    EXPECT_EQ(message_missing, message_unseen) << "missing and unseen read the same";
    EXPECT_EQ(o.code(o.maya, "survey_action", o.id(), action(o.hana)), "invalid_change") << "a person, not a survey";
    EXPECT_TRUE(o.store.records_of("survey_action").empty());
    o.make(o.maya, "survey_action", action(org_survey));

    // As for parents, a deleted record is still one: the order the delete and the reference arrive in
    // must not decide the outcome.
    ASSERT_EQ(o.push(o.hana, "survey", org_survey, {}, true).status, "accepted");
    o.make(o.maya, "survey_action", action(org_survey));

    // Optional references: null is fine, an unknown program is not.
    EXPECT_EQ(o.code(o.hana, "training_session", o.id(), {{"title", "Coaching"}, {"held_on", "2026-02-01"},
                                                           {"program_id", nullptr}}),
              "accepted");
    EXPECT_EQ(o.code(o.hana, "training_session", o.id(), {{"title", "Coaching"}, {"held_on", "2026-02-01"},
                                                           {"program_id", o.id()}}),
              "invalid_change");
}

TEST(RecordRules, AJournalPromptIsOneOfTheJournalsOwnOrEmpty) {
    Org o;
    auto entry = [&](Json prompt) {
        return Json{{"owner_id", o.maya}, {"written_on", "2026-01-05"}, {"prompt", std::move(prompt)},
                    {"text", testing::sealed_sample("I listened")}};
    };
    EXPECT_EQ(o.code(o.maya, "journal_entry", o.id(), entry(std::string(500, 'x'))), "invalid_change")
        << "free text there would be unsealed words of the manager";
    EXPECT_EQ(o.code(o.maya, "journal_entry", o.id(), entry(reflection_prompts()[0] + " ")), "invalid_change");
    EXPECT_EQ(o.code(o.maya, "journal_entry", o.id(), entry(reflection_prompts()[2])), "accepted");
    EXPECT_EQ(o.code(o.maya, "journal_entry", o.id(), entry("")), "accepted");
}

}  // namespace
}  // namespace tandem
