// A person's export and erasure in the core, through the store: who cannot be erased yet, what an export
// holds, and that nothing typed about an erased person stays in the records or the change log.
#include "support/sync_world.h"
#include "tandem/people/person_data.h"

namespace tandem {
namespace {

using testing::World;

constexpr const char* kNotes = "Rui wants to move to the Lisbon office";

// The world plus an HR admin, and a 1:1 about the report with notes the manager typed.
struct ErasureWorld : World {
    std::string hr = new_uuid_v7(5), checkin = new_uuid_v7(6);

    ErasureWorld() {
        service.write_as_server({server_change(clock, now, "person", hr, {{"name", "Hana"}, {"role", to_string(Role::HrAdmin)}})});
        org.set_person(hr, "", Role::HrAdmin);
        const Json change{{"id", "c-1"},
                          {"entity", "checkin"},
                          {"record_id", checkin},
                          {"hlc", Hlc{now, 1}.to_string()},
                          {"fields", {{"report_id", report}, {"held_on", "2026-11-23"}, {"shared_notes", kNotes}}}};
        EXPECT_EQ(push_one(manager, "laptop", change).status, "accepted");
    }

    // Every change the log holds, as stored.
    std::vector<std::string> logged_bodies() {
        std::vector<std::string> bodies;
        Statement rows(server_store.database(), "SELECT body FROM change_log");
        while (rows.step()) bodies.push_back(rows.text(0));
        return bodies;
    }

    HlcClock clock;
};

TEST(PersonData, SomeoneWithReportsOrTheLastHrAdminCannotBeErasedYet) {
    ErasureWorld world;
    EXPECT_EQ(erasure_refusal(world.server_store, new_uuid_v7(world.now)), ErasureRefusal::NoSuchPerson);
    EXPECT_EQ(erasure_refusal(world.server_store, world.manager), ErasureRefusal::HasReports);
    EXPECT_EQ(erasure_refusal(world.server_store, world.hr), ErasureRefusal::LastHrAdmin);
    EXPECT_EQ(erasure_refusal(world.server_store, world.report), std::nullopt);
}

TEST(PersonData, AnExportHoldsThePersonAndTheRecordsAboutThem) {
    ErasureWorld world;
    auto exported = export_person_data(world.server_store, world.report, "2026-12-02T10:00:00Z");
    ASSERT_TRUE(exported);
    EXPECT_EQ((*exported)["person"]["fields"]["name"], "Rui");
    ASSERT_EQ((*exported)["records"].size(), 1u);
    EXPECT_EQ((*exported)["records"][0]["record_id"], world.checkin);
    EXPECT_EQ((*exported)["records"][0]["fields"]["shared_notes"], kNotes);
    EXPECT_FALSE(export_person_data(world.server_store, new_uuid_v7(world.now), "2026-12-02T10:00:00Z"));
}

TEST(PersonData, ErasureLeavesNothingTypedAboutThemInRecordsOrLog) {
    ErasureWorld world;
    int erased = 0;
    world.server_store.transaction(
        [&] { erased = erase_person_data(world.server_store, world.report, world.org, world.now + 1000); });
    EXPECT_GE(erased, 2) << "at least the person record and the 1:1";
    for (const auto& record : world.server_store.records_about(world.report)) {
        EXPECT_TRUE(record.state.deleted) << record.state.entity;
        EXPECT_TRUE(record.state.values().empty()) << record.state.entity << " keeps " << record.state.values();
    }
    const auto bodies = world.logged_bodies();
    ASSERT_FALSE(bodies.empty());
    for (const auto& body : bodies) {
        EXPECT_EQ(body.find("Lisbon"), std::string::npos) << body;
        EXPECT_EQ(body.find("\"Rui\""), std::string::npos) << body;
    }
    EXPECT_FALSE(export_person_data(world.server_store, world.report, "2026-12-02T10:00:00Z"))
        << "an erased person is as unknown as one who never was";
    EXPECT_EQ(erasure_refusal(world.server_store, world.report), ErasureRefusal::NoSuchPerson);
}

}  // namespace
}  // namespace tandem
