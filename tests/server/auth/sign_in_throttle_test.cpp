// The guess throttle on its own: progressive waits, no lockout of clients that have not failed, a bounded
// table that forgets one entry at a time.
#include <gtest/gtest.h>

#include "auth/sign_in_throttle.h"

namespace tandem::server {
namespace {

constexpr int64_t kNow = 1'800'000'000'000;  // milliseconds

TEST(SignInThrottle, WaitsGrowAfterTheFreeFailuresAndASuccessClearsThePair) {
    SignInThrottle throttle;
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(throttle.wait_seconds("a@x.example", "10.0.0.1", kNow), 0) << "free failure " << i;
        throttle.record_failure("a@x.example", "10.0.0.1", kNow);
    }
    EXPECT_EQ(throttle.wait_seconds("a@x.example", "10.0.0.1", kNow), 0);
    throttle.record_failure("A@X.example", "10.0.0.1", kNow);  // addresses compare ignoring case
    EXPECT_EQ(throttle.wait_seconds("a@x.example", "10.0.0.1", kNow), 1);
    EXPECT_EQ(throttle.wait_seconds("a@x.example", "10.0.0.1", kNow + 999), 1) << "rounded up";
    EXPECT_EQ(throttle.wait_seconds("a@x.example", "10.0.0.1", kNow + 1000), 0);
    throttle.record_failure("a@x.example", "10.0.0.1", kNow + 1000);
    EXPECT_EQ(throttle.wait_seconds("a@x.example", "10.0.0.1", kNow + 1000), 2);
    for (int i = 0; i < 30; ++i) throttle.record_failure("a@x.example", "10.0.0.1", kNow + 2000);
    EXPECT_EQ(throttle.wait_seconds("a@x.example", "10.0.0.1", kNow + 2000), 15 * 60) << "capped at 15 minutes";
    EXPECT_EQ(throttle.wait_seconds("a@x.example", "10.0.0.2", kNow + 2000), 0) << "another client is not held back";
    EXPECT_EQ(throttle.wait_seconds("a@x.example", "10.0.0.1", kNow + 2000 + 15 * 60 * 1000), 0) << "the wait ends";
}

TEST(SignInThrottle, ManyClientsGuessingOneAddressHoldBackOnlyThemselves) {
    SignInThrottle throttle;
    for (int client = 0; client < 60; ++client)
        throttle.record_failure("owner@x.example", "10.1.0." + std::to_string(client), kNow);
    EXPECT_GT(throttle.wait_seconds("owner@x.example", "10.1.0.7", kNow), 0) << "a guessing client waits";
    EXPECT_EQ(throttle.wait_seconds("owner@x.example", "192.168.1.20", kNow), 0) << "the owner's client does not";
}

TEST(SignInThrottle, SprayingManyAddressesHoldsBackTheSprayer) {
    SignInThrottle throttle;
    for (int i = 0; i < 25; ++i) throttle.record_failure("user" + std::to_string(i) + "@x.example", "10.2.0.1", kNow);
    EXPECT_GT(throttle.wait_seconds("fresh@x.example", "10.2.0.1", kNow), 0);
    EXPECT_EQ(throttle.wait_seconds("fresh@x.example", "10.2.0.2", kNow), 0);
}

TEST(SignInThrottle, TheTableIsBoundedAndForgetsTheLeastRecentlyTouchedFirst) {
    SignInThrottle throttle(300);
    for (int i = 0; i < 6; ++i) throttle.record_failure("victim@x.example", "10.3.0.1", kNow);
    ASSERT_GT(throttle.wait_seconds("victim@x.example", "10.3.0.1", kNow), 0);
    // Another client sprays far more addresses than the table holds. Its own counter is touched by every
    // failure, so it stays, and it is soon held back; the table never grows past its bound.
    for (int i = 0; i < 5000; ++i) {
        throttle.record_failure("spray" + std::to_string(i) + "@x.example", "10.3.0.2", kNow);
        ASSERT_LE(throttle.size(), 300u);
    }
    EXPECT_GT(throttle.wait_seconds("anyone@x.example", "10.3.0.2", kNow), 0);
    EXPECT_EQ(throttle.size(), 300u);
}

}  // namespace
}  // namespace tandem::server
