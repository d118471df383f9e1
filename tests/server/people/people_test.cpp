// The people part of docs/api.md over HTTP: import, invitations, org moves reaching devices, the audit log, a
// person's export and erasure (checked against the raw database bytes).
#include <fstream>
#include <iterator>

#include "live_server.h"
#include "people/employee_access_on.h"
#include "tandem/base/ids.h"

namespace tandem::testing {
namespace {

const std::string kHeader = "employee_id,name,email,manager_employee_id,department,start_date,exit_date,exit_reason,role\n";


class People : public LiveServer {
protected:
    void make_database() override {
        LiveServer::make_database();
        switch_employee_access_on(database);
    }
    // The two teams, and what Maya's devices and the wall hold about Aiko: a 1:1 with an action item and
    // Maya's sealed private note, and Noah's recognition of her. A move or an erasure must carry all of it.
    void declare(TestOrg& org) override {
        add_two_teams(org);
        const std::string checkin = org.write("manager1", "checkin",
                                              {{"report_id", org.id("m1r1")}, {"held_on", org.days_ago(20)},
                                               {"shared_notes", "Discussed workload during the migration."}});
        org.write("manager1", "action_item",
                  {{"checkin_id", checkin}, {"text", "Pair Aiko with Dev on the on-call handover"},
                   {"owner_id", org.id("manager1")}, {"due_on", org.days_ago(13)}, {"done", false}});
        org.write("manager1", "private_note",
                  {{"checkin_id", checkin}, {"text", org.sealed("manager1", "Seemed more tired than she said.")}});
        org.write("manager2", "recognition",
                  {{"from_id", org.id("manager2")}, {"about_id", org.id("m1r1")}, {"about_name", "Aiko Tanaka"},
                   {"given_on", org.days_ago(9)}, {"behaviour", "Pointed out that the migration had no rollback plan"},
                   {"impact", "We moved the date by two days instead of losing a weekend to an outage"}});
    }

    httplib::Result import(const Session& hr, const std::string& csv, bool dry_run = false) {
        return client().Post(dry_run ? "/api/v1/people/import?dry_run=true" : "/api/v1/people/import", bearer(hr),
                             csv, "text/csv");
    }
    std::vector<Json> audit(const Session& hr, const std::string& action = "") {
        auto reply = client().Get(("/api/v1/audit?limit=1000" + (action.empty() ? "" : "&action=" + action)).c_str(),
                                  bearer(hr));
        EXPECT_EQ(reply->status, 200) << reply->body;
        auto entries = body_of(reply)["entries"];
        return std::vector<Json>(entries.begin(), entries.end());
    }
    // The person record a session can pull for an employee id, or null.
    Json person(const Session& session, const std::string& employee_id) {
        Json found;
        for (auto& change : pull_all(session))
            if (change["entity"] == "person" && change["fields"].value("employee_id", Json()) == employee_id)
                found = change;
        return found;
    }
};

TEST_F(People, ADryRunCountsAndWritesNothingThenTheImportAppliesOnceAndIsAudited) {
    Session hr = sign_in("hr@example.test");
    const std::string csv = kHeader + "N1,Nadia Noor,nadia@example.test,manager2,Product,2026-01-05,,,\n"
                                      "N2,Omar Reed,omar@example.test,N1,Product,2026-02-01,,,\n";
    auto dry = import(hr, csv, true);
    ASSERT_EQ(dry->status, 200) << dry->body;
    EXPECT_EQ(body_of(dry)["created"], 2);
    EXPECT_TRUE(person(hr, "N1").is_null()) << "a dry run writes nothing";
    EXPECT_TRUE(audit(hr, "people.import").empty()) << "dry runs are not audited";

    auto applied = import(hr, csv);
    ASSERT_EQ(applied->status, 200) << applied->body;
    EXPECT_EQ(body_of(applied)["created"], 2);
    EXPECT_EQ(person(hr, "N1")["fields"]["role"], "manager") << "derived: Omar reports to Nadia";
    auto again = import(hr, "\xEF\xBB\xBF" + csv);  // a BOM changes nothing
    EXPECT_EQ(body_of(again)["unchanged"], 2);
    auto entries = audit(hr, "people.import");
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0]["details"]["created"], 2);
    EXPECT_TRUE(entries[0]["target_id"].is_null());
    EXPECT_EQ(entries[0]["actor_id"], hr.user_id);

    // Manager2 sees the newcomers under them; manager1 does not.
    EXPECT_FALSE(person(sign_in("manager2@example.test"), "N2").is_null());
    EXPECT_TRUE(person(sign_in("manager1@example.test"), "N2").is_null());
}

TEST_F(People, AWrongFileListsEveryWrongRowAndChangesNothing) {
    Session hr = sign_in("hr@example.test");
    const std::string csv = kHeader + "X1,Ok Person,ok@example.test,,,,,,\n"
                                      "X2,\"Quoted, with comma\",MANAGER1@example.test,,,,,,\n"
                                      "X3,\"Two\nlines\",x3@example.test,nobody,,,,,\n"
                                      "X1,Again,again@example.test,,,,,,\n";
    auto reply = import(hr, csv);
    ASSERT_EQ(reply->status, 400);
    auto error = body_of(reply)["error"];
    EXPECT_EQ(error["code"], "invalid_import");
    std::vector<std::pair<int, std::string>> found;
    for (auto& detail : error["details"]) found.emplace_back(detail["line"], detail["code"]);
    EXPECT_EQ(found, (std::vector<std::pair<int, std::string>>{
                         {3, "duplicate_email"}, {4, "invalid_value"}, {4, "unknown_manager"}, {6, "duplicate_employee_id"}}))
        << error.dump();
    EXPECT_TRUE(person(hr, "X1").is_null());
    EXPECT_EQ(import(hr, csv, true)->status, 400) << "a dry run of a wrong file answers the same";

    auto unbalanced = import(hr, kHeader + "Y1,\"never closed,y@example.test,,,,,,\n");
    EXPECT_EQ(body_of(unbalanced)["error"]["details"][0]["code"], "malformed_csv");
    auto no_header = import(hr, "just,some,columns\n1,2,3\n");
    EXPECT_EQ(body_of(no_header)["error"]["details"][0]["code"], "missing_column");
    auto binary = import(hr, kHeader + "B1,Bad \xff\xfe,b@example.test,,,,,,\n");
    EXPECT_EQ(binary->status, 400);
    EXPECT_EQ(import(hr, std::string(10 * 1024 * 1024, 'x'))->status, 400) << "10 MB of one line";
    EXPECT_EQ(client().Post("/api/v1/people/import", bearer(hr), csv, "application/json")->status, 415);
    EXPECT_EQ(import(sign_in("manager1@example.test"), csv)->status, 403);
}

TEST_F(People, AnInvitationSetsAPasswordOnceAndExitedPeopleCannotSignIn) {
    Session hr = sign_in("hr@example.test");
    ASSERT_EQ(import(hr, kHeader + "I1,Ines Ito,ines@example.test,manager1,,,,,\n")->status, 200);
    const std::string ines = person(hr, "I1")["record_id"];
    auto invite = client().Post(("/api/v1/people/" + ines + "/invite").c_str(), bearer(hr), "", "application/json");
    ASSERT_EQ(invite->status, 200) << invite->body;
    const std::string token = body_of(invite)["invite_token"];
    EXPECT_EQ(body_of(invite)["expires_on"].get<std::string>().size(), 10u);
    EXPECT_EQ(audit(hr, "people.invite").at(0)["target_id"], ines);

    auto accept = [&](const std::string& password) {
        return client().Post("/api/v1/session/accept-invite",
                             Json{{"invite_token", token}, {"password", password}}.dump(), "application/json");
    };
    auto weak = accept("short");
    EXPECT_EQ(weak->status, 400);
    EXPECT_EQ(body_of(weak)["error"]["code"], "weak_password");
    auto accepted = accept("a long enough passphrase");
    ASSERT_EQ(accepted->status, 200) << accepted->body;
    EXPECT_EQ(body_of(accepted)["user"]["id"], ines);
    EXPECT_EQ(body_of(accept("a long enough passphrase"))["error"]["code"], "invalid_invite") << "used";
    auto signed_in = client().Post("/api/v1/session",
                                   R"({"email":"INES@example.test","password":"a long enough passphrase"})",
                                   "application/json");
    ASSERT_EQ(signed_in->status, 200);
    const std::string session = body_of(signed_in)["token"];

    // Leaving: the exit import ends her sessions, and she can no longer sign in.
    ASSERT_EQ(import(hr, kHeader + "I1,Ines Ito,ines@example.test,manager1,,,2026-01-01,voluntary,\n")->status, 200);
    EXPECT_EQ(client().Get("/api/v1/sync/pull", {{"Authorization", "Bearer " + session}})->status, 401);
    auto refused = client().Post("/api/v1/session",
                                 R"({"email":"ines@example.test","password":"a long enough passphrase"})",
                                 "application/json");
    EXPECT_EQ(refused->status, 401);
    EXPECT_EQ(body_of(refused)["error"]["code"], "invalid_credentials");
    EXPECT_EQ(client().Post(("/api/v1/people/" + ines + "/invite").c_str(), bearer(hr), "", "application/json")->status,
              409);
    EXPECT_EQ(client().Post("/api/v1/session/accept-invite",
                            R"({"invite_token":"0000","password":"a long enough passphrase"})", "application/json")
                  ->status,
              400);
}

TEST_F(People, AMoveReachesTheNewManagerAndRemovesWhatTheOldOneMayNoLongerSee) {
    Session hr = sign_in("hr@example.test");
    Session maya = sign_in("manager1@example.test"), noah = sign_in("manager2@example.test");
    // Both devices are up to date before the move.
    auto caught_up = [&](const Session& session) {
        int64_t cursor = 0;
        for (bool more = true; more;) {
            auto page = body_of(pull(session, cursor, 1000));
            cursor = page["cursor"];
            more = page["more"];
        }
        return cursor;
    };
    const int64_t maya_cursor = caught_up(maya), noah_cursor = caught_up(noah);
    const Json aiko = person(maya, "m1r1");
    ASSERT_FALSE(aiko.is_null());
    ASSERT_EQ(import(hr, kHeader + "m1r1,Aiko Tanaka,aiko.tanaka@example.test,manager2,,,,,\n")->status, 200);

    auto noah_page = body_of(pull(noah, noah_cursor, 1000));
    bool noah_got_aiko = false;
    for (auto& change : noah_page["changes"]) {
        EXPECT_GT(change["seq"].get<int64_t>(), noah_cursor);
        if (change["record_id"] == aiko["record_id"] && change["fields"].value("name", "") == "Aiko Tanaka")
            noah_got_aiko = true;
        EXPECT_NE(change["entity"], "checkin") << "never the previous manager's check-ins";
    }
    EXPECT_TRUE(noah_got_aiko) << noah_page.dump();

    auto maya_page = body_of(pull(maya, maya_cursor, 1000));
    std::set<std::string> removed_entities;
    for (auto& change : maya_page["changes"]) {
        ASSERT_TRUE(change.value("removed", false)) << "only removals reach the old manager: " << change.dump();
        removed_entities.insert(change["entity"]);
    }
    EXPECT_EQ(removed_entities, (std::set<std::string>{"person", "checkin", "action_item"}));

    // A device following the pull drops exactly those records.
    TempDir device_dir;
    Store device_store(device_dir.file("maya.db"));
    Replica device(device_store, maya.user_id, [] { return wall_millis(); });
    sync(device, maya);
    EXPECT_FALSE(device_store.load(aiko["record_id"]));
    for (const auto& record : device_store.records_about(aiko["record_id"].get<std::string>()))
        EXPECT_EQ(record.state.entity, "recognition") << "only what everyone reads stays: the wall's recognition";
}

TEST_F(People, ErasureLeavesNoByteOfThePersonAndReachesDevicesAsDeletions) {
    Session hr = sign_in("hr@example.test"), maya = sign_in("manager1@example.test");
    const Json aiko = person(hr, "m1r1");
    const std::string aiko_id = aiko["record_id"];
    const std::string note = "Zanzibar-unique-note-text about Aiko";
    auto pushed = push(maya, Json{{"device_id", "maya-laptop"},
                                  {"changes", {checkin_change("erase-1", new_uuid_v7(wall_millis()), aiko_id, note)}}});
    ASSERT_EQ(Json::parse(pushed->body)["results"][0]["status"], "accepted");

    auto exported = client().Get(("/api/v1/people/" + aiko_id + "/export").c_str(), bearer(hr));
    ASSERT_EQ(exported->status, 200);
    EXPECT_NE(exported->body.find(note), std::string::npos);
    EXPECT_NE(exported->body.find("aiko.tanaka@example.test"), std::string::npos);

    const std::string maya_id = maya.user_id;
    auto refused = client().Post(("/api/v1/people/" + maya_id + "/erase").c_str(), bearer(hr), "", "application/json");
    EXPECT_EQ(refused->status, 409);
    EXPECT_EQ(body_of(refused)["error"]["code"], "has_reports");

    // The statistics the query planner samples must keep no copy either (PostgreSQL's pg_statistic, SQLite's
    // sqlite_stat tables).
    open_store()->database().exec("ANALYZE");
    ASSERT_EQ(client().Post(("/api/v1/people/" + aiko_id + "/erase").c_str(), bearer(hr), "", "application/json")->status,
              200);
    for (const std::string& secret : {std::string("Aiko Tanaka"), std::string("aiko.tanaka@example.test"), note,
                                      std::string("Pair Aiko with Dev")})
        EXPECT_EQ(raw_database_bytes().find(secret), std::string::npos)
            << secret << " is still in the files: " << test_database->files_holding(secret);
    EXPECT_EQ(client().Get(("/api/v1/people/" + aiko_id + "/export").c_str(), bearer(hr))->status, 404);
    auto erase_audit = audit(hr, "people.erase");
    ASSERT_EQ(erase_audit.size(), 1u);
    EXPECT_EQ(erase_audit[0]["target_id"], aiko_id);
    EXPECT_EQ(erase_audit[0].dump().find("Aiko"), std::string::npos) << "the audit names the person by id only";

    // Maya's devices drop Aiko and the 1:1s about her, her sealed private note included; HR's get the tombstone.
    std::set<std::string> dropped;
    for (auto& change : pull_all(maya))
        if (change.value("removed", false)) dropped.insert(change["entity"]);
    EXPECT_EQ(dropped, (std::set<std::string>{"person", "checkin", "action_item", "private_note", "recognition"}))
        << "the wall's recognition of Aiko goes with her";
    bool tombstone = false;
    for (auto& change : pull_all(hr))
        if (change["record_id"] == aiko_id && change["deleted"] == true) tombstone = true;
    EXPECT_TRUE(tombstone);
}

TEST_F(People, TheAuditLogPagesFiltersAndCannotBeChanged) {
    Session hr = sign_in("hr@example.test");
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(import(hr, kHeader + "A" + std::to_string(i) + ",Person " + std::to_string(i) + ",a" +
                                 std::to_string(i) + "@example.test,,,,,,\n")
                      ->status,
                  200);
    auto first = body_of(client().Get("/api/v1/audit?limit=2", bearer(hr)));
    EXPECT_EQ(first["entries"].size(), 2u);
    EXPECT_TRUE(first["more"]);
    auto rest = body_of(client().Get(("/api/v1/audit?limit=2&since=" + std::to_string(first["cursor"].get<int64_t>()))
                                         .c_str(),
                                     bearer(hr)));
    EXPECT_EQ(rest["entries"].size(), 1u);
    EXPECT_FALSE(rest["more"]);
    EXPECT_EQ(client().Get("/api/v1/audit", bearer(sign_in("manager1@example.test")))->status, 403);
    EXPECT_EQ(client().Delete("/api/v1/audit", bearer(hr))->status, 405);
    auto opened = open_store();
    Store& store = *opened;
    EXPECT_THROW(store.database().exec("DELETE FROM audit_log"), StoreError);
}

TEST_F(People, HrChangesARoleAndItReachesTheOrgAndTheAudit) {
    Session hr = sign_in("hr@example.test");
    const std::string mentor = person(hr, "mentor")["record_id"];
    auto changed = client().Post(("/api/v1/people/" + mentor + "/role").c_str(), bearer(hr), R"({"role":"manager"})",
                                 "application/json");
    ASSERT_EQ(changed->status, 200) << changed->body;
    Json latest_role;
    for (auto& change : pull_all(hr))
        if (change["record_id"] == mentor && change["fields"].contains("role")) latest_role = change["fields"]["role"];
    EXPECT_EQ(latest_role, "manager") << "the change reaches HR's devices";
    const Json mentor_sign_in{{"email", "mentor@example.test"}, {"password", kTestPassword}};
    auto mentor_session =
        Json::parse(client().Post("/api/v1/session", mentor_sign_in.dump(), "application/json")->body);
    EXPECT_EQ(mentor_session["user"]["role"], "manager");
    EXPECT_EQ(audit(hr, "people.role").at(0)["details"], (Json{{"from", "mentor"}, {"to", "manager"}}));
    EXPECT_EQ(client().Post(("/api/v1/people/" + mentor + "/role").c_str(), bearer(hr), R"({"role":"boss"})",
                            "application/json")->status, 400);
    EXPECT_EQ(client().Post(("/api/v1/people/" + mentor + "/role").c_str(), bearer(sign_in("manager1@example.test")),
                            R"({"role":"hr_admin"})", "application/json")->status, 403);
}

TEST_F(People, OperatorsCanInviteAndResetFromTheCommandLine) {
    shut_down();  // the command opens the database itself
    auto run = [&](const std::string& arguments, std::string& printed) {
        const std::string command = std::string(TANDEM_SERVER_BINARY) + " " + arguments + (test_database->is_postgres() ? " --database-url " : " --db ") +
                                    "'" + database + "' 2>&1";
        FILE* output = popen(command.c_str(), "r");
        EXPECT_TRUE(output);
        char line[256] = {};
        printed.clear();
        while (output && fgets(line, sizeof line, output)) printed += line;
        return output ? pclose(output) : -1;
    };
    auto token_after = [](const std::string& printed, const std::string& label) {
        const size_t at = printed.find(label + " ");
        EXPECT_NE(at, std::string::npos) << printed;
        return at == std::string::npos ? std::string() : printed.substr(at + label.size() + 1, 64);
    };
    std::string printed;
    EXPECT_NE(run("invite --email Manager2@example.test", printed), 0) << "Noah already has an account: " << printed;
    EXPECT_NE(printed.find("already has an account"), std::string::npos) << printed;
    EXPECT_EQ(run("invite --email Aiko.Tanaka@example.test", printed), 0) << printed;
    const std::string invite = token_after(printed, "invite_token");
    EXPECT_EQ(run("reset-password --email Manager2@example.test", printed), 0) << printed;
    const std::string reset = token_after(printed, "reset_token");
    start();
    for (const auto& token : {invite, reset}) {
        auto accepted = client().Post("/api/v1/session/accept-invite",
                                      Json{{"invite_token", token}, {"password", "operator-made password"}}.dump(),
                                      "application/json");
        EXPECT_EQ(accepted->status, 200) << accepted->body;
    }
    Session hr = sign_in("hr@example.test");
    EXPECT_EQ(audit(hr, "people.invite").at(0)["actor_id"], "operator");
    EXPECT_EQ(audit(hr, "people.reset").at(0)["actor_id"], "operator");
}

}  // namespace
}  // namespace tandem::testing
