// What an outside review did with an HR account, replayed over HTTP: taking over an account by inviting it
// again, the reset that replaces that, passwords set on the bounded argon2 threads, and HRIS files that
// removed every HR admin, kept old e-mails signing in or answered with unbounded error lists.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "live_server.h"
#include "people/employee_access_on.h"
#include "tandem/base/dates.h"
#include "tandem/base/ids.h"

namespace tandem::testing {
namespace {

const std::string kHeader = "employee_id,name,email,manager_employee_id,department,start_date,exit_date,exit_reason,role\n";


class PeopleTrust : public LiveServer {
protected:
    void make_database() override {
        LiveServer::make_database();
        switch_employee_access_on(database);
    }
    // Hana is the only HR admin; Elena (a mentor), Maya and Noah have accounts, their reports do not.
    void declare(TestOrg& org) override { add_two_teams(org); }

    httplib::Result import(const Session& hr, const std::string& csv, bool dry_run = false) {
        return client().Post(dry_run ? "/api/v1/people/import?dry_run=true" : "/api/v1/people/import", bearer(hr),
                             csv, "text/csv");
    }
    httplib::Result post(const Session& session, const std::string& path, const std::string& body = "") {
        return client().Post(path.c_str(), bearer(session), body, "application/json");
    }
    httplib::Result accept(const std::string& token, const std::string& password) {
        return client().Post("/api/v1/session/accept-invite",
                             Json{{"invite_token", token}, {"password", password}}.dump(), "application/json");
    }
    httplib::Result sign_in_with(const std::string& email, const std::string& password) {
        return client().Post("/api/v1/session", Json{{"email", email}, {"password", password}}.dump(),
                             "application/json");
    }
    std::vector<Json> audit(const Session& hr, const std::string& action) {
        auto reply = client().Get(("/api/v1/audit?limit=1000&action=" + action).c_str(), bearer(hr));
        EXPECT_EQ(reply->status, 200) << reply->body;
        auto entries = body_of(reply)["entries"];
        return std::vector<Json>(entries.begin(), entries.end());
    }
    // The record id of the person with this employee id, as HR pulls it.
    std::string id_of(const Session& hr, const std::string& employee_id) {
        std::string found;
        for (auto& change : pull_all(hr))
            if (change["entity"] == "person" && change["fields"].value("employee_id", Json()) == employee_id)
                found = change["record_id"];
        EXPECT_FALSE(found.empty()) << employee_id;
        return found;
    }
    std::string role_at_sign_in(const std::string& email) {
        auto reply = sign_in_with(email, kTestPassword);
        return reply->status == 200 ? body_of(reply)["user"]["role"].get<std::string>() : "status " + std::to_string(reply->status);
    }
    std::string today() { return iso_from_millis(wall_millis()); }
};

// docs/security-and-privacy.md, Invitations and resets: the takeover was an invitation for someone who already
// had an account.
TEST_F(PeopleTrust, AnInvitationIsOnlyForAPersonWithoutAnAccount) {
    Session hr = sign_in("hr@example.test");
    Session maya = sign_in("manager1@example.test");
    auto refused = post(hr, "/api/v1/people/" + maya.user_id + "/invite");
    EXPECT_EQ(refused->status, 409);
    EXPECT_EQ(body_of(refused)["error"]["code"], "already_active");
    EXPECT_FALSE(body_of(refused).contains("invite_token"));
    EXPECT_TRUE(audit(hr, "people.invite").empty()) << "a refused call is not audited";
    EXPECT_EQ(pull(maya, 0)->status, 200) << "her session is untouched";

    // Someone without an account is still invited as before.
    auto aiko = post(hr, "/api/v1/people/" + id_of(hr, "m1r1") + "/invite");
    EXPECT_EQ(aiko->status, 200) << aiko->body;
}

TEST_F(PeopleTrust, AResetLinkSetsThePasswordEndsEverySessionAndIsToldAtSignIn) {
    Session hr = sign_in("hr@example.test");
    Session maya_laptop = sign_in("manager1@example.test"), maya_phone = sign_in("manager1@example.test");
    const std::string maya = maya_laptop.user_id;
    const std::string reset_path = "/api/v1/people/" + maya + "/reset-password";

    EXPECT_EQ(post(maya_laptop, reset_path)->status, 403) << "HR only";
    EXPECT_EQ(post(hr, "/api/v1/people/" + new_uuid_v7(wall_millis()) + "/reset-password")->status, 404);
    auto no_account = post(hr, "/api/v1/people/" + id_of(hr, "m1r1") + "/reset-password");
    EXPECT_EQ(no_account->status, 409);
    EXPECT_EQ(body_of(no_account)["error"]["code"], "not_active") << "a person without an account is invited";

    auto reset = post(hr, reset_path);
    ASSERT_EQ(reset->status, 200) << reset->body;
    const std::string token = body_of(reset)["reset_token"];
    EXPECT_EQ(token.size(), 64u);
    EXPECT_EQ(body_of(reset)["expires_on"], add_days(today(), 14));
    EXPECT_EQ(pull(maya_laptop, 0)->status, 200) << "issuing a link alone ends nothing";

    auto weak = accept(token, std::string(16, ' '));
    EXPECT_EQ(weak->status, 400);
    EXPECT_EQ(body_of(weak)["error"]["code"], "weak_password");

    auto used = accept(token, "a fresh long passphrase");
    ASSERT_EQ(used->status, 200) << used->body;
    EXPECT_EQ(body_of(used)["user"]["id"], maya);
    EXPECT_EQ(body_of(used)["password_reset"]["by"], "Hana Reyes");
    EXPECT_EQ(body_of(used)["password_reset"]["by_id"], hr.user_id);
    EXPECT_EQ(body_of(used)["password_reset"]["at"].get<std::string>().substr(0, 10), today());
    EXPECT_EQ(pull(maya_laptop, 0)->status, 401) << "every session before the reset ends";
    EXPECT_EQ(pull(maya_phone, 0)->status, 401);
    EXPECT_EQ(pull(Session{body_of(used)["token"], maya}, 0)->status, 200);
    EXPECT_EQ(body_of(accept(token, "a fresh long passphrase"))["error"]["code"], "invalid_invite") << "used up";

    EXPECT_EQ(sign_in_with("manager1@example.test", kTestPassword)->status, 401) << "the old password";
    // She is told at her next sign-ins (on whatever device), not once: whoever used the link cannot swallow it.
    for (int sign_in = 0; sign_in < 2; ++sign_in) {
        auto next = sign_in_with("Manager1@example.test", "a fresh long passphrase");
        ASSERT_EQ(next->status, 200);
        EXPECT_EQ(body_of(next)["password_reset"]["by"], "Hana Reyes");
    }
    EXPECT_FALSE(body_of(sign_in_with("hr@example.test", kTestPassword)).contains("password_reset"));

    auto entries = audit(hr, "people.reset");
    ASSERT_EQ(entries.size(), 1u) << "issued once, audited once";
    EXPECT_EQ(entries[0]["target_id"], maya);
    EXPECT_EQ(entries[0]["actor_id"], hr.user_id);

    // Someone who has left cannot be reset.
    ASSERT_EQ(import(hr, kHeader + "mentor,Elena Petrova,mentor@example.test,,,,2026-01-01,voluntary,mentor\n")->status,
              200);
    auto left = post(hr, "/api/v1/people/" + id_of(hr, "mentor") + "/reset-password");
    EXPECT_EQ(left->status, 409);
    EXPECT_EQ(body_of(left)["error"]["code"], "person_exited");
}

TEST_F(PeopleTrust, APasswordOfOnlyWhiteSpaceIsWeakAndTheInvitationStaysUsable) {
    Session hr = sign_in("hr@example.test");
    const std::string aiko = id_of(hr, "m1r1");
    const std::string token = body_of(post(hr, "/api/v1/people/" + aiko + "/invite"))["invite_token"];
    for (const std::string& blank : {std::string(40, ' '), std::string("\t \n \r  \t \t \n"),
                                     std::string("\u00a0\u2003\u3000\u00a0\u2003\u3000\u00a0\u2003\u3000\u00a0\u200b"),
                                     std::string("short")}) {
        auto reply = accept(token, blank);
        EXPECT_EQ(reply->status, 400) << Json(blank).dump();
        EXPECT_EQ(body_of(reply)["error"]["code"], "weak_password");
    }
    auto accepted = accept(token, "  spaces around are fine  ");
    EXPECT_EQ(accepted->status, 200) << accepted->body;
}

// docs/security-and-privacy.md, Passwords: accepts hash on the bounded argon2 threads, so a burst is queued or
// refused instead of each request taking 64 MiB at once. One hashing thread: its queue (4) fills, and the rest
// get 429.
class BoundedAccepts : public PeopleTrust {
protected:
    void SetUp() override {
        configure = [](server::ServerOptions& options) { options.hashing_threads = 1; };
        PeopleTrust::SetUp();
    }
};

TEST_F(BoundedAccepts, ABurstOfAcceptsIsQueuedOrRefusedAndOnlyOneSucceeds) {
    Session hr = sign_in("hr@example.test");
    const std::string token = body_of(post(hr, "/api/v1/people/" + id_of(hr, "m1r1") + "/invite"))["invite_token"];
    constexpr int kAccepts = 20;
    std::mutex mutex;
    std::condition_variable go;
    bool started = false;
    std::vector<int> statuses(kAccepts, 0);
    std::vector<std::string> codes(kAccepts), retry_after(kAccepts);
    std::vector<std::thread> threads;
    for (int i = 0; i < kAccepts; ++i)
        threads.emplace_back([&, i] {
            auto http = client();
            http.set_read_timeout(30);
            {
                std::unique_lock<std::mutex> lock(mutex);
                go.wait(lock, [&] { return started; });
            }
            auto reply = http.Post("/api/v1/session/accept-invite",
                                   Json{{"invite_token", token}, {"password", "burst password " + std::to_string(i)}}.dump(),
                                   "application/json");
            if (!reply) return;  // status stays 0: it hung or failed
            statuses[size_t(i)] = reply->status;
            retry_after[size_t(i)] = reply->get_header_value("Retry-After");
            auto body = Json::parse(reply->body, nullptr, false);
            if (body.contains("error")) codes[size_t(i)] = body["error"].value("code", "");
        });
    {
        std::lock_guard<std::mutex> lock(mutex);
        started = true;
    }
    go.notify_all();
    for (auto& thread : threads) thread.join();

    int accepted = 0, refused_busy = 0;
    for (int i = 0; i < kAccepts; ++i) {
        ASSERT_NE(statuses[size_t(i)], 0) << "accept " << i << " got no answer";
        if (statuses[size_t(i)] == 200) ++accepted;
        else if (statuses[size_t(i)] == 429) {
            ++refused_busy;
            EXPECT_EQ(codes[size_t(i)], "rate_limited");
            EXPECT_FALSE(retry_after[size_t(i)].empty());
        } else {
            EXPECT_EQ(statuses[size_t(i)], 400);
            EXPECT_EQ(codes[size_t(i)], "invalid_invite");
        }
    }
    EXPECT_EQ(accepted, 1) << "one token sets one password";
    EXPECT_GT(refused_busy, 0) << "more accepts than the hashing queue holds must be refused, not hashed at once";
}

// docs/api.md, Roles and HR admins: a file without a role column, as HRIS exports usually are.
TEST_F(PeopleTrust, AFileWithoutRolesKeepsEveryonesRoleAndDerivesOnlyForNewcomers) {
    Session hr = sign_in("hr@example.test");
    auto plain = import(hr, "employee_id,name,email\nhr,Hana Reyes,hr@example.test\n"
                            "mentor,Elena Petrova,mentor@example.test\n", true);
    ASSERT_EQ(plain->status, 200) << plain->body;
    EXPECT_EQ(body_of(plain)["updated"], 0) << plain->body;
    EXPECT_EQ(body_of(plain)["unchanged"], 2);
    ASSERT_EQ(import(hr, "employee_id,name,email\nhr,Hana Reyes,hr@example.test\n"
                         "mentor,Elena Petrova,mentor@example.test\n")->status,
              200);
    EXPECT_EQ(role_at_sign_in("hr@example.test"), "hr_admin");
    EXPECT_EQ(role_at_sign_in("mentor@example.test"), "mentor");

    // Empty cells: existing people keep their role; a newcomer's is derived from the organisation.
    auto cells = import(hr, "employee_id,name,email,manager_employee_id,role\n"
                            "mentor,Elena Petrova,mentor@example.test,,\n"
                            "K1,Kim Lee,kim@example.test,,\n"
                            "K2,Kai Moss,kai@example.test,K1,\n");
    ASSERT_EQ(cells->status, 200) << cells->body;
    EXPECT_EQ(body_of(cells)["created"], 2);
    EXPECT_EQ(body_of(cells)["unchanged"], 1);
    EXPECT_EQ(role_at_sign_in("mentor@example.test"), "mentor");
    EXPECT_TRUE(audit(hr, "people.role").empty());
}

TEST_F(PeopleTrust, NoImportRoleChangeOrErasureLeavesTheOrganisationWithoutAnHrAdmin) {
    Session hr = sign_in("hr@example.test");
    auto expect_last = [](const httplib::Result& reply, const char* what) {
        EXPECT_EQ(reply->status, 409) << what << ": " << reply->body;
        EXPECT_EQ(body_of(reply)["error"]["code"], "last_hr_admin") << what;
    };
    const std::string demoted = kHeader + "hr,Hana Reyes,hr@example.test,,,,,,employee\n";
    expect_last(import(hr, demoted, true), "dry run of a demotion");
    expect_last(import(hr, demoted), "import demoting the only HR admin");
    expect_last(import(hr, kHeader + "hr,Hana Reyes,hr@example.test,,,,2026-01-01,voluntary,hr_admin\n"),
                "import making the only HR admin leave");
    expect_last(post(hr, "/api/v1/people/" + hr.user_id + "/role", R"({"role":"manager"})"), "role change");
    expect_last(post(hr, "/api/v1/people/" + hr.user_id + "/erase"), "erasure");
    EXPECT_TRUE(audit(hr, "people.role").empty());
    EXPECT_EQ(role_at_sign_in("hr@example.test"), "hr_admin");

    // An HR admin who has left does not count.
    ASSERT_EQ(import(hr, kHeader + "mentor,Elena Petrova,mentor@example.test,,,,2026-01-01,voluntary,hr_admin\n")
                  ->status,
              200);
    expect_last(post(hr, "/api/v1/people/" + hr.user_id + "/role", R"({"role":"manager"})"),
                "role change with only a departed second HR admin");

    // A planned exit counts as leaving: on that day nobody would be left, and nothing could undo it.
    expect_last(import(hr, kHeader + "hr,Hana Reyes,hr@example.test,,,," + add_days(iso_from_millis(wall_millis()), 1) +
                               ",voluntary,hr_admin\n"),
                "import giving the only HR admin an exit date tomorrow");
    ASSERT_EQ(import(hr, kHeader + "mentor,Elena Petrova,mentor@example.test,,,,2099-01-01,voluntary,hr_admin\n")
                  ->status,
              200);
    expect_last(post(hr, "/api/v1/people/" + hr.user_id + "/role", R"({"role":"manager"})"),
                "role change with a second HR admin who is leaving");

    // With a second HR admin who is staying, Hana may step down.
    ASSERT_EQ(import(hr, kHeader + "mentor,Elena Petrova,mentor@example.test,,,,,,hr_admin\n")->status, 200);
    auto stepped_down = post(hr, "/api/v1/people/" + hr.user_id + "/role", R"({"role":"manager"})");
    EXPECT_EQ(stepped_down->status, 200) << stepped_down->body;
    Session elena = sign_in("mentor@example.test");
    expect_last(post(elena, "/api/v1/people/" + elena.user_id + "/erase"), "erasing the last one");
}

TEST_F(PeopleTrust, RoleChangesByImportAreAuditedOnePersonEachWithTheOldAndNewRole) {
    Session hr = sign_in("hr@example.test");
    const std::string elena = id_of(hr, "mentor"), aiko = id_of(hr, "m1r1");
    auto reply = import(hr, kHeader + "mentor,Elena Petrova,mentor@example.test,,,,,,manager\n"
                                      "m1r1,Aiko Tanaka,aiko.tanaka@example.test,manager1,,,,,mentor\n"
                                      "m1r2,Bruno Álvarez,bruno.alvarez@example.test,manager1,,,,,employee\n");
    ASSERT_EQ(reply->status, 200) << reply->body;
    auto entries = audit(hr, "people.role");
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0]["target_id"], elena);
    EXPECT_EQ(entries[0]["details"], (Json{{"from", "mentor"}, {"to", "manager"}}));
    EXPECT_EQ(entries[1]["target_id"], aiko);
    EXPECT_EQ(entries[1]["details"], (Json{{"from", "employee"}, {"to", "mentor"}}));
    EXPECT_EQ(entries[1]["actor_id"], hr.user_id);

    // A change by hand has the same shape.
    ASSERT_EQ(post(hr, "/api/v1/people/" + elena + "/role", R"({"role":"mentor"})")->status, 200);
    entries = audit(hr, "people.role");
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[2]["details"], (Json{{"from", "manager"}, {"to", "mentor"}}));
}

TEST_F(PeopleTrust, AnEmailChangedByImportMovesTheSignInAndTheOldAddressIsAnotherPersonsNow) {
    Session hr = sign_in("hr@example.test");
    Session maya = sign_in("manager1@example.test");
    ASSERT_EQ(import(hr, kHeader + "manager1,Maya Chen,maya.chen@example.test,director,,,,,manager\n")->status, 200);
    EXPECT_EQ(sign_in_with("manager1@example.test", kTestPassword)->status, 401) << "the old address";
    auto moved = sign_in_with("Maya.Chen@example.test", kTestPassword);
    ASSERT_EQ(moved->status, 200) << moved->body;
    EXPECT_EQ(body_of(moved)["user"]["id"], maya.user_id);

    // A newcomer gets the old address and accepts an invitation: Maya's account is not touched.
    ASSERT_EQ(import(hr, kHeader + "N9,Nico Vale,manager1@example.test,manager1,,,,,\n")->status, 200);
    const std::string nico = id_of(hr, "N9");
    auto invite = post(hr, "/api/v1/people/" + nico + "/invite");
    ASSERT_EQ(invite->status, 200) << invite->body;
    auto accepted = accept(body_of(invite)["invite_token"], "nico's own passphrase");
    ASSERT_EQ(accepted->status, 200) << accepted->body;
    EXPECT_EQ(body_of(accepted)["user"]["id"], nico);
    auto still_maya = sign_in_with("maya.chen@example.test", kTestPassword);
    ASSERT_EQ(still_maya->status, 200) << still_maya->body;
    EXPECT_EQ(body_of(still_maya)["user"]["id"], maya.user_id);
    auto old_address = sign_in_with("manager1@example.test", "nico's own passphrase");
    ASSERT_EQ(old_address->status, 200);
    EXPECT_EQ(body_of(old_address)["user"]["id"], nico);
    EXPECT_EQ(sign_in_with("manager1@example.test", kTestPassword)->status, 401);
}

TEST_F(PeopleTrust, ALinkDiesWithItsAddressAndWithItsIssuersAuthority) {
    Session hr = sign_in("hr@example.test");
    const std::string maya = sign_in("manager1@example.test").user_id;
    // A reset sent to Maya's old address: the HRIS moves her to a new one and gives the old one to Nico,
    // who reads that mailbox now.
    auto reset = post(hr, "/api/v1/people/" + maya + "/reset-password");
    ASSERT_EQ(reset->status, 200) << reset->body;
    ASSERT_EQ(import(hr, kHeader + "manager1,Maya Chen,maya.chen@example.test,director,,,,,manager\n")->status, 200);
    ASSERT_EQ(import(hr, kHeader + "N9,Nico Vale,manager1@example.test,manager1,,,,,\n")->status, 200);
    auto taken = accept(body_of(reset)["reset_token"], "whoever reads the old mailbox");
    EXPECT_EQ(taken->status, 400) << taken->body;
    EXPECT_EQ(body_of(taken)["error"]["code"], "invalid_invite");

    // A second HR admin issues a reset, then stops being HR: the link no longer carries any authority.
    const std::string elena = id_of(hr, "mentor");
    ASSERT_EQ(post(hr, "/api/v1/people/" + elena + "/role", R"({"role":"hr_admin"})")->status, 200);
    Session elena_hr = sign_in("mentor@example.test");
    auto kept = post(elena_hr, "/api/v1/people/" + hr.user_id + "/reset-password");
    ASSERT_EQ(kept->status, 200) << kept->body;
    ASSERT_EQ(post(hr, "/api/v1/people/" + elena + "/role", R"({"role":"mentor"})")->status, 200);
    auto takeover = accept(body_of(kept)["reset_token"], "now I am the HR admin");
    EXPECT_EQ(takeover->status, 400) << "a demoted issuer's link must not open an HR account";
    EXPECT_EQ(sign_in_with("hr@example.test", kTestPassword)->status, 200);
}

TEST_F(PeopleTrust, ADatabaseWhoseAccountsCopiedTheEmailIsMigratedAndSignsInByThePersonRecord) {
    if (test_database->is_postgres()) GTEST_SKIP() << "SQLite files of older builds; PostgreSQL starts at this schema";
    shut_down();
    {
        // The earlier schema: accounts kept their own copy of the e-mail (here a stale one), invitations no kind,
        // and the server's tables had no version yet.
        Store store(database);
        store.database().exec(R"sql(
DELETE FROM settings WHERE key = 'server_schema_version';
CREATE TABLE old_accounts(person_id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL);
INSERT INTO old_accounts SELECT person_id, 'stale-' || person_id || '@example.test', password_hash FROM accounts;
DROP TABLE accounts;
ALTER TABLE old_accounts RENAME TO accounts;
DROP TABLE invites;
CREATE TABLE invites(person_id TEXT PRIMARY KEY, token_digest TEXT NOT NULL UNIQUE, expires_on TEXT NOT NULL);
)sql");
    }
    start();
    Session maya = sign_in("manager1@example.test");
    EXPECT_EQ(sign_in_with("stale-" + maya.user_id + "@example.test", kTestPassword)->status, 401);
    Session hr = sign_in("hr@example.test");
    auto reset = post(hr, "/api/v1/people/" + maya.user_id + "/reset-password");
    ASSERT_EQ(reset->status, 200) << reset->body;
    EXPECT_EQ(accept(body_of(reset)["reset_token"], "after the migration")->status, 200);
    EXPECT_EQ(sign_in_with("manager1@example.test", "after the migration")->status, 200);
}

TEST_F(PeopleTrust, AWrongFileListsAtMostAThousandProblemsAndCountsTheRest) {
    Session hr = sign_in("hr@example.test");
    std::string csv = kHeader;
    for (int i = 0; i < 5000; ++i)
        csv += "W" + std::to_string(i) + ",Person " + std::to_string(i) + ",no-address-" + std::to_string(i) + ",,,,,,\n";
    for (bool dry_run : {true, false}) {
        auto reply = import(hr, csv, dry_run);
        ASSERT_EQ(reply->status, 400);
        auto error = body_of(reply)["error"];
        EXPECT_EQ(error["code"], "invalid_import");
        ASSERT_EQ(error["details"].size(), 1000u);
        EXPECT_EQ(error["more"], 4000);
        EXPECT_EQ(error["total"], 5000);
        EXPECT_EQ(error["details"][0]["line"], 2) << "the first problems by line are the ones listed";
        EXPECT_EQ(error["details"][999]["line"], 1001);
        EXPECT_LT(reply->body.size(), 200u * 1000u);
    }
    // A small wrong file still lists everything, with nothing more.
    auto small = import(hr, kHeader + "S1,Sam,not-an-address,,,,,,\n");
    EXPECT_EQ(body_of(small)["error"]["more"], 0);
    EXPECT_EQ(body_of(small)["error"]["details"].size(), 1u);
}

}  // namespace
}  // namespace tandem::testing
