#pragma once
// The organisation a server test starts from, declared by the test itself: only the people, accounts and
// records it needs. Everything goes through the paths the demo organisation takes (the server's schema
// migration, SyncService::write_as_server, add_account), so the server reads it as it reads real data, and
// a change to the demo changes no test.
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "tandem/base/hlc.h"
#include "tandem/base/sealed.h"
#include "tandem/sync/org_chart.h"
#include "tandem/sync/store.h"

namespace tandem::testing {

// What every account of a test organisation signs in with.
constexpr const char* kTestPassword = "test-org-password";

class TestOrg {
public:
    // A fresh server database at `path` (a file or a PostgreSQL URL): the server's tables and nobody in them.
    explicit TestOrg(const std::string& path);

    // A person as an HRIS import would hold them. `key` is also their employee id, so an import can name
    // them; `manager` is the key of someone added before (empty at the top of a tree). Returns their id.
    const std::string& person(const std::string& key, const std::string& name, const std::string& email, Role role,
                              const std::string& manager = "");
    // The person can sign in with the e-mail of their record and kTestPassword.
    void account(const std::string& key);
    const std::string& id(const std::string& key) const;

    // A record as the person `author` (a key) would have written it; returns its id.
    std::string write(const std::string& author, const char* entity, Json fields);
    // `text` sealed as the author's device seals it; their first sealed text also writes their sealing key.
    std::string sealed(const std::string& author, const std::string& text);

    // A day counted back from today (negative: ahead), as records hold days.
    std::string days_ago(int days) const;

private:
    uint64_t now_;
    std::unique_ptr<Store> store_;
    HlcClock clock_;
    std::map<std::string, std::string> ids_;
    std::map<std::string, SealKey> seal_keys_;
};

// The organisation most server tests need: Dana Whitfield (no account) leads two teams, Maya Chen's four
// reports (keys m1r1..m1r4) and Noah Okafor's three (m2r1..m2r3); Hana Reyes is the HR admin and Elena
// Petrova a mentor. Hana (hr), Maya (manager1), Noah (manager2) and Elena (mentor) sign in, each as
// <key>@example.test.
void add_two_teams(TestOrg& org);

}  // namespace tandem::testing
