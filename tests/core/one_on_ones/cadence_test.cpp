// 1:1 cadence and the agenda's carried items: due dates across month ends and leap years, a cadence per
// report, and open action items that follow the report into every later 1:1 until done, however the
// meetings were created or moved.
#include <gtest/gtest.h>

#include "support/sync_world.h"
#include "tandem/one_on_ones/cadence.h"
#include "tandem/one_on_ones/checkin_views.h"
#include "tandem/base/dates.h"

namespace tandem {
namespace {

Cadence every(Cadence::Every kind, int days = 14) {
    Cadence cadence;
    cadence.every = kind;
    cadence.days = days;
    return cadence;
}

TEST(Cadence, MonthsEndOnTheLastDayTheTargetMonthHas) {
    EXPECT_EQ(add_months("2026-01-31", 1), "2026-02-28");
    EXPECT_EQ(add_months("2028-01-31", 1), "2028-02-29");  // leap year
    EXPECT_EQ(add_months("2100-01-29", 1), "2100-02-28");  // a century that is not a leap year
    EXPECT_EQ(add_months("2000-01-30", 1), "2000-02-29");  // a 400th year that is
    EXPECT_EQ(add_months("2026-12-15", 1), "2027-01-15");
    EXPECT_EQ(add_months("2024-02-29", 12), "2025-02-28");
    EXPECT_EQ(add_months("2026-03-31", 1), "2026-04-30");
}

TEST(Cadence, NextDueFollowsTheCadenceAndIsTodayWhenNeverMet) {
    EXPECT_EQ(next_due("", every(Cadence::Every::Week), "2026-11-23"), "2026-11-23");
    EXPECT_EQ(next_due("2026-12-29", every(Cadence::Every::Week), "x"), "2027-01-05");
    EXPECT_EQ(next_due("2026-11-23", every(Cadence::Every::Fortnight), "x"), "2026-12-07");
    EXPECT_EQ(next_due("2026-01-31", every(Cadence::Every::Month), "x"), "2026-02-28");
    EXPECT_EQ(next_due("2028-02-28", every(Cadence::Every::Days, 1), "x"), "2028-02-29");
    EXPECT_EQ(next_due("2026-11-23", every(Cadence::Every::Days, 45), "x"), "2027-01-07");
    EXPECT_EQ(every(Cadence::Every::Days, 10).describe(), "Every 10 days");
    EXPECT_EQ(weekday("2026-11-23"), 0);  // a Monday
    EXPECT_EQ(weekday("2026-11-29"), 6);
}

struct TeamWorld : ::testing::Test {
    testing::World world;
    Store store{world.dir.file("device.db")};
    Replica manager{store, world.manager, [this] { return world.now; }};

    std::string checkin(const std::string& held_on) {
        std::string id = manager.new_record_id();
        EXPECT_FALSE(manager.edit("checkin", id, {{"report_id", world.report}, {"held_on", held_on}}).problem);
        return id;
    }
    std::string item(const std::string& checkin_id, const std::string& text, bool done = false) {
        std::string id = manager.new_record_id();
        EXPECT_FALSE(manager.edit("action_item", id, {{"checkin_id", checkin_id}, {"text", text}, {"done", done}})
                         .problem);
        return id;
    }
    ReportSummary summary(const std::string& today) {
        for (auto& report : team_overview(store, world.manager, today))
            if (report.person_id == world.report) return report;
        ADD_FAILURE() << "report missing";
        return {};
    }
    std::vector<std::string> carried_texts(const std::string& checkin_id) {
        std::vector<std::string> texts;
        for (auto& carried : checkin_detail(store, checkin_id, world.manager).carried)
            texts.push_back(carried.item.text);
        return texts;
    }
};

TEST_F(TeamWorld, EachReportIsDueByTheCadenceItsManagerSet) {
    world.sync(manager, world.manager);  // the team arrives
    checkin("2026-10-31");
    EXPECT_EQ(summary("2026-11-05").next_due, "2026-11-14") << "fortnightly until a cadence is set";
    const std::string cadence = manager.new_record_id();
    ASSERT_FALSE(manager.edit("cadence", cadence, {{"report_id", world.report}, {"every", "month"}}).problem);
    ReportSummary report = summary("2026-12-01");
    EXPECT_EQ(report.next_due, "2026-11-30");
    EXPECT_TRUE(report.overdue);
    EXPECT_EQ(report.cadence_id, cadence);
    EXPECT_FALSE(summary("2026-11-30").overdue);
    ASSERT_FALSE(manager.edit("cadence", cadence, {{"every", "days"}, {"days", 3}}).problem);
    EXPECT_EQ(summary("2026-11-02").next_due, "2026-11-03");
    EXPECT_EQ(manager.edit("cadence", cadence, {{"every", "yearly"}}).problem->code, "invalid_change");
}

TEST_F(TeamWorld, OpenItemsCarryIntoEveryLaterOneToOneUntilDone) {
    world.sync(manager, world.manager);
    // A 1:1 prepared in advance, before the earlier meetings even took place.
    const std::string upcoming = checkin("2026-12-01");
    const std::string october = checkin("2026-10-01");
    const std::string first = checkin("2026-11-01");
    const std::string open = item(first, "Book the course");
    item(first, "Already done", true);
    const std::string second = checkin("2026-11-10");
    item(second, "Draft the promotion case");

    EXPECT_EQ(carried_texts(upcoming), (std::vector<std::string>{"Book the course", "Draft the promotion case"}));
    EXPECT_EQ(carried_texts(second), (std::vector<std::string>{"Book the course"}));
    EXPECT_TRUE(carried_texts(october).empty()) << "items from later meetings do not travel back in time";
    EXPECT_TRUE(carried_texts(first).empty()) << "a 1:1's own items are its own, not carried";

    // Postponed: the upcoming 1:1 moves a week later and still carries everything.
    ASSERT_FALSE(manager.edit("checkin", upcoming, {{"held_on", "2026-12-08"}}).problem);
    EXPECT_EQ(carried_texts(upcoming).size(), 2u);
    // Ticked off in any meeting: it leaves every agenda.
    ASSERT_FALSE(manager.edit("action_item", open, {{"done", true}}).problem);
    EXPECT_EQ(carried_texts(upcoming), (std::vector<std::string>{"Draft the promotion case"}));
    // Deleting the 1:1 it came from takes it off the agenda too.
    ASSERT_FALSE(manager.edit("checkin", second, Json::object(), true).problem);
    EXPECT_TRUE(carried_texts(upcoming).empty());
}

TEST_F(TeamWorld, APlannedOneToOneCountsForNothingUntilItIsHeld) {
    world.sync(manager, world.manager);
    checkin("2026-11-01");
    EXPECT_EQ(summary("2026-11-20").next_due, "2026-11-15");
    // Prepared for today, as "New 1:1" does when a report is overdue: still overdue, still due the 15th.
    const std::string prepared = manager.new_record_id();
    ASSERT_FALSE(manager.edit("checkin", prepared, {{"report_id", world.report}, {"held_on", "2026-11-20"},
                                                    {"status", "planned"}})
                     .problem);
    ReportSummary report = summary("2026-11-20");
    EXPECT_EQ(report.last_checkin, "2026-11-01");
    EXPECT_TRUE(report.overdue);
    EXPECT_EQ(report.planned_id, prepared);
    EXPECT_EQ(report.planned_on, "2026-11-20");
    auto history = checkin_history(store, world.report);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_TRUE(history[0].planned);
    EXPECT_FALSE(history[1].planned) << "a 1:1 written without a status was held";
    EXPECT_TRUE(checkin_detail(store, prepared, world.manager).untouched());

    ASSERT_FALSE(manager.edit("checkin", prepared, {{"status", "held"}}).problem);
    report = summary("2026-11-20");
    EXPECT_EQ(report.last_checkin, "2026-11-20");
    EXPECT_FALSE(report.overdue);
    EXPECT_TRUE(report.planned_id.empty());
    EXPECT_EQ(manager.edit("checkin", prepared, {{"status", "maybe"}}).problem->code, "invalid_change");
}

TEST_F(TeamWorld, SeveralOneToOnesOnOneDayAreToldApartInTheOrderTheyWereWritten) {
    world.sync(manager, world.manager);
    const std::string morning = checkin("2026-11-20");
    world.now += 1000;  // record ids grow with time
    const std::string afternoon = checkin("2026-11-20");
    checkin("2026-11-10");
    auto history = checkin_history(store, world.report);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[0].checkin_id, afternoon);
    EXPECT_EQ(history[0].nth_that_day, 2);
    EXPECT_EQ(history[1].checkin_id, morning);
    EXPECT_EQ(history[1].nth_that_day, 1);
    EXPECT_EQ(history[2].nth_that_day, 0) << "alone on its day";
}

TEST_F(TeamWorld, ACarriedItemTickedInALaterOneToOneStaysThereAsDoneAndCanBeUndone) {
    world.sync(manager, world.manager);
    const std::string first = checkin("2026-11-01");
    const std::string late = item(first, "Book the course");
    ASSERT_FALSE(manager.edit("action_item", late, {{"due_on", "2026-11-10"}}).problem);
    item(first, "No date");
    const std::string second = checkin("2026-11-15");
    EXPECT_EQ(summary("2026-11-15").overdue_items, 1) << "due the 10th, open on the 15th";
    EXPECT_EQ(summary("2026-11-15").open_items, 2);

    ASSERT_FALSE(manager.edit("action_item", late, {{"done", true}, {"done_in", second}}).problem);
    CheckInDetail detail = checkin_detail(store, second, world.manager);
    EXPECT_EQ(detail.carried.size(), 1u);
    ASSERT_EQ(detail.closed_here.size(), 1u);
    EXPECT_EQ(detail.closed_here[0].item.text, "Book the course");
    EXPECT_EQ(detail.closed_here[0].from_held_on, "2026-11-01");
    EXPECT_FALSE(detail.untouched());
    // The 1:1 that agreed it says where it was done.
    for (const auto& agreed : checkin_detail(store, first, world.manager).items)
        if (agreed.item_id == late) EXPECT_EQ(agreed.done_in_on, "2026-11-15");
    EXPECT_EQ(summary("2026-11-15").overdue_items, 0);

    // Undone where it was ticked: open again, carried again.
    ASSERT_FALSE(manager.edit("action_item", late, {{"done", false}, {"done_in", nullptr}}).problem);
    detail = checkin_detail(store, second, world.manager);
    EXPECT_TRUE(detail.closed_here.empty());
    EXPECT_EQ(detail.carried.size(), 2u);
}

TEST_F(TeamWorld, TheAgendaKeepsItsOrder) {
    world.sync(manager, world.manager);
    const std::string meeting = checkin("2026-11-23");
    const std::string a = manager.new_record_id(), b = manager.new_record_id();
    manager.edit("talking_point", a, {{"checkin_id", meeting}, {"text", "Workload"}, {"position", 2000}});
    manager.edit("talking_point", b, {{"checkin_id", meeting}, {"text", "Career"}, {"position", 1000},
                                      {"source", "Career development v1"}});
    auto agenda = checkin_detail(store, meeting, world.manager).agenda;
    ASSERT_EQ(agenda.size(), 2u);
    EXPECT_EQ(agenda[0].text, "Career");
    EXPECT_EQ(agenda[0].source, "Career development v1");
    manager.edit("talking_point", b, {{"position", 3000}, {"done", true}});  // moved down and ticked
    agenda = checkin_detail(store, meeting, world.manager).agenda;
    EXPECT_EQ(agenda[0].text, "Workload");
    EXPECT_TRUE(agenda[1].done);
}

}  // namespace
}  // namespace tandem
