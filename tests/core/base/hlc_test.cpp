#include "tandem/base/hlc.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

TEST(Hlc, WireFormRoundTripsAndIsSixteenLowercaseHexDigits) {
    Hlc hlc{0x018f3a5c2b1eULL, 3};
    EXPECT_EQ(hlc.to_string(), "018f3a5c2b1e0003");
    auto parsed = Hlc::parse("018f3a5c2b1e0003");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, hlc);
}

TEST(Hlc, RejectsMalformedText) {
    EXPECT_FALSE(Hlc::parse(""));
    EXPECT_FALSE(Hlc::parse("018f3a5c2b1e000"));    // 15 digits
    EXPECT_FALSE(Hlc::parse("018f3a5c2b1e00033"));  // 17 digits
    EXPECT_FALSE(Hlc::parse("018F3A5C2B1E0003"));   // uppercase would break string ordering
    EXPECT_FALSE(Hlc::parse("018f3a5c2b1e000g"));
}

TEST(Hlc, StringOrderMatchesClockOrder) {
    Hlc a{1000, 65535}, b{1001, 0}, c{1001, 1};
    EXPECT_LT(a, b);
    EXPECT_LT(b, c);
    EXPECT_LT(a.to_string(), b.to_string());
    EXPECT_LT(b.to_string(), c.to_string());
}

TEST(HlcClock, StaysMonotonicWhenTheWallClockStallsOrGoesBack) {
    HlcClock clock;
    Hlc first = clock.now(5000);
    Hlc same_ms = clock.now(5000);
    Hlc went_back = clock.now(4000);  // NTP step backwards
    Hlc forward = clock.now(6000);
    EXPECT_LT(first, same_ms);
    EXPECT_LT(same_ms, went_back);
    EXPECT_LT(went_back, forward);
    EXPECT_EQ(forward, (Hlc{6000, 0}));
}

TEST(HlcClock, OrdersLocalEventsAfterARemoteClockThatRunsAhead) {
    HlcClock laptop;
    Hlc remote{90000, 7};  // another device whose clock is 85 s ahead
    laptop.observe(remote, 5000);
    Hlc next = laptop.now(5001);
    EXPECT_LT(remote, next);
    EXPECT_EQ(next.millis, 90000u);  // physical part does not jump to the local time until it catches up
}

TEST(HlcClock, CounterOverflowBorrowsTheNextMillisecond) {
    HlcClock clock;
    clock.restore(Hlc{100, 0xffff});
    Hlc next = clock.now(100);
    EXPECT_EQ(next, (Hlc{101, 0}));
}

TEST(HlcClock, RestoreNeverMovesBackwards) {
    HlcClock clock;
    clock.now(1000);
    clock.restore(Hlc{500, 0});
    EXPECT_EQ(clock.last().millis, 1000u);
}

}  // namespace
}  // namespace tandem
