#include "tandem/ids.h"

#include <gtest/gtest.h>

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
    std::string id = new_uuid_v7(0x0123456789abULL);
    EXPECT_TRUE(is_uuid(id));
    EXPECT_EQ(id.substr(0, 13), "01234567-89ab");
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

}  // namespace
}  // namespace tandem
