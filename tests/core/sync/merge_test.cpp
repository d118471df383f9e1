#include "tandem/sync/merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>

namespace tandem {
namespace {

Change change(std::string id, std::string hlc, std::string device, Json fields, bool deleted = false) {
    Change c;
    c.id = std::move(id);
    c.entity = "checkin";
    c.record_id = "0190a000-0000-7000-8000-000000000001";
    c.hlc = std::move(hlc);
    c.device_id = std::move(device);
    c.fields = std::move(fields);
    c.deleted = deleted;
    return c;
}

RecordState merge_all(const std::vector<Change>& changes) {
    RecordState state;
    for (const auto& c : changes) merge(state, c);
    return state;
}

TEST(Merge, LaterClockWinsEachFieldIndependently) {
    RecordState state = merge_all({
        change("a", "0000000003e80000", "phone", {{"shared_notes", "from phone"}, {"mood", 2}}),
        change("b", "0000000003e90000", "laptop", {{"shared_notes", "from laptop"}}),
    });
    EXPECT_EQ(state.value("shared_notes"), "from laptop");
    EXPECT_EQ(state.value("mood"), 2);  // untouched by the later change, so the phone's value stays
}

TEST(Merge, AnOlderChangeArrivingLateDoesNotOverwrite) {
    RecordState state = merge_all({
        change("b", "0000000003e90000", "laptop", {{"shared_notes", "new"}}),
        change("a", "0000000003e80000", "phone", {{"shared_notes", "old"}}),
    });
    EXPECT_EQ(state.value("shared_notes"), "new");
}

TEST(Merge, EqualClocksAreBrokenByDeviceIdTheSameWayEverywhere) {
    auto a = change("a", "0000000003e80000", "device-a", {{"shared_notes", "A"}});
    auto b = change("b", "0000000003e80000", "device-b", {{"shared_notes", "B"}});
    EXPECT_EQ(merge_all({a, b}).value("shared_notes"), "B");
    EXPECT_EQ(merge_all({b, a}).value("shared_notes"), "B");
}

TEST(Merge, IsIdempotent) {
    auto a = change("a", "0000000003e80000", "d1", {{"shared_notes", "x"}, {"mood", 4}});
    RecordState once = merge_all({a});
    RecordState twice = once;
    EXPECT_FALSE(merge(twice, a));
    EXPECT_EQ(once.fields, twice.fields);
}

TEST(Merge, TombstoneIsStickyAndFieldsStillConverge) {
    auto edit_before = change("a", "0000000003e80000", "d1", {{"shared_notes", "before"}});
    auto remove = change("b", "0000000003e90000", "d2", Json::object(), true);
    auto offline_edit = change("c", "0000000003ea0000", "d3", {{"shared_notes", "edited offline"}});
    RecordState forward = merge_all({edit_before, remove, offline_edit});
    RecordState backward = merge_all({offline_edit, remove, edit_before});
    EXPECT_TRUE(forward.deleted);
    EXPECT_TRUE(backward.deleted);
    EXPECT_EQ(forward.fields, backward.fields);
}

// Found by fuzz_merge: the tie-break once serialised values, which throws on bytes that are not UTF-8.
TEST(Merge, TiedWritesOfAnyBytesStillConverge) {
    Change a = change("a", "0000000003e80000", "dev", {{"shared_notes", std::string("\xfe", 1)}});
    Change b = change("b", "0000000003e80000", "dev", {{"shared_notes", std::string("\xff", 1)}});
    RecordState ab = merge_all({a, b}), ba = merge_all({b, a});
    EXPECT_EQ(ab.fields, ba.fields);
    EXPECT_EQ(ab.value("shared_notes"), std::string("\xff", 1));
}

TEST(Merge, AnyOrderOfTheSameChangesGivesTheSameRecord) {
    // Randomised commutativity: many devices, overlapping fields, duplicate deliveries.
    std::mt19937 random(42);
    std::vector<Change> changes;
    const char* fields[] = {"shared_notes", "mood", "held_on"};
    for (int i = 0; i < 40; ++i) {
        char hlc[17];
        std::snprintf(hlc, sizeof hlc, "%012x%04x", 1000 + int(random() % 20), int(random() % 3));
        Json values{{fields[random() % 3], "v" + std::to_string(i)}};
        changes.push_back(change("c" + std::to_string(i), hlc, "dev" + std::to_string(random() % 4), values,
                                 random() % 17 == 0));
    }
    RecordState reference = merge_all(changes);
    for (int round = 0; round < 50; ++round) {
        auto shuffled = changes;
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        shuffled.push_back(shuffled[random() % shuffled.size()]);  // a duplicate delivery
        RecordState other = merge_all(shuffled);
        ASSERT_EQ(other.fields, reference.fields) << "round " << round;
        ASSERT_EQ(other.deleted, reference.deleted);
    }
}

}  // namespace
}  // namespace tandem
