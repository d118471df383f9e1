// docs/api.md, Sealed text, from outside: the server refuses private notes and journal entries that are not
// sealed, keeps each user's sealing key and journal to that user alone, and never holds their plain text in any
// table.
#include <functional>

#include "live_server.h"
#include "support/sealed_sample.h"
#include "tandem/base/ids.h"
#include "tandem/base/sqlite_db.h"

namespace tandem::testing {
namespace {

class SealedContent : public LiveServer {
protected:
    // Maya keeps a sealed journal, written before the test; another manager, HR and a mentor try to reach it.
    void declare(TestOrg& org) override {
        add_two_teams(org);
        for (const char* answer : {"Put off the workload talk with Aiko.", "Let Bruno lead the design review.",
                                   "The career conversation with Bruno went well."})
            org.write("manager1", "journal_entry",
                      {{"owner_id", org.id("manager1")}, {"written_on", org.days_ago(3)},
                       {"text", org.sealed("manager1", answer)}, {"self_rating", 3}});
    }
};
// The demo's sealed note and journal are the demo's own content, sealed under its published passphrase.
using DemoSealedContent = DemoServer;

Json results_of(const httplib::Result& reply) { return Json::parse(reply->body)["results"]; }

// Every value of every table of the database, told to `check`; returns how many there were.
int each_stored_value(TestDatabase& database, const std::function<void(const std::string& table,
                                                                       const std::string& value)>& check) {
    int scanned = 0;
    for (const auto& [table, rows] : database.every_row())
        for (const auto& row : rows)
            for (const auto& value : row) {
                check(table, value);
                ++scanned;
            }
    return scanned;
}

TEST_F(SealedContent, UnsealedNotesAndJournalEntriesAreRefusedAsInvalidChanges) {
    Session manager = sign_in("manager1@example.test");
    const std::string checkin = new_uuid_v7(wall_millis());
    Json changes = Json::array({
        checkin_change("c-1", checkin, first_report_of(manager), "shared"),
        pushed_change("n-plain", "private_note", new_uuid_v7(wall_millis()), {{"checkin_id", checkin}, {"text", "plain"}}),
        pushed_change("n-fake", "private_note", new_uuid_v7(wall_millis()),
               {{"checkin_id", checkin}, {"text", "sealed:v1:bm90IHJlYWxseSBzZWFsZWQ="}}),  // 19 bytes
        pushed_change("j-plain", "journal_entry", new_uuid_v7(wall_millis()),
               {{"owner_id", manager.user_id}, {"written_on", "2026-11-20"}, {"text", "I listened more"}}),
        pushed_change("n-ok", "private_note", new_uuid_v7(wall_millis()),
               {{"checkin_id", checkin}, {"text", sealed_sample("only me")}}),
        pushed_change("j-ok", "journal_entry", new_uuid_v7(wall_millis()),
               {{"owner_id", manager.user_id}, {"written_on", "2026-11-20"}, {"text", sealed_sample("I listened")},
                {"self_rating", 4}}),
    });
    Json results = results_of(push(manager, Json{{"device_id", "d1"}, {"changes", changes}}));
    ASSERT_EQ(results.size(), 6u);
    EXPECT_EQ(results[0]["status"], "accepted");
    for (int i : {1, 2, 3}) {
        EXPECT_EQ(results[i]["status"], "rejected") << results[i];
        EXPECT_EQ(results[i]["error"]["code"], "invalid_change");
        EXPECT_NE(results[i]["error"]["message"].get<std::string>().find("sealed"), std::string::npos);
    }
    EXPECT_EQ(results[4]["status"], "accepted");
    EXPECT_EQ(results[5]["status"], "accepted");
}

TEST_F(SealedContent, AJournalOrKeyIsOnlyEverItsOwners) {
    Session manager = sign_in("manager1@example.test"), other = sign_in("manager2@example.test");
    Session hr = sign_in("hr@example.test"), mentor = sign_in("mentor@example.test");
    // Writing into someone else's journal or key is refused, whoever tries.
    for (const Session* intruder : {&other, &hr, &mentor}) {
        Json attempt = Json::array({
            pushed_change("j-" + intruder->user_id, "journal_entry", new_uuid_v7(wall_millis()),
                   {{"owner_id", manager.user_id}, {"written_on", "2026-11-20"}, {"text", sealed_sample("x")}}),
        });
        Json results = results_of(push(*intruder, Json{{"device_id", "d"}, {"changes", attempt}}));
        EXPECT_EQ(results[0]["error"]["code"], "forbidden");
    }
    // Her key and journal reach her, and nobody else.
    auto entities = [&](const Session& session) {
        std::multiset<std::string> seen;
        for (auto& row : pull_all(session)) seen.insert(row["entity"].get<std::string>());
        return seen;
    };
    EXPECT_EQ(entities(manager).count("sealing_key"), 1u);
    EXPECT_EQ(entities(manager).count("journal_entry"), 3u);
    for (const Session* outsider : {&other, &hr, &mentor}) {
        auto seen = entities(*outsider);
        EXPECT_EQ(seen.count("sealing_key") + seen.count("journal_entry") + seen.count("private_note"), 0u);
    }
    // A mentor or HR may keep a journal of their own.
    Json own = Json::array({pushed_change("j-hr", "journal_entry", new_uuid_v7(wall_millis()),
                                   {{"owner_id", hr.user_id}, {"written_on", "2026-11-20"}, {"text", sealed_sample("x")}})});
    EXPECT_EQ(results_of(push(hr, Json{{"device_id", "d"}, {"changes", own}}))[0]["status"], "accepted");
    EXPECT_EQ(entities(hr).count("journal_entry"), 1u);
}

TEST_F(SealedContent, NoTableHoldsAPrivateNoteOrJournalAnswerInPlainText) {
    Session manager = sign_in("manager1@example.test");
    const std::string checkin = new_uuid_v7(wall_millis());
    Json changes = Json::array({
        checkin_change("c-1", checkin, first_report_of(manager), "shared"),
        pushed_change("n-1", "private_note", new_uuid_v7(wall_millis()),
               {{"checkin_id", checkin}, {"text", sealed_sample("zebra-crossing-secret")}}),
    });
    push(manager, Json{{"device_id", "d1"}, {"changes", changes}});
    const int scanned = each_stored_value(*test_database, [](const std::string& table, const std::string& value) {
        EXPECT_EQ(value.find("zebra-crossing-secret"), std::string::npos) << table;
        // The journal written before the test: its plain words never appear either.
        EXPECT_EQ(value.find("workload talk with Aiko"), std::string::npos) << table;
    });
    EXPECT_GT(scanned, 100);
}

TEST_F(DemoSealedContent, NoTableHoldsTheDemosPrivateNoteInPlainText) {
    const int scanned = each_stored_value(*test_database, [](const std::string& table, const std::string& value) {
        EXPECT_EQ(value.find("more tired than she said"), std::string::npos) << table;
    });
    EXPECT_GT(scanned, 100);
}

}  // namespace
}  // namespace tandem::testing
