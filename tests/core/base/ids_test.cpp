#include "tandem/base/ids.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <set>

namespace tandem {
namespace {

TEST(Ids, UuidV7AscendEvenWithinOneMillisecond) {
    std::string previous = new_uuid_v7(1'700'000'000'000);
    std::set<std::string> seen{previous};
    for (int i = 0; i < 10000; ++i) {
        std::string next = new_uuid_v7(1'700'000'000'000);
        ASSERT_LT(previous, next);
        ASSERT_TRUE(seen.insert(next).second);
        previous = next;
    }
}

TEST(Ids, UuidV7HasVersionVariantAndTimestamp) {
    // Later than any millisecond used before in this process: ids never step back in time.
    const uint64_t millis = uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::system_clock::now().time_since_epoch())
                                         .count()) + 60'000;
    std::string id = new_uuid_v7(millis);
    EXPECT_TRUE(is_uuid(id));
    char expected[16];
    std::snprintf(expected, sizeof expected, "%08llx-%04llx", (unsigned long long)(millis >> 16),
                  (unsigned long long)(millis & 0xffff));
    EXPECT_EQ(id.substr(0, 13), expected);
    EXPECT_EQ(id[14], '7');
    EXPECT_TRUE(std::string("89ab").find(id[19]) != std::string::npos);
}

TEST(Ids, ClientTokensAreBounded) {
    EXPECT_TRUE(is_client_token("dev-0190a000:laptop_1.2"));
    EXPECT_FALSE(is_client_token(""));
    EXPECT_FALSE(is_client_token(std::string(65, 'a')));
    EXPECT_FALSE(is_client_token("has space"));
    EXPECT_FALSE(is_client_token("quote\""));
}

TEST(Ids, IdListsAreUuidsBetweenCommas) {
    const std::string a = new_uuid_v7(1), b = new_uuid_v7(2);
    EXPECT_TRUE(is_id_list(""));
    EXPECT_TRUE(is_id_list(a));
    EXPECT_TRUE(is_id_list(a + "," + b));
    EXPECT_FALSE(is_id_list(a + ","));
    EXPECT_FALSE(is_id_list("," + a));
    EXPECT_FALSE(is_id_list(a + ",," + b));
    EXPECT_FALSE(is_id_list(a + ", " + b));
}

}  // namespace
}  // namespace tandem
