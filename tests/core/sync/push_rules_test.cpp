// How the server judges pushed changes at the edges an outside review probed: resent ids, id spelling,
// records the pusher may not see, and children of deleted parents arriving in any order.
#include <algorithm>

#include "support/sync_world.h"
#include "support/sealed_sample.h"

namespace tandem {
namespace {

using testing::World;

Json change_json(const std::string& id, const std::string& entity, const std::string& record_id, uint64_t millis,
                 Json fields, bool deleted = false) {
    return Json{{"id", id},         {"entity", entity}, {"record_id", record_id}, {"hlc", Hlc{millis, 0}.to_string()},
                {"fields", fields}, {"deleted", deleted}};
}

Json new_checkin(const World& world, const std::string& id, const std::string& record_id) {
    return change_json(id, "checkin", record_id, world.now, {{"report_id", world.report}, {"held_on", "2026-11-23"}});
}

TEST(PushRules, AResentIdIsADuplicateWhateverItsBodySays) {
    World world;
    const std::string record = new_uuid_v7(world.now);
    ASSERT_EQ(world.push_one(world.manager, "laptop", new_checkin(world, "c-1", record)).status, "accepted");

    Json no_clock = new_checkin(world, "c-1", record);
    no_clock.erase("hlc");
    Json bad_fields = new_checkin(world, "c-1", record);
    bad_fields["fields"] = "not an object";
    Json other_entity = new_checkin(world, "c-1", record);
    other_entity["entity"] = "payslip";
    for (const Json& resent : {no_clock, bad_fields, other_entity}) {
        auto outcome = world.push_one(world.manager, "laptop", resent);
        EXPECT_EQ(outcome.status, "duplicate") << resent.dump();
        EXPECT_FALSE(outcome.error);
    }
    EXPECT_EQ(world.server_store.last_seq(), 7)
        << "four people, the two managers' colleague cards and one check-in, nothing more";
}

TEST(PushRules, IdsAreLowerCaseInEveryIdField) {
    World world;
    auto upper = [](std::string id) {
        std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return char(std::toupper(c)); });
        return id;
    };
    const std::string record = new_uuid_v7(world.now);
    ASSERT_EQ(world.push_one(world.manager, "laptop", new_checkin(world, "c-1", record)).status, "accepted");

    Json upper_record = new_checkin(world, "c-2", upper(record));
    Json upper_report = new_checkin(world, "c-3", new_uuid_v7(world.now));
    upper_report["fields"]["report_id"] = upper(world.report);
    Json upper_parent = change_json("c-4", "action_item", new_uuid_v7(world.now), world.now,
                                    {{"checkin_id", upper(record)}, {"text", "follow up"}});
    for (const Json& change : {upper_record, upper_report, upper_parent}) {
        auto outcome = world.push_one(world.manager, "laptop", change);
        EXPECT_EQ(outcome.status, "rejected") << change.dump();
        ASSERT_TRUE(outcome.error);
        EXPECT_EQ(outcome.error->code, "invalid_change");
        EXPECT_NE(outcome.error->message.find("lower-case"), std::string::npos) << outcome.error->message;
    }
    EXPECT_EQ(world.server_store.records_of("checkin").size(), 1u);
}

TEST(PushRules, RecordsThePusherMayNotSeeGetOneAnswerWhetherTheyExistOrNot) {
    World world;
    const std::string theirs = new_uuid_v7(world.now);
    ASSERT_EQ(world.push_one(world.other_manager, "their-laptop",
                             change_json("o-1", "checkin", theirs, world.now,
                                         {{"report_id", world.other_report}, {"held_on", "2026-11-20"}}))
                  .status,
              "accepted");

    // The same probe aimed at another manager's check-in, a person outside the team and, as a parent, an
    // unknown id. (An unknown record id itself is simply a new record.)
    const std::vector<std::string> targets{theirs, world.other_report, new_uuid_v7(world.now + 1)};
    std::vector<Problem> as_record, as_parent;
    int n = 0;
    for (const auto& target : targets) {
        if (target != targets.back())
            as_record.push_back(*world.push_one(world.manager, "laptop",
                                            change_json("p-" + std::to_string(++n), "checkin", target, world.now,
                                                        {{"shared_notes", "probe"}}))
                                 .error);
        as_parent.push_back(*world.push_one(world.manager, "laptop",
                                            change_json("p-" + std::to_string(++n), "action_item",
                                                        new_uuid_v7(world.now), world.now,
                                                        {{"checkin_id", target}, {"text", "probe"}}))
                                 .error);
    }
    for (const auto& answers : {as_record, as_parent})
        for (const auto& answer : answers) {
            EXPECT_EQ(answer.code, "forbidden");
            EXPECT_EQ(answer.message, as_record[0].message) << "every probe must read the same";
        }
    EXPECT_EQ(world.server_store.load(theirs)->state.text("shared_notes"), "");

    // What the pusher may see is still explained plainly.
    auto own_person = world.push_one(world.manager, "laptop",
                                     change_json("p-own", "checkin", world.report, world.now, {{"mood", 3}}));
    EXPECT_EQ(own_person.error->code, "invalid_change");
    EXPECT_NE(own_person.error->message.find("person"), std::string::npos);
}

// X creates a check-in, Y deletes it, Z (another device) adds an action item to it, W edits that item and
// V adds a private note. Every causal order (X first, as no device can name a parent it never saw; W after
// Z, as a device edits only what it has) must be accepted in full and end in the same records.
TEST(PushRules, ChildrenOfADeletedParentConvergeInEveryArrivalOrder) {
    std::vector<std::string> rest{"V", "W", "Y", "Z"};
    std::string reference;
    const std::string sealed_note = testing::sealed_sample("mine");  // one ciphertext for every order
    int orders = 0;
    do {
        const std::string arrival = "X" + rest[0] + rest[1] + rest[2] + rest[3];
        if (arrival.find('W') < arrival.find('Z')) continue;
        World world;
        const uint64_t t = world.now - 100;
        const std::string checkin = new_uuid_v7(t), item = new_uuid_v7(t + 1), note = new_uuid_v7(t + 2);
        auto step = [&](char name) -> std::pair<std::string, Json> {
            switch (name) {
            case 'X':
                return {"laptop", change_json("X", "checkin", checkin, t,
                                              {{"report_id", world.report}, {"held_on", "2026-11-23"}})};
            case 'Y': return {"laptop", change_json("Y", "checkin", checkin, t + 10, Json::object(), true)};
            case 'Z':
                return {"phone", change_json("Z", "action_item", item, t + 5,
                                             {{"checkin_id", checkin}, {"text", "Plan"}})};
            case 'W':
                return {"phone", change_json("W", "action_item", item, t + 20,
                                             {{"text", "Plan the course"}, {"done", true}})};
            default:
                return {"tablet", change_json("V", "private_note", note, t + 7,
                                              {{"checkin_id", checkin}, {"text", sealed_note}})};
            }
        };
        for (char name : arrival) {
            auto [device, change] = step(name);
            auto result = world.push_one(world.manager, device, change);
            ASSERT_EQ(result.status, "accepted")
                << "arrival " << arrival << ", change " << name << ": " << result.error->message;
        }
        // Record ids differ per world; compare what the records hold.
        std::string outcome;
        for (const auto& id : {checkin, item, note}) {
            auto record = world.server_store.load(id);
            ASSERT_TRUE(record) << arrival;
            Json values = record->state.values();
            values.erase("checkin_id");
            values.erase("report_id");
            outcome += values.dump() + (record->state.deleted ? " deleted\n" : "\n");
        }
        if (reference.empty()) reference = outcome;
        EXPECT_EQ(outcome, reference) << "arrival order " << arrival;
        ++orders;
    } while (std::next_permutation(rest.begin(), rest.end()));
    EXPECT_EQ(orders, 12) << "4! orders of the rest, half of them with W before Z";
    EXPECT_NE(reference.find(" deleted"), std::string::npos);
}

}  // namespace
}  // namespace tandem
