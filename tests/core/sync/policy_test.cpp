#include "tandem/sync/policy.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

// A small org: director > manager > report; another manager with their own report; HR.
struct Org {
    OrgChart chart;
    Org() {
        chart.set_person("director", "", Role::Manager);
        chart.set_person("manager", "director", Role::Manager);
        chart.set_person("report", "manager", Role::Employee);
        chart.set_person("other-manager", "", Role::Manager);
        chart.set_person("other-report", "other-manager", Role::Employee);
        chart.set_person("hr", "", Role::HrAdmin);
    }
};

Change checkin_about(const std::string& report) {
    Change c;
    c.entity = "checkin";
    c.fields = {{"report_id", report}};
    return c;
}

TEST(OrgChart, ManagesDirectAndIndirectReportsOnly) {
    Org org;
    EXPECT_TRUE(org.chart.manages("manager", "report"));
    EXPECT_TRUE(org.chart.manages("director", "report"));
    EXPECT_FALSE(org.chart.manages("report", "manager"));
    EXPECT_FALSE(org.chart.manages("other-manager", "report"));
    EXPECT_FALSE(org.chart.manages("manager", "manager"));
}

TEST(OrgChart, ACycleFromABadImportDoesNotHang) {
    OrgChart chart;
    chart.set_person("a", "b", Role::Manager);
    chart.set_person("b", "a", Role::Manager);
    EXPECT_TRUE(chart.manages("b", "a"));
    EXPECT_FALSE(chart.manages("c", "a"));
}

TEST(Policy, AManagerMayWriteCheckInsOnlyAboutTheirTeam) {
    Org org;
    const auto& spec = *find_entity("checkin");
    Actor manager{"manager", Role::Manager};
    EXPECT_FALSE(may_write(manager, spec, checkin_about("report"), nullptr, nullptr, org.chart));
    auto refused = may_write(manager, spec, checkin_about("other-report"), nullptr, nullptr, org.chart);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->code, "forbidden");
}

TEST(Policy, OnlyTheAuthorMayEditACheckInEvenIfAnotherManagerIsAboveTheReport) {
    Org org;
    RecordMeta written_by_manager{"checkin", "manager", "report"};
    auto refused = may_write(Actor{"director", Role::Manager}, *find_entity("checkin"), checkin_about("report"),
                             &written_by_manager, nullptr, org.chart);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->code, "forbidden");
}

TEST(Policy, NoDeviceMayWritePeopleNotEvenHr) {
    Org org;
    Change c;
    c.entity = "person";
    EXPECT_TRUE(may_write(Actor{"hr", Role::HrAdmin}, *find_entity("person"), c, nullptr, nullptr, org.chart));
}

TEST(Policy, HrCannotWriteCheckIns) {
    Org org;
    EXPECT_TRUE(may_write(Actor{"hr", Role::HrAdmin}, *find_entity("checkin"), checkin_about("report"), nullptr,
                          nullptr, org.chart));
}

TEST(Policy, ActionItemsBelongToTheAuthorOfTheirCheckIn) {
    Org org;
    RecordMeta checkin{"checkin", "manager", "report"};
    Change item;
    item.entity = "action_item";
    item.fields = {{"owner_id", "report"}};
    const auto& spec = *find_entity("action_item");
    EXPECT_FALSE(may_write(Actor{"manager", Role::Manager}, spec, item, nullptr, &checkin, org.chart));
    EXPECT_TRUE(may_write(Actor{"director", Role::Manager}, spec, item, nullptr, &checkin, org.chart));
    item.fields = {{"owner_id", "other-report"}};
    EXPECT_TRUE(may_write(Actor{"manager", Role::Manager}, spec, item, nullptr, &checkin, org.chart));
}

TEST(Policy, ReadRulesFollowRoleTeamAndAuthorship) {
    Org org;
    Actor manager{"manager", Role::Manager}, hr{"hr", Role::HrAdmin}, other{"other-manager", Role::Manager};
    RecordMeta report_person{"person", "", "report"};
    RecordMeta checkin{"checkin", "manager", "report"};
    RecordMeta note{"private_note", "manager", "report"};
    EXPECT_TRUE(may_read(manager, report_person, org.chart));
    EXPECT_TRUE(may_read(hr, report_person, org.chart));
    EXPECT_FALSE(may_read(other, report_person, org.chart));
    EXPECT_TRUE(may_read(manager, checkin, org.chart));
    EXPECT_FALSE(may_read(hr, checkin, org.chart));
    EXPECT_FALSE(may_read(Actor{"director", Role::Manager}, checkin, org.chart));  // not the author
    EXPECT_TRUE(may_read(manager, note, org.chart));
    EXPECT_FALSE(may_read(hr, note, org.chart));
    EXPECT_TRUE(may_read(Actor{"report", Role::Employee}, report_person, org.chart));  // own record
}

}  // namespace
}  // namespace tandem
