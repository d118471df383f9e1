// A mode that takes the whole device over (the kiosk): registered by a feature, it keeps everybody's session
// closed while it lasts, survives a restart, and hands back to a fresh sign-in screen when it ends.
#include <gtest/gtest.h>

#include "app/app.h"
#include "fake_platform.h"

namespace tandem::testing {
namespace {

// The mode's own state, as a feature keeps it (the kiosk keeps its in kiosk.db).
bool device_was_left_taken_over = false;
bool taken_over = false;
int ticks = 0;

client::Registry features_with_a_takeover() {
    client::Registry features;
    features.add_screen({"team", [](client::Context&) {}, {}, {{Role::Manager, "My team"}}});
    features.set_home(Role::Manager, "team");
    features.set_device_takeover({[](client::Platform&) { return taken_over = device_was_left_taken_over; },
                                  [] { return taken_over; }, [](client::Platform&) { ++ticks; },
                                  [](client::Platform&) {}});
    return features;
}

class DeviceTakeoverTest : public ::testing::Test {
protected:
    void SetUp() override {
        device_was_left_taken_over = taken_over = false;
        ticks = 0;
    }

    void sign_in(client::App& app) {
        app.sign_in("manager1@demo.example", "tandem-demo");
        platform.answer(200,
                        Json{{"token", "token-1"}, {"user", {{"id", kMaya}, {"name", "Maya Chen"}, {"role", "manager"}}}}
                            .dump());
    }

    FakePlatform platform;
    client::Registry features = features_with_a_takeover();
};

TEST_F(DeviceTakeoverTest, ADeviceLeftTakenOverOpensNobodysSessionAfterARestart) {
    {
        client::App app{platform, features};
        app.update();
        sign_in(app);
        ASSERT_TRUE(app.signed_in());
        app.update();
    }
    device_was_left_taken_over = true;  // the kiosk was registered, then the tab closed
    client::App restarted{platform, features};
    restarted.update();
    EXPECT_TRUE(restarted.taken_over());
    EXPECT_FALSE(restarted.signed_in()) << "the saved session must not open on a taken-over device";
    EXPECT_EQ(ticks, 1) << "the mode runs in the app's frames";
}

TEST_F(DeviceTakeoverTest, WhenTheModeEndsTheAppStartsAfreshAtSignIn) {
    client::App app{platform, features};
    app.update();
    sign_in(app);
    app.update();
    ASSERT_EQ(app.screen(), "team");

    taken_over = true;  // HR handed the device over, as the kiosk does: the session ends
    app.sign_out();
    app.update();
    app.update();
    EXPECT_EQ(ticks, 2);
    EXPECT_FALSE(app.signed_in());

    taken_over = false;  // exited with HR's PIN
    app.update();
    EXPECT_FALSE(app.taken_over());
    EXPECT_EQ(app.screen(), client::kSignInScreen);
    EXPECT_FALSE(app.can_go_back());
    EXPECT_EQ(ticks, 2) << "an ended mode is not run again";
}

TEST_F(DeviceTakeoverTest, ASecondModeThatWouldOwnTheDeviceIsRefused) {
    EXPECT_THROW(features.set_device_takeover({[](client::Platform&) { return false; }, [] { return false; },
                                               [](client::Platform&) {}, [](client::Platform&) {}}),
                 std::logic_error);
}

}  // namespace
}  // namespace tandem::testing
