// The report's side of a 1:1 through the server's whole path (push judged by policy, pull filtered by it):
// who reads a check-in, its agenda, items, private note and cadence; what the report may write (their own
// talking points on a 1:1 still to come, before it is planned too; ticks on items they own) and nothing
// else; the manager's mood mark stays theirs; and an employee's read matrix over every record type.
#include <gtest/gtest.h>

#include <set>

#include "support/policy_org.h"
#include "support/sealed_sample.h"
#include "tandem/one_on_ones/my_one_on_ones.h"
#include "tandem/sync/policy.h"

namespace tandem {
namespace {

struct Org : PolicyOrg {
    std::string checkin(const std::string& status, const std::string& on = "2026-11-20") {
        const std::string id = this->id();
        EXPECT_EQ(push(maya, "checkin", id,
                       {{"report_id", rui}, {"held_on", on}, {"status", status}, {"shared_notes", "We agreed"},
                        {"mood", 2}})
                      .status,
                  "accepted");
        return id;
    }
    PushOutcome point(const std::string& who, const std::string& checkin_id, const std::string& text,
                      const std::string& record_id) {
        return push(who, "talking_point", record_id, {{"checkin_id", checkin_id}, {"text", text}, {"position", 1000}});
    }
    // The body Rui's pull carries for a record, "" when it carries none.
    std::string pulled_by(const std::string& who, const std::string& record_id) {
        std::string body;
        for (const auto& row : service.pull(actor(who), org, 0, 100000).rows)
            if (Json::parse(row.body).value("record_id", "") == record_id) body = row.body;
        return body;
    }
};

TEST(EmployeeSide, TheReportReadsTheirOneToOnesButNeverThePrivateNoteNorTheMoodMark) {
    Org o;
    const std::string held = o.checkin("held");
    const std::string item = o.id(), point = o.id(), note = o.id(), cadence = o.id();
    ASSERT_EQ(o.push(o.maya, "action_item", item, {{"checkin_id", held}, {"text", "Draft the plan"}, {"owner_id", o.rui}})
                  .status,
              "accepted");
    ASSERT_EQ(o.point(o.maya, held, "Career goals", point).status, "accepted");
    ASSERT_EQ(o.push(o.maya, "private_note", note, {{"checkin_id", held}, {"text", testing::sealed_sample("Worried about Rui")}}).status,
              "accepted");
    ASSERT_EQ(o.push(o.maya, "cadence", cadence, {{"report_id", o.rui}, {"every", "week"}}).status, "accepted");

    EXPECT_EQ(o.readers(held), "maya rui") << "not Dana above, not Noah, not HR, not Ola";
    EXPECT_EQ(o.readers(item), "maya rui");
    EXPECT_EQ(o.readers(point), "maya rui");
    EXPECT_EQ(o.readers(cadence), "maya rui");
    EXPECT_EQ(o.readers(note), "maya") << "a private note reaches nobody else, not even sealed";

    const std::string rui_copy = o.pulled_by(o.rui, held);
    ASSERT_FALSE(rui_copy.empty());
    EXPECT_EQ(rui_copy.find("mood"), std::string::npos) << rui_copy;
    EXPECT_NE(rui_copy.find("We agreed"), std::string::npos);
    EXPECT_NE(rui_copy.find("\"author_id\":\"" + o.maya + "\""), std::string::npos) << "whom the 1:1 is with";
    EXPECT_NE(o.pulled_by(o.maya, held).find("mood"), std::string::npos) << "the manager keeps their mark";
    const std::string sealed_text = o.store.load(note)->state.text("text");
    for (const auto& row : o.service.pull(o.actor(o.rui), o.org, 0, 100000).rows)
        EXPECT_EQ(row.body.find(sealed_text.substr(0, 40)), std::string::npos) << row.body;
}

TEST(EmployeeSide, TheReportAddsTheirOwnPointsToAOneToOneStillToCome) {
    Org o;
    const std::string planned = o.checkin("planned", "2026-12-10"), held = o.checkin("held");
    const std::string mine = o.id(), hers = o.id();
    EXPECT_EQ(o.point(o.rui, planned, "My promotion case", mine).status, "accepted");
    EXPECT_EQ(o.readers(mine), "maya rui") << "the manager reads it";
    EXPECT_EQ(o.point(o.maya, planned, "Team offsite", hers).status, "accepted");

    EXPECT_EQ(o.push(o.rui, "talking_point", mine, {{"text", "My promotion case, with numbers"}}).status, "accepted");
    EXPECT_EQ(o.push(o.rui, "talking_point", mine, {{"position", 2000}}).status, "accepted");
    EXPECT_EQ(o.push(o.rui, "talking_point", hers, {{"text", "No offsite"}}).error->code, "forbidden")
        << "a point the manager added is not the report's to edit";
    EXPECT_EQ(o.push(o.rui, "talking_point", hers, Json::object(), true).error->code, "forbidden");
    EXPECT_EQ(o.push(o.maya, "talking_point", mine, {{"text", "Something else"}}).error->code, "forbidden")
        << "nor the report's the manager's";
    EXPECT_EQ(o.push(o.maya, "talking_point", mine, {{"done", true}}).status, "accepted") << "ticked in the 1:1";

    EXPECT_EQ(o.point(o.rui, held, "Too late", o.id()).error->code, "forbidden") << "a 1:1 that took place";
    EXPECT_EQ(o.point(o.ola, planned, "Not my 1:1", o.id()).error->code, "forbidden")
        << "someone else's 1:1 (refused as unseen)";
    EXPECT_EQ(o.push(o.rui, "talking_point", mine, Json::object(), true).status, "accepted") << "removed";
}

TEST(EmployeeSide, APointForTheNextOneToOneWaitsForItAndMovesOntoItOnce) {
    Org o;
    const std::string early = o.id();
    const Json for_next{{"report_id", o.rui}, {"with_id", o.maya}, {"text", "Parental leave"}, {"position", 1000}};
    EXPECT_EQ(o.push(o.rui, "talking_point", o.id(), Json{{"report_id", o.rui}, {"with_id", o.noah}, {"text", "x"},
                                                          {"position", 1}}).error->code,
              "forbidden")
        << "the next 1:1 is with one's own manager";
    EXPECT_EQ(o.push(o.ola, "talking_point", o.id(), Json{{"report_id", o.rui}, {"with_id", o.maya}, {"text", "x"},
                                                          {"position", 1}}).error->code,
              "forbidden")
        << "in someone else's name";
    ASSERT_EQ(o.push(o.rui, "talking_point", early, for_next).status, "accepted");
    EXPECT_EQ(o.readers(early), "maya rui") << "addressed to the manager, not to Dana above";

    const std::string planned = o.checkin("planned", "2026-12-10");
    const std::string other = o.checkin("planned", "2026-12-24");
    EXPECT_EQ(o.push(o.maya, "talking_point", early, {{"text", "edited"}}).error->code, "forbidden");
    EXPECT_EQ(o.push(o.maya, "talking_point", early, {{"checkin_id", planned}}).status, "accepted");
    EXPECT_EQ(o.push(o.maya, "talking_point", early, {{"checkin_id", other}}).error->code, "invalid_change")
        << "once on a 1:1, a point stays there";

    // The report's home reads it as the next 1:1's agenda.
    std::vector<std::string> texts;
    for (const auto& one : my_one_on_ones(o.store, o.rui, o.maya, "2026-12-01").upcoming)
        for (const auto& point : one.agenda) texts.push_back(point.text);
    EXPECT_EQ(texts, std::vector<std::string>{"Parental leave"});
}

TEST(EmployeeSide, TheReportTicksTheItemsTheyOwnAndNothingElse) {
    Org o;
    const std::string held = o.checkin("held");
    const std::string theirs = o.id(), hers = o.id();
    ASSERT_EQ(o.push(o.maya, "action_item", theirs, {{"checkin_id", held}, {"text", "Draft"}, {"owner_id", o.rui}}).status,
              "accepted");
    ASSERT_EQ(o.push(o.maya, "action_item", hers, {{"checkin_id", held}, {"text", "Budget"}, {"owner_id", o.maya}}).status,
              "accepted");
    EXPECT_EQ(o.push(o.rui, "action_item", hers, {{"done", true}}).error->code, "forbidden");
    EXPECT_EQ(o.push(o.rui, "action_item", theirs, {{"text", "Reworded"}}).error->code, "forbidden");
    EXPECT_EQ(o.push(o.rui, "action_item", theirs, Json::object(), true).error->code, "forbidden");
    EXPECT_EQ(o.push(o.rui, "action_item", o.id(), {{"checkin_id", held}, {"text", "Mine"}}).error->code, "forbidden")
        << "the manager writes the items";
    EXPECT_EQ(o.push(o.rui, "checkin", held, {{"shared_notes", "rewritten"}}).error->code, "forbidden");
    EXPECT_EQ(o.push(o.rui, "action_item", theirs, {{"done", true}}).status, "accepted");
    EXPECT_NE(o.pulled_by(o.maya, theirs).find("\"done\""), std::string::npos) << "the manager sees the tick";
}

TEST(EmployeeSide, AnEmployeesPullReadsOnlyRowsAboutThemOrForEveryone) {
    // Every record type, read by an employee who is neither its author nor its addressee: about a colleague
    // nothing but what everyone reads; about themself what is shared with them, never a private note or a
    // manager's view of them.
    const Actor rui{"rui", Role::Employee};
    OrgChart org;
    org.set_person("maya", "", Role::Manager);
    org.set_person("rui", "maya", Role::Employee);
    org.set_person("ola", "maya", Role::Employee);
    std::set<std::string> about_colleague, about_self;
    for (const EntitySpec* spec : all_entities()) {
        if (may_read(rui, RecordMeta{spec->name, "maya", "ola", ""}, org)) about_colleague.insert(spec->name);
        if (may_read(rui, RecordMeta{spec->name, "maya", "rui", ""}, org)) about_self.insert(spec->name);
    }
    std::set<std::string> everyone;
    for (const EntitySpec* spec : all_entities())
        if (spec->read_rule == ReadRule::Everyone) everyone.insert(spec->name);
    EXPECT_EQ(about_colleague, everyone);
    for (const char* refused : {"private_note", "journal_entry", "sealing_key", "feedback", "feedback_request",
                                "nomination", "program", "program_rating"})
        EXPECT_FALSE(about_self.count(refused)) << refused;
    for (const char* shared : {"checkin", "talking_point", "action_item", "cadence", "person"})
        EXPECT_TRUE(about_self.count(shared)) << shared;
    // The pull never walks the directory for an employee.
    const ReadScope scope = read_scope(rui);
    EXPECT_TRUE(scope.about_actor);
    for (const auto& entity : scope.shared_entities) EXPECT_NE(entity, "person");
}

} // namespace
} // namespace tandem
