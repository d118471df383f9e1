// The whole data path in one process: device edits -> outbox -> SyncService -> log -> pull -> other device.
// The server tests run the same path over real HTTP; this proves the core alone, natively and in WASM.
#include <gtest/gtest.h>

#include "support/sync_world.h"
#include "support/sealed_sample.h"

namespace tandem {
namespace {

using testing::World;

TEST(ReplicaSync, ACheckInWrittenOnOneDeviceArrivesOnAnother) {
    World world;
    Store laptop_store(world.dir.file("laptop.db")), phone_store(world.dir.file("phone.db"));
    Replica laptop(laptop_store, world.manager, [&] { return world.now; });
    Replica phone(phone_store, world.manager, [&] { return world.now; });

    std::string checkin = laptop.new_record_id();
    ASSERT_FALSE(laptop.edit("checkin", checkin,
                             {{"report_id", world.report}, {"held_on", "2026-11-23"}, {"shared_notes", "Grüße"}})
                     .problem);
    std::string item = laptop.new_record_id();
    ASSERT_FALSE(laptop.edit("action_item", item, {{"checkin_id", checkin}, {"text", "Book training"}}).problem);
    world.sync(laptop, world.manager);
    EXPECT_EQ(laptop_store.outbox_pending(), 0);

    world.sync(phone, world.manager);
    auto arrived = phone_store.load(checkin);
    ASSERT_TRUE(arrived);
    EXPECT_EQ(arrived->state.value("shared_notes"), "Grüße");
    EXPECT_EQ(arrived->subject_id, world.report);
    auto arrived_item = phone_store.load(item);
    ASSERT_TRUE(arrived_item);
    EXPECT_EQ(arrived_item->subject_id, world.report);  // derived from its check-in on the device too
    EXPECT_EQ(phone_store.records_of("person").size(), 2u);  // self and report, not the other team
}

TEST(ReplicaSync, ConcurrentOfflineEditsConvergeOnBothDevices) {
    World world;
    Store a_store(world.dir.file("a.db")), b_store(world.dir.file("b.db"));
    Replica a(a_store, world.manager, [&] { return world.now; });
    Replica b(b_store, world.manager, [&] { return world.now; });
    std::string checkin = a.new_record_id();
    a.edit("checkin", checkin, {{"report_id", world.report}, {"held_on", "2026-11-23"}});
    world.sync(a, world.manager);
    world.sync(b, world.manager);

    // Both offline: each edits a different field and the same field.
    world.now += 1000;
    a.edit("checkin", checkin, {{"shared_notes", "A's notes"}, {"mood", 2}});
    world.now += 1000;
    b.edit("checkin", checkin, {{"shared_notes", "B's notes"}});
    world.sync(a, world.manager);
    world.sync(b, world.manager);
    world.sync(a, world.manager);

    auto on_a = a_store.load(checkin), on_b = b_store.load(checkin), on_server = world.server_store.load(checkin);
    EXPECT_EQ(on_a->state.values(), on_b->state.values());
    EXPECT_EQ(on_a->state.values(), on_server->state.values());
    EXPECT_EQ(on_a->state.value("shared_notes"), "B's notes");  // later clock
    EXPECT_EQ(on_a->state.value("mood"), 2);                    // untouched by B, so A's edit survives
}

TEST(ReplicaSync, ARefusedChangeStaysVisibleAndDoesNotBlockTheRest) {
    World world;
    Store store(world.dir.file("m.db"));
    Replica device(store, world.manager, [&] { return world.now; });
    std::string forbidden = device.new_record_id(), fine = device.new_record_id();
    device.edit("checkin", forbidden, {{"report_id", world.other_report}, {"held_on", "2026-11-23"}});
    device.edit("checkin", fine, {{"report_id", world.report}, {"held_on", "2026-11-23"}});
    world.sync(device, world.manager);
    EXPECT_TRUE(world.server_store.load(fine));
    EXPECT_FALSE(world.server_store.load(forbidden));
    auto outbox = store.outbox(10);
    ASSERT_EQ(outbox.size(), 1u);
    EXPECT_EQ(outbox[0].problem_code, "forbidden");
    EXPECT_EQ(store.outbox_pending(), 0);
}

TEST(ReplicaSync, PushingTheSameChangeTwiceIsADuplicateAndChangesNothing) {
    World world;
    Store store(world.dir.file("d.db"));
    Replica device(store, world.manager, [&] { return world.now; });
    device.edit("checkin", device.new_record_id(), {{"report_id", world.report}, {"held_on", "2026-11-23"}});
    auto body = *device.next_push();
    Actor actor{world.manager, Role::Manager};
    auto first = world.service.push(actor, world.org, device.device_id(), body["changes"], world.now);
    int64_t seq_after_first = world.server_store.last_seq();
    auto second = world.service.push(actor, world.org, device.device_id(), body["changes"], world.now);
    EXPECT_EQ(first[0].status, "accepted");
    EXPECT_EQ(second[0].status, "duplicate");
    EXPECT_EQ(world.server_store.last_seq(), seq_after_first);
}

TEST(ReplicaSync, PullShowsEachManagerOnlyTheirOwnTeam) {
    World world;
    Store mine(world.dir.file("mine.db")), theirs(world.dir.file("theirs.db"));
    Replica manager(mine, world.manager, [&] { return world.now; });
    Replica other(theirs, world.other_manager, [&] { return world.now; });
    std::string checkin = manager.new_record_id();
    manager.edit("checkin", checkin, {{"report_id", world.report}, {"held_on", "2026-11-23"}});
    manager.edit("private_note", manager.new_record_id(),
                 {{"checkin_id", checkin}, {"text", testing::sealed_sample("only me")}});
    world.sync(manager, world.manager);
    world.sync(other, world.other_manager);
    EXPECT_TRUE(theirs.records_of("checkin").empty());
    EXPECT_TRUE(theirs.records_of("private_note").empty());
    EXPECT_FALSE(theirs.load(world.report));
    EXPECT_TRUE(theirs.load(world.other_report));
}

TEST(ReplicaSync, TheServerRejectsClocksFarInTheFutureAndBadShapes) {
    World world;
    Actor actor{world.manager, Role::Manager};
    std::string record = new_uuid_v7(world.now);
    Json changes = Json::array({
        Json{{"id", "c1"}, {"entity", "checkin"}, {"record_id", record},
             {"hlc", Hlc{world.now + 25 * 3600 * 1000ull, 0}.to_string()},
             {"fields", {{"report_id", world.report}, {"held_on", "2026-11-23"}}}},
        Json{{"id", "c2"}, {"entity", "checkin"}, {"record_id", record}, {"hlc", "nothex"}},
        Json{{"id", "c3"}, {"entity", "payslip"}, {"record_id", record}, {"hlc", "0000000003e80000"}},
        Json("not an object"),
        Json{{"id", "c5"}, {"entity", "checkin"}, {"record_id", record}, {"hlc", Hlc{world.now, 0}.to_string()},
             {"fields", {{"report_id", world.report}, {"held_on", "2026-11-23"}}}},
    });
    auto outcomes = world.service.push(actor, world.org, "dev", changes, world.now);
    ASSERT_EQ(outcomes.size(), 5u);
    EXPECT_EQ(outcomes[0].error->code, "invalid_hlc");
    EXPECT_EQ(outcomes[1].error->code, "invalid_hlc");
    EXPECT_EQ(outcomes[2].error->code, "invalid_change");
    EXPECT_EQ(outcomes[3].error->code, "invalid_change");
    EXPECT_EQ(outcomes[4].status, "accepted");
}

TEST(ReplicaSync, ADeleteReachesEveryDeviceAsATombstone) {
    World world;
    Store a_store(world.dir.file("ta.db")), b_store(world.dir.file("tb.db"));
    Replica a(a_store, world.manager, [&] { return world.now; });
    Replica b(b_store, world.manager, [&] { return world.now; });
    std::string checkin = a.new_record_id();
    a.edit("checkin", checkin, {{"report_id", world.report}, {"held_on", "2026-11-23"}});
    world.sync(a, world.manager);
    world.sync(b, world.manager);
    world.now += 10;
    b.edit("checkin", checkin, Json::object(), true);
    world.now += 10;
    a.edit("checkin", checkin, {{"shared_notes", "edited while the delete was in flight"}});
    world.sync(b, world.manager);
    world.sync(a, world.manager);
    world.sync(b, world.manager);
    EXPECT_TRUE(a_store.load(checkin)->state.deleted);
    EXPECT_TRUE(b_store.load(checkin)->state.deleted);
    EXPECT_EQ(a_store.load(checkin)->state.values(), b_store.load(checkin)->state.values());
}

}  // namespace
}  // namespace tandem
