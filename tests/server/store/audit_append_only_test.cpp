// The audit log is append-only in the database itself, not only in the code: whoever holds a connection
// (an operator, a bug) cannot rewrite or remove an entry. Both stores.
#include "live_server.h"

namespace tandem::testing {
namespace {

class AuditLog : public LiveServer {
protected:
    void declare(TestOrg& org) override { add_two_teams(org); }
};

TEST_F(AuditLog, EntriesCannotBeChangedOrRemovedThroughTheDatabase) {
    Session hr = sign_in("hr@example.test");
    // Something audited: HR reads the directory's export of a person.
    ASSERT_EQ(client().Put("/api/v1/settings/employee-access", bearer(hr), R"({"enabled":true})", "application/json")
                  ->status,
              200);
    shut_down();
    auto opened = open_store();
    Database& db = opened->database();
    Statement count(db, "SELECT count(*) FROM audit_log");
    ASSERT_TRUE(count.step());
    const int64_t entries = count.integer(0);
    count.reset();
    ASSERT_GT(entries, 0);
    EXPECT_THROW(db.exec("UPDATE audit_log SET actor_id = 'someone else'"), StoreError);
    EXPECT_THROW(db.exec("DELETE FROM audit_log"), StoreError);
    if (test_database->is_postgres()) EXPECT_THROW(db.exec("TRUNCATE audit_log"), StoreError);
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.integer(0), entries);
    // Appending still works.
    db.exec("INSERT INTO audit_log(at, actor_id, action, target_id, details) "
            "VALUES ('2026-12-03T00:00:00Z', 'operator', 'test.append', NULL, '{}')");
}

}  // namespace
}  // namespace tandem::testing
