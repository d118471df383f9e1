// The survey rules the server applies around its own tables: answer links only for people still employed in
// the team, never more than one each, and an audit entry for exactly the thresholds a change really moved.
#include <gtest/gtest.h>

#include "support/policy_org.h"
#include "tandem/surveys/survey_rules.h"

namespace tandem {
namespace {

// Maya's team: Rui, plus people who left, are leaving, or were erased.
struct TeamWithLeavers : PolicyOrg {
    std::string left = id(), leaving = id(), erased = id(), joined = id();

    TeamWithLeavers() {
        add_person(left, "Lea", maya, Role::Employee);
        add_person(leaving, "Leo", maya, Role::Employee);
        add_person(erased, "Eve", maya, Role::Employee);
        add_person(joined, "Jo", maya, Role::Employee);
        set(left, {{"exit_date", "2026-11-30"}});
        set(leaving, {{"exit_date", "2026-12-31"}});
        Change erase = stamped(erased, Json::object());
        erase.deleted = true;
        service.write_as_server({erase});
    }

    Change stamped(const std::string& who, Json fields) {
        Change c;
        c.id = "edit-" + std::to_string(++serial);
        c.entity = "person";
        c.record_id = who;
        c.hlc = Hlc{now + uint64_t(serial), 0}.to_string();
        c.device_id = "server";
        c.fields = std::move(fields);
        return c;
    }
    void set(const std::string& who, Json fields) { service.write_as_server({stamped(who, std::move(fields))}); }
};

TEST(AnswerLinks, OneLinkPerReportStillEmployedTodayLessThoseMadeBefore) {
    TeamWithLeavers world;
    // Rui, Jo and Leo (leaving at the end of the month) are employed on Dec 2; Lea left, Eve was erased.
    EXPECT_EQ(answer_link_allowance(world.store, world.org, world.maya, "2026-12-02", 0), 3);
    EXPECT_EQ(answer_link_allowance(world.store, world.org, world.maya, "2026-12-02", 2), 1);
    EXPECT_EQ(answer_link_allowance(world.store, world.org, world.maya, "2027-01-05", 0), 2) << "Leo has left by then";
    EXPECT_EQ(answer_link_allowance(world.store, world.org, world.maya, "2026-12-02", 7), 0) << "never below zero";
    EXPECT_EQ(answer_link_allowance(world.store, world.org, world.rui, "2026-12-02", 0), 0) << "Rui leads nobody";
}

Change survey_change(int counter, Json fields) {
    Change c;
    c.id = "s-" + std::to_string(counter);
    c.entity = "survey";
    c.record_id = "01900000-0000-7000-8000-0000000000aa";
    c.hlc = Hlc{1'760'000'000'000ull, uint16_t(counter)}.to_string();
    c.device_id = "hr-laptop";
    c.fields = std::move(fields);
    return c;
}

TEST(SurveyThresholds, OnlyWhatAChangeReallyMovedIsReported) {
    RecordState survey;
    ASSERT_TRUE(merge(survey, survey_change(2, {{"title", "Pulse"}, {"min_group_size", 5}})));
    const RecordState before = survey;

    const Change lowered = survey_change(3, {{"min_group_size", 3}, {"min_comment_group_size", 5}});
    merge(survey, lowered);
    Json moved = threshold_changes(lowered, &before, &survey);
    EXPECT_EQ(moved, (Json{{"min_group_size", {{"old", 5}, {"new", 3}}}}))
        << "the comment threshold was sent unchanged (5 is also the default), so only one moved";

    const RecordState after_lowering = survey;
    const Change late = survey_change(1, {{"min_group_size", 8}});  // an older stamp: loses the merge
    merge(survey, late);
    EXPECT_TRUE(threshold_changes(late, &after_lowering, &survey).empty()) << "a change that lost moved nothing";

    const Change title = survey_change(4, {{"title", "Pulse, December"}});
    EXPECT_TRUE(threshold_changes(title, &after_lowering, &survey).empty());
    EXPECT_TRUE(threshold_changes(lowered, nullptr, &survey).empty()) << "a new survey's thresholds are its first";
    Change other = lowered;
    other.entity = "checkin";
    EXPECT_TRUE(threshold_changes(other, &before, &survey).empty());
}

}  // namespace
}  // namespace tandem
