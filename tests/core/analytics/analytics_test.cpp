// People analytics on hand-computed fixtures: overdue days across cadence changes and month ends, the
// employment history through a re-hire, exits and 12-month retention on their boundaries, the ledger that
// folds logged changes (a late, older change does not undo a newer one), buckets, and the cohort split.
#include <gtest/gtest.h>

#include "tandem/analytics/activity_ledger.h"
#include "tandem/analytics/cohorts.h"
#include "tandem/base/dates.h"
#include "tandem/base/hlc.h"

namespace tandem::analytics {
namespace {

Cadence every(Cadence::Every kind, int days = 14) {
    Cadence cadence;
    cadence.every = kind;
    cadence.days = days;
    return cadence;
}

Day d(const char* iso) { return day_of(iso); }

TEST(Analytics, OverdueDaysFollowTheCadenceOfEachDay) {
    // Fortnightly (the default): met on day 10 and 30 after joining on day 0.
    auto spans = overdue_spans({10, 30}, {}, 0);
    ASSERT_EQ(spans.size(), 2u);
    EXPECT_EQ(spans[0].first, 25);  // due on 24, overdue from 25 until the day before the 1:1 on 30
    EXPECT_EQ(spans[0].last, 29);
    EXPECT_EQ(spans[1].first, 45);  // due 44 after the last one; open since
    EXPECT_EQ(spans[1].last, kNoEnd);
    EXPECT_TRUE(kept_cadence(spans, 0, 24));
    EXPECT_FALSE(kept_cadence(spans, 20, 25));
    EXPECT_TRUE(kept_cadence(spans, 30, 44));
    EXPECT_FALSE(kept_cadence(spans, 40, 50));

    // Weekly until day 12, then fortnightly: the gap from 0 to 20 is overdue 8..11 under the weekly
    // cadence, not on 12..14 (the fortnightly due date is 14), and again 15..19.
    spans = overdue_spans({0, 20}, {{0, every(Cadence::Every::Week)}, {12, every(Cadence::Every::Fortnight)}}, 0);
    ASSERT_EQ(spans.size(), 3u);
    EXPECT_EQ(spans[0].first, 8);
    EXPECT_EQ(spans[0].last, 11);
    EXPECT_EQ(spans[1].first, 15);
    EXPECT_EQ(spans[1].last, 19);
    EXPECT_EQ(spans[2].first, 35);
    EXPECT_TRUE(kept_cadence(spans, 12, 14));

    // Monthly from 31 January: due 28 February, overdue from 1 March; someone who left on 10 March is
    // overdue only until the 9th.
    spans = overdue_spans({d("2026-01-31")}, {{0, every(Cadence::Every::Month)}}, d("2026-01-01"), d("2026-03-10"));
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(spans[0].first, d("2026-03-01"));
    EXPECT_EQ(spans[0].last, d("2026-03-09"));
    // Never met: the clock starts on the day they joined.
    spans = overdue_spans({}, {{0, every(Cadence::Every::Days, 10)}}, 100);
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(spans[0].first, 111);
}

TEST(Analytics, ReHiresKeepTheirEarlierEmployment) {
    EmploymentHistory history;
    history.set(d("2020-01-01"), kNoEnd, "");
    history.set(d("2020-01-01"), d("2025-06-01"), "voluntary");  // leaves
    history.set(d("2025-09-01"), kNoEnd, "voluntary");           // re-hired: a new start after the exit
    const auto& spells = history.employments();
    ASSERT_EQ(spells.size(), 2u);
    EXPECT_EQ(spells[0].exit, d("2025-06-01"));
    EXPECT_EQ(spells[0].exit_reason, "voluntary");
    EXPECT_EQ(spells[1].start, d("2025-09-01"));
    EXPECT_EQ(spells[1].exit, kNoEnd);
    EXPECT_TRUE(active_on(spells, d("2025-05-31")));
    EXPECT_FALSE(active_on(spells, d("2025-06-01")));  // gone on the exit date
    EXPECT_FALSE(active_on(spells, d("2025-08-31")));
    EXPECT_TRUE(active_on(spells, d("2025-09-01")));
    // A corrected start date before any exit is a correction, not a re-hire.
    EmploymentHistory corrected;
    corrected.set(d("2021-01-01"), kNoEnd, "");
    corrected.set(d("2021-02-01"), kNoEnd, "");
    EXPECT_EQ(corrected.employments().size(), 1u);
}

PersonFacts person(const char* id, std::vector<Employment> employments) {
    PersonFacts facts;
    facts.person_id = id;
    facts.manager_id = "their-manager";
    facts.employments = std::move(employments);
    facts.derive();
    return facts;
}

TEST(Analytics, ExitsAndRetentionOnTheirBoundaries) {
    const Day from = d("2026-01-01"), to = d("2026-06-30");  // a year before `to`: 2025-06-30
    GroupFigures figures;
    add_person(figures, person("stays", {{d("2024-01-01"), kNoEnd, ""}}), from, to);
    add_person(figures, person("leaves on to", {{d("2024-01-01"), to, "voluntary"}}), from, to);
    add_person(figures, person("leaves the day after", {{d("2024-01-01"), to + 1, "involuntary"}}), from, to);
    add_person(figures, person("joined on the base day", {{d("2025-06-30"), kNoEnd, ""}}), from, to);
    add_person(figures, person("joined the day after", {{d("2025-07-01"), kNoEnd, ""}}), from, to);
    add_person(figures, person("left on the base day", {{d("2024-01-01"), d("2025-06-30"), "voluntary"}}), from, to);
    add_person(figures, person("left before the period", {{d("2024-01-01"), d("2025-12-31"), "involuntary"}}), from, to);
    add_person(figures, person("left on from", {{d("2024-01-01"), from, "involuntary"}}), from, to);
    add_person(figures, person("re-hired", {{d("2020-01-01"), d("2026-02-01"), "voluntary"},
                                            {d("2026-04-01"), kNoEnd, ""}}), from, to);

    // Base (active 2025-06-30): stays, leaves on to, leaves the day after, joined on the base day, left
    // before the period, left on from, re-hired = 7; still active on `to`: stays, the day after, joined on
    // the base day, re-hired = 4.
    EXPECT_EQ(figures.retention.whole, 7);
    EXPECT_EQ(figures.retention.part, 4);
    // Exits dated inside [from, to]: leaves on to, left on from, re-hired's first exit.
    EXPECT_EQ(figures.exits, 3);
    EXPECT_EQ(figures.voluntary_exits, 2);
    // Active on `to`: stays, the day after, joined on the base day, joined the day after, re-hired.
    EXPECT_EQ(figures.headcount, 5);
}

Change change(const std::string& entity, const std::string& id, const char* day, Json fields, int counter = 0) {
    Change out;
    out.entity = entity;
    out.record_id = id;
    out.hlc = Hlc{uint64_t(days_from_iso(day)) * 86400000ULL + 3600000ULL, uint16_t(counter)}.to_string();
    out.fields = std::move(fields);
    return out;
}

TEST(Analytics, TheLedgerFoldsLoggedChangesIntoFacts) {
    const std::string maya = "00000000-0000-7000-8000-000000000001", noah = "00000000-0000-7000-8000-000000000002";
    const std::string checkin_a = "00000000-0000-7000-8000-0000000000a1", checkin_b = "00000000-0000-7000-8000-0000000000a2";
    const std::string item = "00000000-0000-7000-8000-0000000000b1", cadence = "00000000-0000-7000-8000-0000000000c1";
    ActivityLedger ledger;
    ledger.apply(change("person", maya, "2026-01-01", {{"role", "manager"}, {"manager_id", nullptr}}));
    ledger.apply(change("person", noah, "2026-01-01",
                        {{"role", "employee"}, {"manager_id", maya}, {"start_date", "2026-01-05"}}));
    ledger.apply(change("cadence", cadence, "2026-01-05", {{"report_id", noah}, {"every", "week"}}));
    ledger.apply(change("checkin", checkin_a, "2026-01-09", {{"report_id", noah}, {"held_on", "2026-01-09"}}));
    ledger.apply(change("checkin", checkin_b, "2026-01-20", {{"report_id", noah}, {"held_on", "2026-01-20"}}));
    ledger.apply(change("cadence", cadence, "2026-01-21", {{"every", "month"}}));
    // The item is due on the 15th and ticked on the 14th; a late edit made earlier (the 12th) that
    // un-ticks it arrives afterwards and must not count.
    ledger.apply(change("action_item", item, "2026-01-09", {{"checkin_id", checkin_a}, {"due_on", "2026-01-15"}, {"done", false}}));
    ledger.apply(change("action_item", item, "2026-01-14", {{"done", true}}));
    ledger.apply(change("action_item", item, "2026-01-12", {{"done", false}}));
    // Written on the 18th about the 16th: it counts on the day given.
    ledger.apply(change("feedback", "00000000-0000-7000-8000-0000000000d1", "2026-01-18",
                        {{"from_id", maya}, {"about_id", noah}, {"given_on", "2026-01-16"}}));
    // The 1:1 of the 20th moves to the 19th.
    ledger.apply(change("checkin", checkin_b, "2026-01-21", {{"held_on", "2026-01-19"}}, 1));
    // A 1:1 prepared for the 25th and never held counts for nothing; one prepared for the 23rd counts once held.
    const std::string planned = "00000000-0000-7000-8000-0000000000a3", held = "00000000-0000-7000-8000-0000000000a4";
    ledger.apply(change("checkin", planned, "2026-01-22", {{"report_id", noah}, {"held_on", "2026-01-25"},
                                                          {"status", "planned"}}));
    ledger.apply(change("checkin", held, "2026-01-22", {{"report_id", noah}, {"held_on", "2026-01-23"},
                                                       {"status", "planned"}}, 1));
    ledger.refresh();
    EXPECT_EQ(ledger.find(noah)->checkins.size(), 2u) << "neither planned 1:1 counts yet";
    ledger.apply(change("checkin", held, "2026-01-23", {{"status", "held"}}));
    ledger.refresh();
    EXPECT_EQ(ledger.find(noah)->checkins.back(), d("2026-01-23"));
    ledger.apply(change("checkin", held, "2026-01-24", {{"status", "planned"}}));  // taken back

    ledger.refresh();

    const PersonFacts* facts = ledger.find(noah);
    ASSERT_NE(facts, nullptr);
    EXPECT_EQ(facts->manager_id, maya);
    EXPECT_EQ(facts->checkins, (std::vector<Day>{d("2026-01-09"), d("2026-01-19")}));
    ASSERT_EQ(facts->action_items.size(), 1u);
    EXPECT_EQ(facts->action_items[0].done, d("2026-01-14"));
    EXPECT_EQ(facts->feedback_received, std::vector<Day>{d("2026-01-16")});
    EXPECT_EQ(ledger.find(maya)->feedback_given, std::vector<Day>{d("2026-01-16")});
    // Weekly from the 5th: joined the 5th, met the 9th, due the 16th, overdue 17..18, met the 19th; monthly
    // from the 21st: due 19 February.
    ASSERT_EQ(facts->overdue.size(), 2u);
    EXPECT_EQ(facts->overdue[0].first, d("2026-01-17"));
    EXPECT_EQ(facts->overdue[0].last, d("2026-01-18"));
    EXPECT_EQ(facts->overdue[1].first, d("2026-02-20"));

    GroupFigures january;
    add_person(january, *facts, d("2026-01-01"), d("2026-01-31"));
    EXPECT_EQ(january.cadence.part, 0);
    EXPECT_EQ(january.cadence.whole, 1);
    EXPECT_EQ(january.checkins, 2);
    EXPECT_EQ(january.action_items.part, 1);
    EXPECT_EQ(january.feedback_received, 1);
    GroupFigures early_february;
    add_person(early_february, *facts, d("2026-02-01"), d("2026-02-19"));
    EXPECT_EQ(early_february.cadence.part, 1);

    // Deleting a 1:1 takes it back.
    Change removed = change("checkin", checkin_a, "2026-01-22", Json::object());
    removed.deleted = true;
    ledger.apply(removed);
    ledger.refresh();
    EXPECT_EQ(ledger.find(noah)->checkins, std::vector<Day>{d("2026-01-19")});
}

TEST(Analytics, CadenceByMonthPoolsTheMonthsEachPersonWasThere) {
    // Fortnightly from 1 January: met on the 10th and the 30th (overdue 25..29 January), then not again
    // (overdue from 14 February). A second person joined on 15 February and was never met (due 1 March, overdue from the 2nd).
    PersonFacts kept = person("kept", {{d("2026-01-01"), kNoEnd, ""}});
    kept.checkins = {d("2026-01-10"), d("2026-01-30")};
    kept.derive();
    PersonFacts late = person("late", {{d("2026-02-15"), kNoEnd, ""}});
    const auto months = buckets(d("2026-01-01"), d("2026-03-31"), Bucket::Month);
    const Share share = cadence_by_month({&kept, &late}, months);
    // January: kept missed. February: kept missed (14th on), late kept (joined the 15th, due 1 March).
    // March: both missed. 1 of 5 person-months.
    EXPECT_EQ(share.whole, 5);
    EXPECT_EQ(share.part, 1);
}

TEST(Analytics, BucketsAreCalendarMonthsAndIsoWeeksCutToThePeriod) {
    auto months = buckets(d("2026-01-15"), d("2026-03-10"), Bucket::Month);
    ASSERT_EQ(months.size(), 3u);
    EXPECT_EQ(iso_of(months[0].first), "2026-01-15");
    EXPECT_EQ(iso_of(months[0].last), "2026-01-31");
    EXPECT_EQ(iso_of(months[1].last), "2026-02-28");
    EXPECT_EQ(iso_of(months[2].last), "2026-03-10");
    auto weeks = buckets(d("2026-11-25"), d("2026-12-08"), Bucket::Week);  // a Wednesday to a Tuesday
    ASSERT_EQ(weeks.size(), 3u);
    EXPECT_EQ(iso_of(weeks[0].last), "2026-11-29");  // Sunday
    EXPECT_EQ(iso_of(weeks[1].first), "2026-11-30");
    EXPECT_EQ(iso_of(weeks[2].last), "2026-12-08");
}

TEST(Analytics, TheCohortSplitComparesTeamsAtAndAboveTheMedianWithTheRest) {
    std::vector<TeamOutcome> teams{
        {"a", 0.2, 10, 50.0, 0.0, 4.0, {8, 10}},
        {"b", 0.4, 10, std::nullopt, std::nullopt, std::nullopt, {9, 10}},  // survey below threshold
        {"c", 0.8, 5, 70.0, 20.0, 5.0, {5, 5}},
        {"d", 1.0, 15, 80.0, 40.0, 6.0, {14, 15}},
        {"e", std::nullopt, 30, 10.0, -50.0, 1.0, {0, 30}},  // no 1:1 figures: in neither cohort
    };
    auto comparison = compare_cohorts(teams, "1:1 cadence adherence");
    ASSERT_TRUE(comparison.threshold);
    EXPECT_DOUBLE_EQ(*comparison.threshold, 0.8);
    EXPECT_EQ(comparison.high.teams, 2);
    EXPECT_EQ(comparison.high.people, 20);
    EXPECT_EQ(comparison.low.teams, 2);
    EXPECT_EQ(comparison.low.people, 20);
    EXPECT_DOUBLE_EQ(*comparison.high.engagement, (70.0 * 5 + 80.0 * 15) / 20);  // 77.5, by headcount
    EXPECT_DOUBLE_EQ(*comparison.low.engagement, 50.0);  // team b shows none
    EXPECT_DOUBLE_EQ(*comparison.high.retention, 19.0 / 20);
    EXPECT_DOUBLE_EQ(*comparison.low.retention, 17.0 / 20);
    EXPECT_EQ(comparison.low.teams_with_survey, 1);
    std::string reading;
    for (const auto& sentence : comparison.sentences) reading += sentence + "\n";
    EXPECT_NE(reading.find("27.5 points above"), std::string::npos) << reading;
    EXPECT_NE(reading.find("not that one causes the other"), std::string::npos);
    EXPECT_NE(reading.find("fewer than 5 teams"), std::string::npos);
}

}  // namespace
}  // namespace tandem::analytics
