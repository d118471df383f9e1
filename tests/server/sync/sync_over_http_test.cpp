// Devices (the core's Replica over real SQLite files) syncing through the real server over HTTP.
#include "live_server.h"

namespace tandem::testing {
namespace {

class SyncOverHttp : public LiveServer {
protected:
    // A manager and her report, whom the devices' 1:1 is about.
    void declare(TestOrg& org) override {
        org.person("manager1", "Maya Chen", "manager1@example.test", Role::Manager);
        org.person("m1r1", "Aiko Tanaka", "aiko.tanaka@example.test", Role::Employee, "manager1");
        org.account("manager1");
    }
};

TEST_F(SyncOverHttp, TwoDevicesEditingTheSameCheckInConverge) {
    Session manager = sign_in("manager1@example.test");
    Store laptop_store(dir.file("laptop.db")), phone_store(dir.file("phone.db"));
    Replica laptop(laptop_store, manager.user_id, wall_millis), phone(phone_store, manager.user_id, wall_millis);
    sync(laptop, manager);
    std::string report;
    for (const auto& person : laptop_store.records_of("person"))
        if (person.state.text("manager_id") == manager.user_id) report = person.state.record_id;
    ASSERT_FALSE(report.empty());

    std::string checkin = laptop.new_record_id();
    laptop.edit("checkin", checkin, {{"report_id", report}, {"held_on", "2026-11-23"}, {"shared_notes", "draft"}});
    sync(laptop, manager);
    sync(phone, manager);
    ASSERT_TRUE(phone_store.load(checkin));

    // Both edit while offline: the same field and different fields.
    laptop.edit("checkin", checkin, {{"shared_notes", "laptop version"}, {"mood", 4}});
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    phone.edit("checkin", checkin, {{"shared_notes", "phone version"}});
    std::string item = phone.new_record_id();
    phone.edit("action_item", item, {{"checkin_id", checkin}, {"text", "Send the course link"}, {"done", false}});
    sync(phone, manager);
    sync(laptop, manager);
    sync(phone, manager);

    auto on_laptop = laptop_store.load(checkin), on_phone = phone_store.load(checkin);
    EXPECT_EQ(on_laptop->state.values(), on_phone->state.values());
    EXPECT_EQ(on_laptop->state.value("shared_notes"), "phone version");
    EXPECT_EQ(on_laptop->state.value("mood"), 4);
    ASSERT_TRUE(laptop_store.load(item));
    EXPECT_EQ(laptop_store.load(item)->state.value("text"), "Send the course link");
    EXPECT_EQ(laptop_store.outbox_pending(), 0);
    EXPECT_EQ(phone_store.outbox_pending(), 0);
}

TEST_F(SyncOverHttp, AcknowledgedChangesSurviveAServerRestart) {
    Session manager = sign_in("manager1@example.test");
    Store store(dir.file("device.db"));
    Replica device(store, manager.user_id, wall_millis);
    sync(device, manager);
    std::string report;
    for (const auto& person : store.records_of("person"))
        if (person.state.text("manager_id") == manager.user_id) report = person.state.record_id;
    std::string checkin = device.new_record_id();
    device.edit("checkin", checkin, {{"report_id", report}, {"held_on", "2026-11-20"}});
    sync(device, manager);

    shut_down();
    start();
    Session again = sign_in("manager1@example.test");
    bool found = false;
    for (auto& change : pull_all(again)) found |= change["record_id"] == checkin;
    EXPECT_TRUE(found);
}

}  // namespace
}  // namespace tandem::testing
