// The report's side of a 1:1 over HTTP, as an employee's device uses it: their pull holds their 1:1s with
// Maya (shared notes, agenda, items), never her private note, her mood mark or anyone else's 1:1; they add a
// talking point to their planned 1:1 and tick an item they own, and Maya's pull shows both with the author;
// a point on a colleague's 1:1 is refused.
#include <set>

#include "live_server.h"
#include "people/employee_access_on.h"
#include "tandem/base/ids.h"

namespace tandem::testing {
namespace {

class EmployeeRules : public LiveServer {
protected:
    void make_database() override {
        LiveServer::make_database();
        switch_employee_access_on(database);  // employees sign in here
    }
    std::string planned, held, colleagues, item, note;
    void declare(TestOrg& org) override {
        add_two_teams(org);
        org.account("m1r1");
        planned = org.write("manager1", "checkin",
                            {{"report_id", org.id("m1r1")}, {"held_on", org.days_ago(-3)}, {"status", "planned"}});
        held = org.write("manager1", "checkin",
                         {{"report_id", org.id("m1r1")}, {"held_on", org.days_ago(4)}, {"status", "held"},
                          {"shared_notes", "Agreed to split the launch"}, {"mood", 2}});
        colleagues = org.write("manager1", "checkin",
                               {{"report_id", org.id("m1r2")}, {"held_on", org.days_ago(-2)}, {"status", "planned"},
                                {"shared_notes", "About someone else"}});
        item = org.write("manager1", "action_item",
                         {{"checkin_id", held}, {"text", "Write the launch plan"}, {"owner_id", org.id("m1r1")}});
        note = org.write("manager1", "private_note", {{"checkin_id", held}, {"text", org.sealed("manager1", "Worried")}});
    }
};

TEST_F(EmployeeRules, AnEmployeesPullHoldsExactlyTheSharedPartsOfTheirOwnOneToOnes) {
    Session aiko = sign_in("aiko.tanaka@example.test");
    std::set<std::string> entities, ids;
    for (const auto& row : pull_all(aiko)) {
        entities.insert(row["entity"].get<std::string>());
        ids.insert(row["record_id"].get<std::string>());
        EXPECT_FALSE(row["fields"].contains("mood")) << row;
        if (row["entity"] == "person") EXPECT_EQ(row["record_id"], aiko.user_id) << "no one else's person record";
        EXPECT_EQ(row.dump().find("About someone else"), std::string::npos);
    }
    EXPECT_TRUE(ids.count(planned) && ids.count(held) && ids.count(item));
    EXPECT_FALSE(ids.count(colleagues)) << "a colleague's 1:1";
    EXPECT_FALSE(ids.count(note)) << "a private note, not even sealed";
    EXPECT_FALSE(entities.count("private_note") || entities.count("sealing_key") || entities.count("journal_entry"));
}

TEST_F(EmployeeRules, TheEmployeeAddsAPointAndTicksTheirItemAndTheManagerSeesBoth) {
    Session aiko = sign_in("aiko.tanaka@example.test"), maya = sign_in("manager1@example.test");
    const std::string point = new_uuid_v7(wall_millis());
    Json changes = Json::array({
        pushed_change("e-1", "talking_point", point, {{"checkin_id", planned}, {"text", "My promotion"}, {"position", 1000}}),
        pushed_change("e-2", "action_item", item, {{"done", true}}),
        pushed_change("e-3", "talking_point", new_uuid_v7(wall_millis()),
                      {{"checkin_id", colleagues}, {"text", "Sneaky"}, {"position", 1}}),
        pushed_change("e-4", "checkin", held, {{"shared_notes", "Rewritten by the report"}}),
    });
    const Json results = Json::parse(push(aiko, Json{{"device_id", "phone"}, {"changes", changes}})->body)["results"];
    EXPECT_EQ(results[0]["status"], "accepted") << results[0];
    EXPECT_EQ(results[1]["status"], "accepted") << results[1];
    EXPECT_EQ(results[2]["status"], "rejected") << "someone else's 1:1";
    EXPECT_EQ(results[3]["status"], "rejected") << "the manager writes the notes";

    bool saw_point = false, saw_tick = false;
    for (const auto& row : pull_all(maya)) {
        if (row["record_id"] == point) {
            saw_point = true;
            EXPECT_EQ(row["author_id"], aiko.user_id) << "who added it travels with it";
        }
        if (row["record_id"] == item && row["fields"].value("done", false)) saw_tick = true;
    }
    EXPECT_TRUE(saw_point);
    EXPECT_TRUE(saw_tick);
}

}  // namespace
}  // namespace tandem::testing
