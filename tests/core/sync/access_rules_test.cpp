// Who may read figures that need everyone's records (analytics, an agreement's adherence, a program's
// adoption): the rules the server applies, tested here without HTTP.
#include <gtest/gtest.h>

#include "tandem/partnership/agreements.h"
#include "tandem/analytics/analytics_access.h"
#include "tandem/partnership/program_views.h"
#include "tandem/surveys/survey_views.h"

namespace tandem {
namespace {

class AccessRules : public ::testing::Test {
protected:
    void SetUp() override {
        org.set_person("hr", "", Role::HrAdmin);
        org.set_person("director", "", Role::Manager);
        org.set_person("manager", "director", Role::Manager);
        org.set_person("report", "manager", Role::Employee);
        org.set_person("other-manager", "", Role::Manager);
        org.set_person("other-report", "other-manager", Role::Employee);
        org.set_person("mentor", "", Role::Mentor);
    }
    OrgChart org;
    const Actor hr{"hr", Role::HrAdmin}, director{"director", Role::Manager}, manager{"manager", Role::Manager},
        report{"report", Role::Employee}, mentor{"mentor", Role::Mentor};
};

TEST_F(AccessRules, AnalyticsAreForHrAndManagersAndExitsForHrOnly) {
    EXPECT_TRUE(analytics::may_read_analytics(hr));
    EXPECT_TRUE(analytics::may_read_analytics(manager));
    EXPECT_FALSE(analytics::may_read_analytics(report));
    EXPECT_FALSE(analytics::may_read_analytics(mentor));
    EXPECT_TRUE(analytics::may_read_exits(hr));
    EXPECT_FALSE(analytics::may_read_exits(director));
    EXPECT_TRUE(analytics::may_read_org_survey_figures(hr));
    EXPECT_FALSE(analytics::may_read_org_survey_figures(director));
    EXPECT_EQ(analytics::survey_root_for(hr), "org");
    EXPECT_EQ(analytics::survey_root_for(director), "tree:director");
}

TEST_F(AccessRules, AManagerSeesTheTeamsOfTheirTreeAndHrEveryTeam) {
    EXPECT_EQ(analytics::visible_teams(hr, org), (std::vector<std::string>{"director", "manager", "other-manager"}));
    EXPECT_EQ(analytics::visible_teams(director, org), (std::vector<std::string>{"director", "manager"}));
    EXPECT_EQ(analytics::visible_teams(manager, org), (std::vector<std::string>{"manager"}));
    EXPECT_TRUE(analytics::visible_teams(report, org).empty());
    EXPECT_TRUE(may_read_team_figures(director, "manager", org));
    EXPECT_FALSE(may_read_team_figures(manager, "director", org)) << "never upwards";
    EXPECT_FALSE(may_read_team_figures(manager, "other-manager", org)) << "never sideways";
    EXPECT_FALSE(may_read_team_figures(report, "manager", org));
    EXPECT_TRUE(may_read_team_figures(hr, "other-manager", org));
    EXPECT_TRUE(may_read_team_figures(manager, "manager", org)) << "their own team";
    EXPECT_FALSE(may_read_team_figures(mentor, "manager", org)) << "a mentor reads no team's figures";
}

TEST_F(AccessRules, AdherenceIsBetweenHrAndTheManagerItConcerns) {
    AgreementView agreement;
    agreement.agreement_id = "a";
    agreement.manager_id = "manager";
    EXPECT_TRUE(may_read_adherence(hr, agreement));
    EXPECT_TRUE(may_read_adherence(manager, agreement));
    EXPECT_FALSE(may_read_adherence(director, agreement)) << "not even the manager's own manager";
    EXPECT_FALSE(may_read_adherence(report, agreement));
    EXPECT_TRUE(may_ask_for_adherence(hr));
    EXPECT_TRUE(may_ask_for_adherence(director)) << "a manager may ask, and is answered only for their own";
    EXPECT_FALSE(may_ask_for_adherence(report));
    EXPECT_FALSE(may_ask_for_adherence(mentor));
}

TEST_F(AccessRules, AdoptionIsForHrAndManagers) {
    EXPECT_TRUE(may_read_adoption(hr));
    EXPECT_TRUE(may_read_adoption(manager));
    EXPECT_FALSE(may_read_adoption(report));
    EXPECT_FALSE(may_read_adoption(mentor));
}

TEST_F(AccessRules, ASurveyInvitesTheTeamsOfTheTreesItNames) {
    EXPECT_TRUE(survey_invites_team("org", "other-manager", org));
    EXPECT_TRUE(survey_invites_team("director", "director", org));
    EXPECT_TRUE(survey_invites_team("director", "manager", org)) << "a team inside an invited tree";
    EXPECT_FALSE(survey_invites_team("manager", "director", org)) << "never the tree above";
    EXPECT_FALSE(survey_invites_team("director", "other-manager", org));
    EXPECT_TRUE(survey_invites_team("director,other-manager", "other-manager", org));
    EXPECT_FALSE(survey_invites_team("", "manager", org));
}

}  // namespace
}  // namespace tandem
