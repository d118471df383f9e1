// The HR console's state (features/people/people_console.h): the directory rebuilt from the person records
// HR's device pulled into a real Store (search, manager and department filters, report counts, managers'
// names), and the online actions against a server the test plays by hand with the contract of docs/api.md
// (People import, Invitations and resets, Roles, Export and erasure, Audit log): requests as the server
// expects them, results where the screens read them, and failures in the server's own words.
#include <gtest/gtest.h>

#include <algorithm>

#include "fake_platform.h"
#include "features/people/people_console.h"
#include "tandem/base/hlc.h"
#include "tandem/sync/replica.h"
#include "tandem/sync/store.h"

namespace tandem::testing {
namespace {

// Dana leads Maya and Noah; Rui (kReport) reports to Maya, Ola to Noah; Hana is HR. Ivo was erased.
constexpr const char* kDana = "01900000-0000-7000-8000-0000000000d1";
constexpr const char* kRui = kReport;
constexpr const char* kNoah = "01900000-0000-7000-8000-000000000003";
constexpr const char* kOla = "01900000-0000-7000-8000-000000000004";
constexpr const char* kHana = "01900000-0000-7000-8000-000000000005";
constexpr const char* kIvo = "01900000-0000-7000-8000-000000000006";
constexpr const char* kToken = "hr-session-token";

std::string error_body(const std::string& code, const std::string& message) {
    return Json{{"error", {{"code", code}, {"message", message}}}}.dump();
}

class PeopleConsoleTest : public ::testing::Test {
protected:
    void SetUp() override {
        store = std::make_unique<Store>(platform.data_dir() + "/hr.db");
        replica = std::make_unique<Replica>(*store, kHana, [this] { return platform.now; });
        pull({person(kDana, {{"name", "Dana Reyes"}, {"email", "dana@example.org"}, {"employee_id", "E-100"},
                             {"department", "Operations"}, {"role", "manager"}, {"manager_id", nullptr}}),
              person(kMaya, {{"name", "Maya Chen"}, {"email", "maya.chen@example.org"}, {"employee_id", "E-101"},
                             {"department", "Sales"}, {"role", "manager"}, {"manager_id", kDana}}),
              person(kNoah, {{"name", "Noah Berg"}, {"email", "noah@example.org"}, {"employee_id", "E-102"},
                             {"department", "Engineering"}, {"role", "manager"}, {"manager_id", kDana}}),
              person(kRui, {{"name", "Rui Alves"}, {"email", "rui@example.org"}, {"employee_id", "E-103"},
                            {"department", "Sales"}, {"role", "employee"}, {"manager_id", kMaya},
                            {"start_date", "2024-03-01"}}),
              person(kOla, {{"name", "Ola Nowak"}, {"email", "ola@example.org"}, {"employee_id", "E-104"},
                            {"department", "Engineering"}, {"role", "employee"}, {"manager_id", kNoah},
                            {"exit_date", "2026-10-31"}, {"exit_reason", "voluntary"}}),
              person(kHana, {{"name", "Hana Ito"}, {"email", "hana@example.org"}, {"employee_id", "E-105"},
                             {"department", "People"}, {"role", "hr_admin"}, {"manager_id", nullptr}}),
              person(kIvo, {{"name", "Ivo Maric"}, {"email", "ivo@example.org"}, {"manager_id", kMaya}}),
              person(kIvo, {}, true)});
        console.rebuild(*store);
    }

    // A person change as the server's pull carries it.
    Json person(const std::string& id, const Json& fields, bool deleted = false) {
        Change change;
        change.id = "server-" + std::to_string(++seq);
        change.entity = "person";
        change.record_id = id;
        change.hlc = Hlc{platform.now + uint64_t(seq), 0}.to_string();
        change.device_id = "server";
        change.fields = fields;
        change.deleted = deleted;
        change.seq = seq;
        return to_json(change, true);
    }
    void pull(const std::vector<Json>& changes) {
        replica->apply_pull(Json{{"changes", changes}, {"cursor", seq}, {"more", false}});
    }
    std::vector<std::string> shown_names() const {
        std::vector<std::string> names;
        for (size_t i : console.shown()) names.push_back(console.people()[i].name);
        return names;
    }
    void show(const std::string& search, const std::string& manager, const std::string& department) {
        console.search = search;
        console.manager_search = manager;
        const auto& departments = console.departments();
        auto found = std::find(departments.begin(), departments.end(), department);
        ASSERT_TRUE(department.empty() || found != departments.end()) << department;
        console.department = department.empty() ? 0 : int(found - departments.begin());
        console.refilter();
    }
    void choose_csv(const std::string& name, const std::string& bytes) {
        console.choose_import_file(platform, kToken);
        ASSERT_EQ(platform.picks.size(), 1u);
        EXPECT_EQ(platform.picks.front().accept, ".csv,text/csv");
        platform.choose_file(name, bytes);
    }

    FakePlatform platform;
    std::unique_ptr<Store> store;
    std::unique_ptr<Replica> replica;
    int64_t seq = 0;
    client::PeopleConsole console;
};

TEST_F(PeopleConsoleTest, TheDirectoryIsBuiltFromPersonRecordsWithManagersNamesAndReportCounts) {
    EXPECT_EQ(shown_names(), (std::vector<std::string>{"Dana Reyes", "Hana Ito", "Maya Chen", "Noah Berg",
                                                       "Ola Nowak", "Rui Alves"}))
        << "by name; the erased person is not listed";
    EXPECT_EQ(console.people().size(), 6u);
    EXPECT_EQ(console.person(kIvo), nullptr);
    EXPECT_EQ(console.person("01900000-0000-7000-8000-0000000000ff"), nullptr);

    const client::PersonRow* rui = console.person(kRui);
    ASSERT_NE(rui, nullptr);
    EXPECT_EQ(rui->email, "rui@example.org");
    EXPECT_EQ(rui->employee_id, "E-103");
    EXPECT_EQ(rui->department, "Sales");
    EXPECT_EQ(rui->manager_name, "Maya Chen");
    EXPECT_EQ(rui->role, "employee");
    EXPECT_EQ(rui->start_date, "2024-03-01");
    EXPECT_EQ(console.person(kOla)->exit_date, "2026-10-31");
    EXPECT_EQ(console.person(kOla)->exit_reason, "voluntary");
    EXPECT_EQ(console.person(kDana)->manager_name, "");

    EXPECT_EQ(console.person(kDana)->reports, 2);
    EXPECT_EQ(console.person(kMaya)->reports, 1) << "Rui; the erased Ivo no longer counts";
    EXPECT_EQ(console.person(kNoah)->reports, 1);
    EXPECT_EQ(console.person(kRui)->reports, 0);
    EXPECT_EQ(console.departments(),
              (std::vector<std::string>{"All departments", "Engineering", "Operations", "People", "Sales"}));
}

TEST_F(PeopleConsoleTest, SearchFindsNameEmailOrEmployeeIdIgnoringCase) {
    show("MAYA", "", "");
    EXPECT_EQ(shown_names(), (std::vector<std::string>{"Maya Chen"}));
    show("e-104", "", "");
    EXPECT_EQ(shown_names(), (std::vector<std::string>{"Ola Nowak"}));
    show("noah@", "", "");
    EXPECT_EQ(shown_names(), (std::vector<std::string>{"Noah Berg"}));
    show("sales", "", "");
    EXPECT_TRUE(shown_names().empty()) << "the department is a filter of its own, not searched";
    show("", "", "");
    EXPECT_EQ(console.shown().size(), 6u);
}

TEST_F(PeopleConsoleTest, ManagerAndDepartmentFiltersNarrowTogether) {
    show("", "dana", "");
    EXPECT_EQ(shown_names(), (std::vector<std::string>{"Maya Chen", "Noah Berg"}));
    show("", "", "Sales");
    EXPECT_EQ(shown_names(), (std::vector<std::string>{"Maya Chen", "Rui Alves"}));
    show("", "CHEN", "Sales");
    EXPECT_EQ(shown_names(), (std::vector<std::string>{"Rui Alves"}));
    show("maya", "dana", "Engineering");
    EXPECT_TRUE(shown_names().empty());
    show("", "", "Engineering");
    EXPECT_EQ(shown_names(), (std::vector<std::string>{"Noah Berg", "Ola Nowak"}));

    // Filters set but not re-run leave the list as it was: the screen calls refilter() when one changes.
    console.search = "hana";
    EXPECT_EQ(shown_names(), (std::vector<std::string>{"Noah Berg", "Ola Nowak"}));
}

TEST_F(PeopleConsoleTest, ARebuildAfterASyncFollowsRenamesMovesAndErasuresAndKeepsTheChosenDepartment) {
    show("", "", "Sales");
    pull({person(kMaya, {{"name", "Maya Lindqvist"}}),                    // renamed
          person(kOla, {{"manager_id", kMaya}, {"department", "Sales"}}),  // moved to Maya's team
          person(kNoah, {}, true),                                          // erased
          person("01900000-0000-7000-8000-000000000007",
                 {{"name", "Ada Field"}, {"email", "ada@example.org"}, {"department", "Finance"},
                  {"manager_id", kDana}})});
    console.rebuild(*store);

    EXPECT_EQ(console.departments(),
              (std::vector<std::string>{"All departments", "Finance", "Operations", "People", "Sales"}));
    ASSERT_GT(console.department, 0);
    EXPECT_EQ(console.departments()[size_t(console.department)], "Sales")
        << "the chosen department, wherever it now sits in the list";
    EXPECT_EQ(shown_names(), (std::vector<std::string>{"Maya Lindqvist", "Ola Nowak", "Rui Alves"}));
    EXPECT_EQ(console.person(kRui)->manager_name, "Maya Lindqvist");
    EXPECT_EQ(console.person(kOla)->manager_name, "Maya Lindqvist");
    EXPECT_EQ(console.person(kMaya)->reports, 2);
    EXPECT_EQ(console.person(kDana)->reports, 2) << "Maya and Ada; Noah was erased";
    EXPECT_EQ(console.person(kNoah), nullptr);

    // The manager filter searches the new name.
    show("", "lindqvist", "");
    EXPECT_EQ(shown_names(), (std::vector<std::string>{"Ola Nowak", "Rui Alves"}));

    // A department that no longer exists falls back to all of them.
    show("", "", "Finance");
    pull({person("01900000-0000-7000-8000-000000000007", {{"department", "Sales"}})});
    console.rebuild(*store);
    EXPECT_EQ(console.department, 0);
    EXPECT_EQ(console.shown().size(), console.people().size());
}

TEST_F(PeopleConsoleTest, AnImportIsCheckedByADryRunThenAppliedWithTheSameFile) {
    const std::string wrong = "employee_id,name,email,manager_employee_id\nE-200,Lee,lee@example.org,E-999\n";
    choose_csv("people.csv", wrong);
    ASSERT_EQ(platform.sent.size(), 1u);
    EXPECT_TRUE(console.busy);
    EXPECT_EQ(console.import_state, client::PeopleConsole::ImportState::Checking);
    const client::HttpRequest& check = platform.sent.front().request;
    EXPECT_EQ(check.method, "POST");
    EXPECT_EQ(check.path, "/api/v1/people/import?dry_run=true");
    EXPECT_EQ(check.content_type, "text/csv");
    EXPECT_EQ(check.body, wrong);
    EXPECT_EQ(check.bearer_token, kToken);

    // The server's invalid_import: the first problems listed, all of them counted.
    platform.answer(400, Json{{"error",
                               {{"code", "invalid_import"},
                                {"message", "1204 problems in the file; nothing was imported. The first 1000 by line "
                                            "are listed."},
                                {"details",
                                 {{{"line", 2}, {"code", "unknown_manager"},
                                   {"message", "manager_employee_id E-999 is neither in the file nor already known"}},
                                  {{"line", 7}, {"code", "missing_value"}, {"message", "email is empty"}}}},
                                {"more", 1202},
                                {"total", 1204}}}}
                             .dump());
    EXPECT_FALSE(console.busy);
    EXPECT_EQ(console.import_state, client::PeopleConsole::ImportState::Problems);
    ASSERT_EQ(console.import_issues.size(), 2u);
    EXPECT_EQ(console.import_issues[0].line, 2);
    EXPECT_EQ(console.import_issues[0].code, "unknown_manager");
    EXPECT_EQ(console.import_issues[0].message, "manager_employee_id E-999 is neither in the file nor already known");
    EXPECT_EQ(console.import_issues[1].line, 7);
    EXPECT_EQ(console.import_issues[1].code, "missing_value");
    EXPECT_EQ(console.import_issue_total, 1204u);

    // A corrected file: the dry run's counts, then the import itself.
    const std::string fixed = "employee_id,name,email,manager_employee_id\nE-200,Lee,lee@example.org,E-100\n";
    choose_csv("people-fixed.csv", fixed);
    EXPECT_TRUE(console.import_issues.empty()) << "the old file's problems went with it";
    const Json counts{{"created", 1}, {"updated", 0}, {"unchanged", 6}, {"moved", 0}, {"exited", 0}};
    Json dry = counts;
    dry["dry_run"] = true;
    platform.answer(200, dry.dump());
    EXPECT_EQ(console.import_state, client::PeopleConsole::ImportState::Checked);
    EXPECT_EQ(console.import_counts, dry);

    int imported = 0;
    console.apply_import(platform, kToken, [&] { ++imported; });
    EXPECT_EQ(console.import_state, client::PeopleConsole::ImportState::Applying);
    EXPECT_TRUE(console.busy);
    EXPECT_EQ(imported, 0);
    Json applied = counts;
    applied["dry_run"] = false;
    const auto apply = platform.answer(200, applied.dump());
    EXPECT_EQ(apply.path, "/api/v1/people/import");
    EXPECT_EQ(apply.body, fixed) << "the file that was checked";
    EXPECT_EQ(apply.content_type, "text/csv");
    EXPECT_EQ(console.import_state, client::PeopleConsole::ImportState::Applied);
    EXPECT_EQ(console.import_counts, applied);
    EXPECT_EQ(imported, 1) << "the caller syncs to see the new people";
    EXPECT_FALSE(console.busy);
    EXPECT_FALSE(console.message_is_error);
    EXPECT_EQ(console.message, "Imported people-fixed.csv.");
}

TEST_F(PeopleConsoleTest, AnImportTheServerRefusesSaysItsWordsAndAppliesNothing) {
    choose_csv("people.csv", "employee_id,name,email,role\nE-105,Hana Ito,hana@example.org,employee\n");
    const std::string last_hr =
        "This import would leave the organisation without an HR admin who is still employed. Make someone else an "
        "HR admin first.";
    platform.answer(409, error_body("last_hr_admin", last_hr));
    EXPECT_EQ(console.import_state, client::PeopleConsole::ImportState::None);
    EXPECT_EQ(console.message, last_hr);
    EXPECT_TRUE(console.message_is_error);
    EXPECT_FALSE(console.busy);

    // Checked, then the connection drops as it is applied: still checked, nothing claimed.
    choose_csv("people.csv", "employee_id,name,email\nE-200,Lee,lee@example.org\n");
    EXPECT_TRUE(console.message.empty()) << "a new action clears the last outcome";
    platform.answer(200, R"({"created":1,"updated":0,"unchanged":6,"moved":0,"exited":0,"dry_run":true})");
    int imported = 0;
    console.apply_import(platform, kToken, [&] { ++imported; });
    platform.answer(0, "");
    EXPECT_EQ(console.import_state, client::PeopleConsole::ImportState::Checked) << "it can be applied again";
    EXPECT_EQ(imported, 0);
    EXPECT_EQ(console.message, "Cannot reach the server: the HR console needs a connection.");
    EXPECT_TRUE(console.message_is_error);

    // A failure page that is not the API's JSON still says what failed.
    console.apply_import(platform, kToken, [&] { ++imported; });
    platform.answer(502, "<html>Bad Gateway</html>");
    EXPECT_EQ(console.message, "The import was not applied (server answered 502)");
    EXPECT_EQ(imported, 0);
}

// A proxy, a load balancer or a body cut short can answer with JSON that is not the API's error: the console
// says what failed and keeps working rather than reading a field that is not there.
TEST_F(PeopleConsoleTest, AnAnswerThatIsNotTheApisErrorIsSaidAndNothingBreaks) {
    for (const char* body : {R"({"status":"bad request"})", R"({"error":"bad request"})", R"([1,2])",
                             R"({"error":{"code":"invalid_import","details":"cut short","total":"many"}})"}) {
        choose_csv("people.csv", "employee_id,name,email\nE-200,Lee,lee@example.org\n");
        platform.answer(400, body);
        EXPECT_NE(console.import_state, client::PeopleConsole::ImportState::Checked) << body;
        EXPECT_FALSE(console.busy) << body;
        EXPECT_TRUE(console.message_is_error || console.import_state == client::PeopleConsole::ImportState::Problems)
            << body;
    }
    console.load_audit(platform, kToken, false);
    platform.answer(200, R"({"cursor":3,"more":false})");
    EXPECT_TRUE(console.audit.empty()) << "an answer without entries adds none";
}

TEST_F(PeopleConsoleTest, AnInvitationShowsItsTokenForThePersonItWasMadeFor) {
    console.selected_id = kRui;
    console.invite(platform, kToken);
    EXPECT_TRUE(console.busy);
    console.selected_id = kOla;  // HR opened someone else before the answer came
    const auto request = platform.answer(200, R"({"invite_token":"tok-rui-123","expires_on":"2026-12-14"})");
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, std::string("/api/v1/people/") + kRui + "/invite");
    EXPECT_EQ(request.bearer_token, kToken);
    EXPECT_FALSE(console.busy);
    EXPECT_EQ(console.invite_person, kRui) << "shown on Rui's page only";
    EXPECT_EQ(console.invite_token, "tok-rui-123");
    EXPECT_EQ(console.invite_expires, "2026-12-14");
    EXPECT_FALSE(console.message_is_error);
    EXPECT_NE(console.message.find("2026-12-14"), std::string::npos) << console.message;

    // A reset link for someone with an account comes under its own key.
    console.selected_id = kMaya;
    console.invite(platform, kToken, true);
    const auto reset = platform.answer(200, R"({"reset_token":"tok-maya-456","expires_on":"2026-12-14"})");
    EXPECT_EQ(reset.path, std::string("/api/v1/people/") + kMaya + "/reset-password");
    EXPECT_EQ(console.invite_person, kMaya);
    EXPECT_EQ(console.invite_token, "tok-maya-456");

    // Refused: the server's words, and the last link stays as it was.
    console.selected_id = kHana;
    console.invite(platform, kToken);
    const std::string already =
        "This person already has an account: reset their password instead of inviting them.";
    platform.answer(409, error_body("already_active", already));
    EXPECT_EQ(console.message, already);
    EXPECT_TRUE(console.message_is_error);
    EXPECT_EQ(console.invite_person, kMaya);
    EXPECT_EQ(console.invite_token, "tok-maya-456");
}

TEST_F(PeopleConsoleTest, EmployeeAccessIsReadAndSwitchedAndARefusalLeavesItAsItWas) {
    console.load_access(platform, kToken);
    const auto read = platform.answer(200, R"({"enabled":false,"changed_on":null})");
    EXPECT_EQ(read.method, "GET");
    EXPECT_EQ(read.path, "/api/v1/settings/employee-access");
    EXPECT_TRUE(console.access_known);
    EXPECT_FALSE(console.access_enabled);
    EXPECT_EQ(console.access_changed_on, "");

    console.set_access(platform, kToken, true);
    const auto on = platform.answer(200, R"({"enabled":true,"changed_on":"2026-11-30"})");
    EXPECT_EQ(on.method, "PUT");
    EXPECT_EQ(Json::parse(on.body), (Json{{"enabled", true}}));
    EXPECT_TRUE(console.access_enabled);
    EXPECT_EQ(console.access_changed_on, "2026-11-30");
    EXPECT_NE(console.message.find("employees can sign in"), std::string::npos) << console.message;

    console.set_access(platform, kToken, false);
    platform.answer(403, error_body("forbidden", "Only HR admins may do this."));
    EXPECT_TRUE(console.access_enabled) << "a refused switch changes nothing on screen";
    EXPECT_EQ(console.message, "Only HR admins may do this.");
    EXPECT_TRUE(console.message_is_error);
}

TEST_F(PeopleConsoleTest, ABulkInvitationIsCountedFromTheDirectoryThenListedAndSavedAsCsv) {
    // Dana's tree: Maya, Noah, Rui (Ola has left, Ivo was erased); Dana herself is not in it.
    client::PeopleConsole::BulkScope tree{"", kDana, "Dana Reyes's team"};
    std::vector<std::string> names;
    for (const client::PersonRow* row : console.people_in(tree)) names.push_back(row->name);
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"Maya Chen", "Noah Berg", "Rui Alves"}));
    EXPECT_EQ(console.people_in(client::PeopleConsole::BulkScope{"Sales", "", "Sales"}).size(), 2u);
    EXPECT_EQ(console.people_in(client::PeopleConsole::BulkScope{"Engineering", "", "Engineering"}).size(), 1u)
        << "Ola has left";

    console.invite_many(platform, kToken, client::PeopleConsole::BulkScope{"Sales", "", "the Sales department"});
    EXPECT_TRUE(console.busy);
    const auto request = platform.answer(
        200, Json{{"invites", {{{"person_id", kRui}, {"name", "=Rui, Alves"}, {"email", "rui@example.org"},
                                 {"invite_token", "tok"}, {"invite_path", "/invite#tok"}, {"expires_on", "2026-12-14"}}}},
                  {"skipped", {{{"person_id", kMaya}, {"name", "Maya Chen"}, {"reason", "already_active"}}}}}
                 .dump());
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, "/api/v1/people/invites");
    EXPECT_EQ(Json::parse(request.body), (Json{{"department", "Sales"}}));
    EXPECT_TRUE(console.bulk_sent);
    EXPECT_EQ(console.bulk_invites.size(), 1u);
    EXPECT_EQ(console.bulk_skipped.size(), 1u);
    EXPECT_NE(console.message.find("1 invitations made for the Sales department, 1 skipped"), std::string::npos)
        << console.message;
    EXPECT_EQ(console.bulk_csv("https://tandem.example.org"),
              "name,email,invite_link,expires_on\r\n"
              "\"'=Rui, Alves\",rui@example.org,https://tandem.example.org/invite#tok,2026-12-14\r\n");

    console.invite_many(platform, kToken, tree);
    EXPECT_EQ(Json::parse(platform.answer(400, error_body("invalid_request", "Too many.")).body),
              (Json{{"manager_id", kDana}}));
    EXPECT_FALSE(console.bulk_sent) << "a refused round lists nothing";
    EXPECT_EQ(console.message, "Too many.");
}

TEST_F(PeopleConsoleTest, ARoleChangeSendsTheRoleAndSaysTheOutcome) {
    console.selected_id = kRui;
    console.change_role(platform, kToken, "mentor");
    EXPECT_TRUE(console.busy);
    const auto request = platform.answer(200, Json{{"person_id", kRui}, {"role", "mentor"}}.dump());
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, std::string("/api/v1/people/") + kRui + "/role");
    EXPECT_EQ(Json::parse(request.body), (Json{{"role", "mentor"}}));
    EXPECT_FALSE(console.busy);
    EXPECT_FALSE(console.message_is_error);
    EXPECT_NE(console.message.find("mentor"), std::string::npos) << console.message;

    console.selected_id = kHana;
    console.change_role(platform, kToken, "employee");
    const std::string last_hr =
        "This role change would leave the organisation without an HR admin who is still employed. Make someone "
        "else an HR admin first.";
    platform.answer(409, error_body("last_hr_admin", last_hr));
    EXPECT_EQ(console.message, last_hr);
    EXPECT_TRUE(console.message_is_error);
    EXPECT_FALSE(console.busy);

    // A success after a failure is not shown as an error.
    console.change_role(platform, kToken, "hr_admin");
    platform.answer(200, Json{{"person_id", kHana}, {"role", "hr_admin"}}.dump());
    EXPECT_FALSE(console.message_is_error);
}

TEST_F(PeopleConsoleTest, AnExportIsHandedOverAsTheServerSentIt) {
    console.selected_id = kRui;
    console.export_data(platform, kToken);
    console.selected_id = kOla;
    const std::string raw = Json{{"person", {{"record_id", kRui}, {"fields", {{"name", "Rui Alves"}}}}},
                                 {"records", Json::array()},
                                 {"exported_at", "2026-11-30T08:00:00Z"},
                                 {"note", "Sealed text appears as stored."}}
                                .dump(2);
    const auto request = platform.answer(200, raw);
    EXPECT_EQ(request.method, "GET");
    EXPECT_EQ(request.path, std::string("/api/v1/people/") + kRui + "/export");
    ASSERT_EQ(platform.saved_files.size(), 1u);
    EXPECT_EQ(platform.saved_files[0].name, std::string("person-") + kRui + ".json");
    EXPECT_EQ(platform.saved_files[0].content, raw) << "byte for byte";
    EXPECT_EQ(platform.saved_files[0].mime, "application/json");
    EXPECT_FALSE(console.message_is_error);

    console.export_data(platform, kToken);
    platform.answer(404, error_body("not_found", "There is no such person (or they were erased)."));
    EXPECT_EQ(platform.saved_files.size(), 1u) << "an error page is no export";
    EXPECT_EQ(console.message, "There is no such person (or they were erased).");
    EXPECT_TRUE(console.message_is_error);
}

TEST_F(PeopleConsoleTest, AnErasureRunsTheCallerAndTheNextRebuildDropsThePerson) {
    console.selected_id = kMaya;
    int erased = 0;
    console.erase(platform, kToken, [&] { ++erased; });
    const std::string has_reports = "This person still has reports: move them to another manager first.";
    auto request = platform.answer(409, error_body("has_reports", has_reports));
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, std::string("/api/v1/people/") + kMaya + "/erase");
    EXPECT_EQ(erased, 0);
    EXPECT_EQ(console.message, has_reports);
    EXPECT_TRUE(console.message_is_error);

    console.selected_id = kRui;
    console.erase(platform, kToken, [&] { ++erased; });
    EXPECT_TRUE(console.busy);
    EXPECT_TRUE(console.message.empty());
    request = platform.answer(200, Json{{"person_id", kRui}, {"erased_records", 7}}.dump());
    EXPECT_EQ(request.path, std::string("/api/v1/people/") + kRui + "/erase");
    EXPECT_EQ(erased, 1) << "the caller syncs, so devices drop what was erased";
    EXPECT_FALSE(console.busy);
    EXPECT_FALSE(console.message_is_error);
    EXPECT_NE(console.message.find("7 records"), std::string::npos) << console.message;

    // The sync brings the tombstone: Rui leaves the directory and Maya's count.
    pull({person(kRui, {}, true)});
    console.rebuild(*store);
    EXPECT_EQ(console.person(kRui), nullptr);
    EXPECT_EQ(console.person(kMaya)->reports, 0);
    EXPECT_EQ(console.people().size(), 5u);
}

TEST_F(PeopleConsoleTest, AuditPagesAreAppendedFromTheCursorAndAFilterStartsOver) {
    auto entry = [](int seq, const std::string& action) {
        return Json{{"seq", seq}, {"at", "2026-11-30T08:00:0" + std::to_string(seq % 10) + "Z"},
                    {"actor_id", kHana}, {"action", action}, {"target_id", kRui}, {"details", Json::object()}};
    };
    console.load_audit(platform, kToken, false);
    auto request = platform.answer(
        200, Json{{"entries", {entry(1, "people.invite"), entry(2, "people.role")}}, {"cursor", 2}, {"more", true}}
                 .dump());
    EXPECT_EQ(request.method, "GET");
    EXPECT_EQ(request.path, "/api/v1/audit?limit=200&since=0");
    EXPECT_EQ(console.audit.size(), 2u);
    EXPECT_EQ(console.audit_cursor, 2);
    EXPECT_TRUE(console.audit_more);

    console.load_audit(platform, kToken, true);
    request = platform.answer(200, Json{{"entries", {entry(5, "people.erase")}}, {"cursor", 5}, {"more", false}}.dump());
    EXPECT_EQ(request.path, "/api/v1/audit?limit=200&since=2");
    ASSERT_EQ(console.audit.size(), 3u);
    EXPECT_EQ(console.audit[0]["seq"], 1);
    EXPECT_EQ(console.audit[2], entry(5, "people.erase")) << "appended in order";
    EXPECT_EQ(console.audit_cursor, 5);
    EXPECT_FALSE(console.audit_more);

    const auto& actions = client::PeopleConsole::audit_actions();
    console.audit_action = int(std::find(actions.begin(), actions.end(), "people.role") - actions.begin());
    console.load_audit(platform, kToken, false);
    EXPECT_TRUE(console.audit.empty()) << "a new filter starts a new list";
    request = platform.answer(200, Json{{"entries", {entry(2, "people.role")}}, {"cursor", 2}, {"more", false}}.dump());
    EXPECT_EQ(request.path, "/api/v1/audit?limit=200&since=0&action=people.role");
    ASSERT_EQ(console.audit.size(), 1u);
    EXPECT_EQ(console.audit_cursor, 2);

    // A failed page keeps what was shown and says why.
    console.audit_more = true;
    console.load_audit(platform, kToken, true);
    platform.answer(403, error_body("forbidden", "Only HR admins may do this."));
    EXPECT_EQ(console.audit.size(), 1u);
    EXPECT_EQ(console.message, "Only HR admins may do this.");
    EXPECT_TRUE(console.message_is_error);
    EXPECT_FALSE(console.busy);
}

TEST_F(PeopleConsoleTest, AnAuditPageAskedForBeforeTheLastStartOverIsNotAppended) {
    auto page = [](const std::string& action, int seq) {
        return Json{{"entries", {{{"seq", seq}, {"at", "2026-11-30T08:00:00Z"}, {"actor_id", kHana},
                                  {"action", action}, {"target_id", kRui}, {"details", Json::object()}}}},
                    {"cursor", seq},
                    {"more", false}}
            .dump();
    };
    // The first page of all actions is still loading when HR picks one action.
    console.load_audit(platform, kToken, false);
    const auto& actions = client::PeopleConsole::audit_actions();
    console.audit_action = int(std::find(actions.begin(), actions.end(), "people.erase") - actions.begin());
    console.load_audit(platform, kToken, false);
    ASSERT_EQ(platform.sent.size(), 2u);
    platform.answer(200, page("people.invite", 1));  // the page of all actions, late
    platform.answer(200, page("people.erase", 4));
    ASSERT_EQ(console.audit.size(), 1u) << "only the chosen action's entries";
    EXPECT_EQ(console.audit[0]["action"], "people.erase");
    EXPECT_EQ(console.audit_cursor, 4);

    // Refresh pressed twice before the first answer: each entry once.
    console.load_audit(platform, kToken, false);
    console.load_audit(platform, kToken, false);
    platform.answer(200, page("people.erase", 4));
    platform.answer(200, page("people.erase", 4));
    EXPECT_EQ(console.audit.size(), 1u);
}

}  // namespace
}  // namespace tandem::testing
