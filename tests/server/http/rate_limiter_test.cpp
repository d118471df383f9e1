// The answer and kiosk limiter under a flood of new keys: bounded, oldest window forgotten first, and a key
// whose window is current stays limited. (Its cost per call is measured in scripts/bench-attacks.)
#include <gtest/gtest.h>

#include "http/rate_limiter.h"

namespace tandem::server {
namespace {

TEST(RateLimiter, AKeyOverItsLimitWaitsForTheEndOfItsWindow) {
    RateLimiter limiter(2, 10);
    EXPECT_EQ(limiter.wait_seconds("k", 1000), 0);
    EXPECT_EQ(limiter.wait_seconds("k", 2000), 0);
    EXPECT_EQ(limiter.wait_seconds("k", 3000), 58);
    EXPECT_EQ(limiter.wait_seconds("other", 3000), 0) << "keys are counted apart";
    EXPECT_EQ(limiter.wait_seconds("k", 61'000), 0) << "a new window";
}

TEST(RateLimiter, AFloodOfNewKeysForgetsTheOldestWindowsFirstAndStaysBounded) {
    RateLimiter limiter(2, 100);
    for (int i = 0; i < 100; ++i) {
        const std::string key = "old-" + std::to_string(i);
        limiter.wait_seconds(key, i);
        limiter.wait_seconds(key, i);
    }
    for (int i = 0; i < 50; ++i) limiter.wait_seconds("new-" + std::to_string(i), 1000 + i);
    EXPECT_EQ(limiter.size(), 100u);
    // The fifty newest of the old keys are still inside their window and over their limit.
    for (int i = 50; i < 100; ++i)
        EXPECT_GT(limiter.wait_seconds("old-" + std::to_string(i), 2000), 0) << i;
    // The fifty oldest were forgotten to make room: each starts a fresh window (and evicts a newer key).
    EXPECT_EQ(limiter.wait_seconds("old-0", 2000), 0);
    EXPECT_EQ(limiter.size(), 100u);
}

TEST(RateLimiter, FinishedWindowsDrainAsNewKeysArrive) {
    RateLimiter limiter(1, 1000);
    for (int i = 0; i < 500; ++i) limiter.wait_seconds("early-" + std::to_string(i), 0);
    for (int i = 0; i < 500; ++i) limiter.wait_seconds("late-" + std::to_string(i), 120'000);
    EXPECT_EQ(limiter.size(), 500u) << "each new key forgets one finished window";
    EXPECT_GT(limiter.wait_seconds("late-499", 120'500), 0) << "current windows still limit";
}

TEST(RateLimiter, AReturningKeyMovesToTheNewEndWhenItsWindowRestarts) {
    RateLimiter limiter(1, 2);
    limiter.wait_seconds("a", 0);
    limiter.wait_seconds("b", 30'000);
    limiter.wait_seconds("a", 61'000);  // a's second window is now newer than b's
    limiter.wait_seconds("c", 62'000);  // full: b, whose window started first, goes
    EXPECT_GT(limiter.wait_seconds("a", 62'000), 0) << "a's current window survived";
    EXPECT_GT(limiter.wait_seconds("c", 62'000), 0);
}

}  // namespace
}  // namespace tandem::server
