// RecordTable against std::map under random adds, overwrites and removals. Keys are drawn from a small set
// so probes collide, runs wrap past the table's end and removals have to move later entries back.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "tandem/analytics/record_table.h"

namespace tandem::analytics {
namespace {

using Table = RecordTable<int>;

Table::Key key_for(uint64_t n) { return {0x0190000000007000ULL | (n >> 8), n * 0x2545f4914f6cdd1dULL}; }

void expect_same(const Table& table, const std::map<Table::Key, int>& expected, uint64_t keys) {
    ASSERT_EQ(table.size(), expected.size());
    for (uint64_t n = 0; n < keys; ++n) {
        const auto it = expected.find(key_for(n));
        const int* found = table.find(key_for(n));
        if (it == expected.end()) {
            EXPECT_EQ(found, nullptr) << "key " << n << " was removed or never added";
        } else {
            ASSERT_NE(found, nullptr) << "key " << n << " went missing";
            EXPECT_EQ(*found, it->second) << "key " << n;
        }
    }
    size_t visited = 0;
    for (const auto& [key, value] : table) {
        ++visited;
        EXPECT_EQ(expected.at(key), value);
    }
    EXPECT_EQ(visited, expected.size());
}

TEST(RecordTable, AgreesWithAnOrderedMapThroughAddsOverwritesAndRemovals) {
    constexpr uint64_t kKeys = 300;
    std::mt19937_64 random(20261204);
    Table table;
    std::map<Table::Key, int> expected;
    for (int step = 0; step < 20000; ++step) {
        const Table::Key key = key_for(random() % kKeys);
        const int value = int(random() % 1000);
        switch (random() % 4) {
        case 0: EXPECT_EQ(table.emplace(key, value), expected.emplace(key, value).second); break;
        case 1:
            table.put(key, value);
            expected[key] = value;
            break;
        default:
            table.erase(key);
            expected.erase(key);
            break;
        }
        if (step % 500 == 0) expect_same(table, expected, kKeys);
    }
    expect_same(table, expected, kKeys);
}

TEST(RecordTable, AdoptingEntriesFindsEachAndRefusesAKeyTwice) {
    std::vector<Table::Entry> entries;
    for (uint64_t n = 0; n < 5000; ++n) entries.emplace_back(key_for(n), int(n));
    Table table;
    ASSERT_TRUE(table.adopt(entries));
    std::map<Table::Key, int> expected(entries.begin(), entries.end());
    expect_same(table, expected, 5001);
    table.erase(key_for(17));
    expected.erase(key_for(17));
    ASSERT_TRUE(table.emplace(key_for(5000), 5000));
    expected.emplace(key_for(5000), 5000);
    expect_same(table, expected, 5001);

    entries.push_back(entries[1234]);
    Table twice;
    EXPECT_FALSE(twice.adopt(entries));
    EXPECT_EQ(twice.size(), 0u);
    EXPECT_EQ(twice.find(key_for(1)), nullptr);
}

}  // namespace
}  // namespace tandem::analytics
