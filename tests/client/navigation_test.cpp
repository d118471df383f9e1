// Navigation by screen id over the features' registry: the back stack, the browser's Back button walking the
// same steps, screens a role may not open, each role's home, and sign-out forgetting what features keep.
#include <gtest/gtest.h>

#include "app/app.h"
#include "feature_api/per_user.h"
#include "fake_platform.h"

namespace tandem::testing {
namespace {

int opened_list = 0;
// Something a feature keeps for the person signed in (a picker's search), as features declare it.
client::PerUser<std::string> typed_search;
client::PerUser<std::string> device_label{std::string("Training room tablet")};
std::string shown_detail;  // what the detail screen was opened on: a feature's own state
int views_rebuilt = 0;
std::string views_user;
size_t views_checkins = 0;

void draw_nothing(client::Context&) {}

client::Registry test_features() {
    client::Registry features;
    features.add_screen({"team", draw_nothing, {}, {{Role::Manager, "My team"}}});
    features.add_screen({"list", draw_nothing, {}, {{Role::Manager, "List"}}, "", [](client::Context&) { ++opened_list; }});
    features.add_screen({"list/detail", draw_nothing, {}, {}, "list"});
    features.add_screen({"hr-only", draw_nothing, {Role::HrAdmin}, {{Role::HrAdmin, "HR"}}});
    features.set_home(Role::Manager, "team");
    features.add_views([](const client::ViewSource& source) {
        ++views_rebuilt;
        views_user = source.user_id;
        views_checkins = source.store.records_of("checkin").size();
    });
    return features;
}

class NavigationTest : public ::testing::Test {
protected:
    void SetUp() override {
        opened_list = views_rebuilt = 0;
        shown_detail.clear();
        views_user.clear();
        views_checkins = 0;
        app.update();
        app.sign_in("manager1@demo.example", "tandem-demo");
        platform.answer(200,
                        Json{{"token", "token-1"}, {"user", {{"id", kMaya}, {"name", "Maya Chen"}, {"role", "manager"}}}}
                            .dump());
        ASSERT_TRUE(app.signed_in());
    }

    FakePlatform platform;
    client::Registry features = test_features();
    client::App app{platform, features};
};

TEST_F(NavigationTest, ARoleLandsOnItsRegisteredHome) {
    EXPECT_EQ(app.screen(), "team");
    EXPECT_FALSE(app.can_go_back());
}

TEST_F(NavigationTest, BackReturnsStepByStepAndTakesTheBrowsersHistoryAlong) {
    app.open_screen("list");
    app.open_screen("list/detail");
    EXPECT_EQ(app.screen(), "list/detail");
    EXPECT_EQ(platform.history_entries, 2) << "one browser entry per step";
    EXPECT_EQ(opened_list, 1);
    app.go_back();
    EXPECT_EQ(app.screen(), "list");
    EXPECT_EQ(platform.history_entries, 1) << "an in-app Back moves the browser's history too";
    app.go_back();
    EXPECT_EQ(app.screen(), "team");
    EXPECT_EQ(platform.history_entries, 0);
    app.go_back();
    EXPECT_EQ(app.screen(), "team") << "with nowhere to go back to, home stays";
}

TEST_F(NavigationTest, TheBrowsersBackButtonWalksTheSameSteps) {
    app.open_screen("list");
    app.open_screen("list/detail");
    platform.press_back();
    app.update();
    EXPECT_EQ(app.screen(), "list");
    platform.press_back();
    app.update();
    EXPECT_EQ(app.screen(), "team");
    EXPECT_FALSE(app.can_go_back());
}

TEST_F(NavigationTest, BackReturnsToTheRecordAScreenWasShowingNotTheLastOneOpened) {
    auto open_detail = [this](const std::string& id) {
        app.open_screen("list/detail", [id](client::Context&) { shown_detail = id; });
    };
    open_detail("first");
    app.open_screen("list");
    open_detail("second");
    EXPECT_EQ(shown_detail, "second");
    platform.press_back();
    app.update();
    platform.press_back();
    app.update();
    EXPECT_EQ(app.screen(), "list/detail");
    EXPECT_EQ(shown_detail, "first");
}

TEST_F(NavigationTest, AScreenTheRoleMayNotOpenOrThatNobodyRegisteredIsRefused) {
    app.open_screen("hr-only");
    EXPECT_EQ(app.screen(), "team");
    app.open_screen("no-such-screen");
    EXPECT_EQ(app.screen(), "team");
    EXPECT_EQ(platform.history_entries, 0) << "a refused step leaves no browser entry";
}

TEST_F(NavigationTest, SignOutForgetsWhatEveryFeatureKeepsAndLeavesNoWayBack) {
    app.open_screen("list");
    typed_search = "Hana";
    device_label = "Hana's tablet";
    app.sign_out();
    EXPECT_EQ(typed_search, "") << "what the last person typed is gone";
    EXPECT_EQ(device_label, "Training room tablet") << "a value with a first value gets that back";
    EXPECT_EQ(app.screen(), client::kSignInScreen);
    EXPECT_FALSE(app.can_go_back());
    EXPECT_EQ(platform.history_entries, 0) << "the browser's entries of the last person's screens are gone";
    platform.press_back();
    app.update();
    EXPECT_EQ(app.screen(), client::kSignInScreen) << "the browser's Back does not reopen the last person's screen";
}

TEST_F(NavigationTest, FeaturesRebuildTheirViewsFromTheStoreOnlyAfterDataChanged) {
    app.update();
    ASSERT_GE(views_rebuilt, 1) << "signing in builds every feature's views";
    EXPECT_EQ(views_user, kMaya);
    EXPECT_EQ(views_checkins, 0u);
    const int before = views_rebuilt;
    app.update();
    EXPECT_EQ(views_rebuilt, before) << "a frame with nothing new rebuilds nothing";
    ASSERT_FALSE(app.edit("checkin", app.new_record_id(), Json{{"report_id", kReport}, {"held_on", "2026-11-30"}})
                     .problem);
    app.update();
    EXPECT_EQ(views_rebuilt, before + 1) << "an edit is shown in the very next frame";
    EXPECT_EQ(views_checkins, 1u) << "the views were built from the store as it now stands";
}

TEST(Registry, TwoFeaturesCannotClaimOneName) {
    client::Registry features;
    features.add_screen({"team", draw_nothing});
    EXPECT_THROW(features.add_screen({"team", draw_nothing}), std::logic_error);
    features.set_home(Role::Manager, "team");
    EXPECT_THROW(features.set_home(Role::Manager, "team"), std::logic_error);
}

}  // namespace
}  // namespace tandem::testing
