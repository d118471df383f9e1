// Employee access over HTTP (docs/api.md, Employee access and Bulk invitations): HR's switch, what it does to
// employees and to nobody else, and invitations for a department or a manager's tree.
#include <set>
#include <sstream>

#include "live_server.h"
#include "tandem/base/dates.h"

namespace tandem::testing {
namespace {

const std::string kHeader = "employee_id,name,email,manager_employee_id,department,start_date,exit_date,exit_reason,role\n";

class EmployeeAccess : public LiveServer {
protected:
    // The two teams; Aiko (m1r1), an employee, already has an account.
    void declare(TestOrg& org) override {
        add_two_teams(org);
        org.account("m1r1");
    }

    httplib::Result sign_in_with(const std::string& email, const std::string& with_password) {
        return client().Post("/api/v1/session", Json{{"email", email}, {"password", with_password}}.dump(),
                             "application/json");
    }
    httplib::Result access(const Session& session) {
        return client().Get("/api/v1/settings/employee-access", bearer(session));
    }
    httplib::Result switch_access(const Session& session, const std::string& body) {
        return client().Put("/api/v1/settings/employee-access", bearer(session), body, "application/json");
    }
    httplib::Result pull_status(const Session& session) { return pull(session, 0, 1); }
    httplib::Result accept(const std::string& token, const std::string& new_password) {
        return client().Post("/api/v1/session/accept-invite",
                             Json{{"invite_token", token}, {"password", new_password}}.dump(), "application/json");
    }
    httplib::Result invite_many(const Session& hr, const Json& body, const std::string& query = "",
                                httplib::Headers headers = {}) {
        headers.emplace("Authorization", "Bearer " + hr.token);
        return client().Post(("/api/v1/people/invites" + query).c_str(), headers, body.dump(), "application/json");
    }
    httplib::Result import(const Session& hr, const std::string& csv) {
        return client().Post("/api/v1/people/import", bearer(hr), csv, "text/csv");
    }
    std::vector<Json> audit(const Session& hr, const std::string& action) {
        auto reply = client().Get(("/api/v1/audit?limit=1000&action=" + action).c_str(), bearer(hr));
        EXPECT_EQ(reply->status, 200) << reply->body;
        auto entries = body_of(reply)["entries"];
        return std::vector<Json>(entries.begin(), entries.end());
    }
    std::string id_of(const Session& hr, const std::string& employee_id) {
        for (auto& change : pull_all(hr))
            if (change["entity"] == "person" && change["fields"].value("employee_id", Json()) == employee_id)
                return change["record_id"];
        ADD_FAILURE() << "no person " << employee_id;
        return "";
    }
    static std::string code_of(const httplib::Result& reply) { return body_of(reply)["error"].value("code", ""); }
    std::string today() { return iso_from_millis(wall_millis()); }
};

TEST_F(EmployeeAccess, OffByDefaultShutsOutEmployeesOnlyAndEachSwitchIsAudited) {
    Session hr = sign_in("hr@example.test"), maya = sign_in("manager1@example.test");
    auto initial = access(hr);
    ASSERT_EQ(initial->status, 200) << initial->body;
    EXPECT_EQ(body_of(initial), (Json{{"enabled", false}, {"changed_on", nullptr}})) << "off in a new organisation";

    auto refused = sign_in_with("aiko.tanaka@example.test", password);
    EXPECT_EQ(refused->status, 401);
    EXPECT_EQ(code_of(refused), "employee_access_off");
    EXPECT_NE(body_of(refused)["error"]["message"].get<std::string>().find("ask HR"), std::string::npos);
    auto wrong = sign_in_with("aiko.tanaka@example.test", "not her password");
    EXPECT_EQ(code_of(wrong), "invalid_credentials") << "a wrong password learns nothing about the switch";

    auto on = switch_access(hr, R"({"enabled": true})");
    ASSERT_EQ(on->status, 200) << on->body;
    EXPECT_EQ(body_of(on), (Json{{"enabled", true}, {"changed_on", today()}}));
    EXPECT_EQ(body_of(access(hr)), body_of(on));
    Session aiko = sign_in("aiko.tanaka@example.test");
    EXPECT_EQ(pull_status(aiko)->status, 200);

    auto off = switch_access(hr, R"({"enabled": false})");
    ASSERT_EQ(off->status, 200) << off->body;
    EXPECT_EQ(body_of(off)["enabled"], false);
    EXPECT_EQ(pull_status(aiko)->status, 401) << "her session ends at once";
    EXPECT_EQ(code_of(sign_in_with("aiko.tanaka@example.test", password)), "employee_access_off");
    EXPECT_EQ(pull_status(maya)->status, 200) << "a manager's session is untouched";
    EXPECT_EQ(pull_status(hr)->status, 200);
    EXPECT_EQ(sign_in_with("manager2@example.test", password)->status, 200);
    EXPECT_EQ(sign_in_with("mentor@example.test", password)->status, 200);

    ASSERT_EQ(switch_access(hr, R"({"enabled": true})")->status, 200);
    EXPECT_EQ(pull_status(aiko)->status, 401) << "switching back on revives no old session";
    EXPECT_EQ(pull_status(sign_in("aiko.tanaka@example.test"))->status, 200);

    auto entries = audit(hr, "settings.employee_access");
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0]["details"], (Json{{"enabled", true}}));
    EXPECT_EQ(entries[1]["details"], (Json{{"enabled", false}}));
    EXPECT_EQ(entries[1]["actor_id"], hr.user_id);
    EXPECT_TRUE(entries[1]["target_id"].is_null());
}

TEST_F(EmployeeAccess, OnlyHrMaySeeOrSwitchItAndABadBodyIsRefusedWithASentence) {
    Session hr = sign_in("hr@example.test"), maya = sign_in("manager1@example.test");
    EXPECT_EQ(access(maya)->status, 403);
    auto forbidden = switch_access(maya, R"({"enabled": true})");
    EXPECT_EQ(forbidden->status, 403);
    EXPECT_EQ(code_of(forbidden), "forbidden");
    EXPECT_EQ(switch_access(sign_in("mentor@example.test"), R"({"enabled": true})")->status, 403);
    EXPECT_EQ(client().Get("/api/v1/settings/employee-access")->status, 401);
    for (const char* body : {R"({"enabled": "yes"})", "{}", R"({"enabled": true, "also": 1})", "[true]"}) {
        auto bad = switch_access(hr, body);
        EXPECT_EQ(bad->status, 400) << body;
        EXPECT_EQ(code_of(bad), "invalid_request") << body;
        EXPECT_FALSE(body_of(bad)["error"]["message"].get<std::string>().empty());
    }
    EXPECT_EQ(code_of(switch_access(hr, "{enabled")), "malformed_json");
    EXPECT_EQ(body_of(access(hr))["enabled"], false) << "nothing refused changed it";
    EXPECT_TRUE(audit(hr, "settings.employee_access").empty());
}

TEST_F(EmployeeAccess, AnEmployeesInvitationWaitsUnusedWhileAccessIsOff) {
    Session hr = sign_in("hr@example.test");
    auto invite = client().Post(("/api/v1/people/" + id_of(hr, "m1r2") + "/invite").c_str(), bearer(hr), "",
                                "application/json");
    ASSERT_EQ(invite->status, 200) << invite->body;
    const std::string token = body_of(invite)["invite_token"];
    EXPECT_EQ(body_of(invite)["invite_path"], "/invite#" + token);
    auto waiting = accept(token, "bruno's long password");
    EXPECT_EQ(waiting->status, 401);
    EXPECT_EQ(code_of(waiting), "employee_access_off");
    // A manager's invitation is not affected by the switch.
    auto dana = client().Post(("/api/v1/people/" + id_of(hr, "director") + "/invite").c_str(), bearer(hr), "",
                              "application/json");
    EXPECT_EQ(accept(body_of(dana)["invite_token"], "dana's long password")->status, 200);

    ASSERT_EQ(switch_access(hr, R"({"enabled": true})")->status, 200);
    auto accepted = accept(token, "bruno's long password");
    ASSERT_EQ(accepted->status, 200) << accepted->body;
    EXPECT_EQ(body_of(accepted)["user"]["role"], "employee");
    EXPECT_EQ(code_of(accept(token, "bruno's long password")), "invalid_invite") << "used once";
}

TEST_F(EmployeeAccess, AManagersTreeIsInvitedOncePerPersonSkippingAccountsAndLeavers) {
    Session hr = sign_in("hr@example.test");
    ASSERT_EQ(import(hr, kHeader + "m1r3,Chloé Martin,chloe.martin@example.test,manager1,,,2026-01-01,voluntary,\n")
                  ->status,
              200);
    auto reply = invite_many(hr, Json{{"manager_id", id_of(hr, "manager1")}});
    ASSERT_EQ(reply->status, 200) << reply->body;
    const Json body = body_of(reply);
    ASSERT_EQ(body["invites"].size(), 2u) << body.dump();
    EXPECT_EQ(body["invites"][0]["name"], "Bruno Álvarez");
    EXPECT_EQ(body["invites"][1]["name"], "Dev Patel");
    EXPECT_EQ(body["invites"][1]["email"], "dev.patel@example.test");
    EXPECT_EQ(body["invites"][1]["expires_on"], add_days(today(), 14));
    std::set<std::pair<std::string, std::string>> skipped;
    for (const auto& skip : body["skipped"]) skipped.emplace(skip["name"], skip["reason"]);
    EXPECT_EQ(skipped, (std::set<std::pair<std::string, std::string>>{{"Aiko Tanaka", "already_active"},
                                                                       {"Chloé Martin", "left"}}));
    auto entries = audit(hr, "people.invite");
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0]["target_id"], body["invites"][0]["person_id"]);
    EXPECT_EQ(entries[0]["details"]["manager_id"], id_of(hr, "manager1"));

    ASSERT_EQ(switch_access(hr, R"({"enabled": true})")->status, 200);
    for (const auto& invite : body["invites"]) {
        EXPECT_EQ(accept(invite["invite_token"], "a long enough password")->status, 200);
        EXPECT_EQ(code_of(accept(invite["invite_token"], "a long enough password")), "invalid_invite");
    }
    auto again = invite_many(hr, Json{{"manager_id", id_of(hr, "manager1")}});
    EXPECT_TRUE(body_of(again)["invites"].empty()) << "everyone has an account now";

    // A director's tree holds the managers below them and their teams, never the director.
    auto director = body_of(invite_many(hr, Json{{"manager_id", id_of(hr, "director")}}));
    EXPECT_EQ(director["invites"].size(), 3u) << "Noah's three reports";
    EXPECT_EQ(director["skipped"].size(), 6u) << "Maya, Noah, Aiko, Bruno, Dev have accounts; Chloé left";
}

TEST_F(EmployeeAccess, ADepartmentIsInvitedAsACsvOfLinksThatReplaceEarlierOnes) {
    Session hr = sign_in("hr@example.test");
    ASSERT_EQ(import(hr, kHeader + "F1,Farah Field,farah@example.test,manager2,Field,,,,\n"
                                   "F2,\"=Formula, Person\",formula@example.test,manager2,Field,,,,\n"
                                   "F3,Other Dept,other@example.test,manager2,Office,,,,\n")
                  ->status,
              200);
    auto first = invite_many(hr, Json{{"department", "Field"}});
    ASSERT_EQ(first->status, 200) << first->body;
    ASSERT_EQ(body_of(first)["invites"].size(), 2u);
    const std::string replaced = body_of(first)["invites"][0]["invite_token"];

    auto csv = invite_many(hr, Json{{"department", "Field"}}, "", {{"Accept", "text/csv"}});
    ASSERT_EQ(csv->status, 200) << csv->body;
    EXPECT_EQ(csv->get_header_value("Content-Type").rfind("text/csv", 0), 0u);
    std::istringstream lines(csv->body);
    std::vector<std::string> rows;
    for (std::string line; std::getline(lines, line);) rows.push_back(line.substr(0, line.find('\r')));
    ASSERT_EQ(rows.size(), 3u) << csv->body;
    EXPECT_EQ(rows[0], "name,email,invite_link,expires_on");
    EXPECT_EQ(rows[1].rfind("\"'=Formula, Person\",formula@example.test,http://127.0.0.1:" + std::to_string(port) +
                                "/invite#",
                            0),
              0u)
        << "a formula is neutralised and the link points where HR reached the server: " << rows[1];
    EXPECT_EQ(rows[2].rfind("Farah Field,farah@example.test,", 0), 0u) << rows[2];
    EXPECT_EQ(rows[2].substr(rows[2].size() - 10), add_days(today(), 14));
    EXPECT_EQ(invite_many(hr, Json{{"department", "Field"}}, "?format=csv")->body.rfind("name,email,", 0), 0u);
    EXPECT_EQ(audit(hr, "people.invite").size(), 6u) << "three rounds of two";
    EXPECT_EQ(audit(hr, "people.invite")[0]["details"]["department"], "Field");

    ASSERT_EQ(switch_access(hr, R"({"enabled": true})")->status, 200);
    EXPECT_EQ(code_of(accept(replaced, "a long enough password")), "invalid_invite") << "replaced by a later invite";
    const std::string link_token = rows[2].substr(rows[2].find('#') + 1, 64);
    EXPECT_EQ(code_of(accept(link_token, "a long enough password")), "invalid_invite")
        << "the ?format=csv round replaced the Accept round too";
    auto latest = body_of(invite_many(hr, Json{{"department", "Field"}}));
    EXPECT_EQ(accept(latest["invites"][1]["invite_token"], "a long enough password")->status, 200);
}

TEST_F(EmployeeAccess, BulkInvitationsRefuseWhatTheyCannotDoWithASentence) {
    Session hr = sign_in("hr@example.test");
    auto check = [&](const Json& body, int status, const std::string& code, const std::string& query = "") {
        auto reply = invite_many(hr, body, query);
        EXPECT_EQ(reply->status, status) << body.dump() << " " << reply->body;
        EXPECT_EQ(code_of(reply), code) << body.dump();
        EXPECT_FALSE(body_of(reply)["error"]["message"].get<std::string>().empty());
    };
    check(Json{{"department", ""}}, 400, "invalid_request");
    check(Json{{"department", "Nowhere"}}, 404, "not_found");
    check(Json{{"manager_id", "00000000-0000-7000-8000-000000000000"}}, 404, "not_found");
    check(Json{{"department", "Field"}, {"manager_id", id_of(hr, "manager1")}}, 400, "invalid_request");
    check(Json::object(), 400, "invalid_request");
    check(Json{{"department", 7}}, 400, "invalid_request");
    check(Json{{"manager_id", id_of(hr, "manager1")}}, 400, "invalid_parameter", "?format=xml");
    EXPECT_EQ(invite_many(sign_in("manager1@example.test"), Json{{"manager_id", id_of(hr, "manager1")}})->status, 403);

    std::string big = kHeader;
    for (int i = 0; i < 5001; ++i)
        big += "B" + std::to_string(i) + ",Bulk Person " + std::to_string(i) + ",bulk" + std::to_string(i) +
               "@example.test,manager2,Bulk,,,,\n";
    ASSERT_EQ(import(hr, big)->status, 200);
    auto too_many = invite_many(hr, Json{{"department", "Bulk"}});
    EXPECT_EQ(too_many->status, 400);
    EXPECT_NE(body_of(too_many)["error"]["message"].get<std::string>().find("5001"), std::string::npos);
    EXPECT_TRUE(audit(hr, "people.invite").empty()) << "refused calls write nothing";
}

TEST_F(EmployeeAccess, TheInvitationPageIsServed) {
    auto page = client().Get("/invite");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("/api/v1/session/accept-invite"), std::string::npos);
    EXPECT_EQ(page->get_header_value("Referrer-Policy"), "no-referrer");
}

class DemoEmployeeAccess : public DemoServer {};

TEST_F(DemoEmployeeAccess, IsOnInTheDemoAndItsEmployeesSignIn) {
    Session hr = sign_in("hr@demo.example");
    auto reply = client().Get("/api/v1/settings/employee-access", bearer(hr));
    ASSERT_EQ(reply->status, 200);
    EXPECT_EQ(body_of(reply)["enabled"], true);
    for (const char* email : {"aiko.tanaka@demo.example", "dev.patel@demo.example", "gustavo.silva@demo.example"}) {
        auto signed_in = client().Post("/api/v1/session", Json{{"email", email}, {"password", "tandem-demo"}}.dump(),
                                       "application/json");
        ASSERT_EQ(signed_in->status, 200) << email << " " << signed_in->body;
        EXPECT_EQ(body_of(signed_in)["user"]["role"], "employee");
    }
}

}  // namespace
}  // namespace tandem::testing
