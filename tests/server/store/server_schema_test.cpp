// The server's own tables are versioned like the core's: each step runs once, a database from before the
// versioning is adopted as it is, and one from a newer server is refused rather than misread.
#include <gtest/gtest.h>

#include "support/temp_dir.h"
#include "store/server_schema.h"
#include "tandem/base/sqlite_db.h"

namespace tandem::testing {
namespace {

int64_t count_rows(Store& store, const std::string& sql) {
    Statement query(store.database(), sql.c_str());
    query.step();
    return query.integer(0);
}

TEST(ServerSchema, EachStepRunsOnceAndTheVersionIsRecorded) {
    TempDir dir;
    Store store(dir.file("server.db"));
    server::migrate_server_schema(store);
    const auto version = store.setting("server_schema_version");
    ASSERT_TRUE(version);
    EXPECT_GE(std::stoi(*version), 2);
    store.database().exec("INSERT INTO kiosk_submission(submission_digest) VALUES ('kept')");
    server::migrate_server_schema(store);  // nothing left to run: the row and the version stay
    EXPECT_EQ(store.setting("server_schema_version"), version);
    EXPECT_EQ(count_rows(store, "SELECT count(*) FROM kiosk_submission"), 1);
    EXPECT_EQ(count_rows(store, "SELECT count(*) FROM pragma_table_info('invites') WHERE name = 'sent_to'"), 1);
}

TEST(ServerSchema, ADatabaseFromBeforeTheVersioningIsAdoptedWithItsRows) {
    TempDir dir;
    Store store(dir.file("server.db"));
    // As the first builds made it: accounts with their own e-mail, invitations without a kind, no version.
    store.database().exec(R"sql(
CREATE TABLE accounts(person_id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL);
INSERT INTO accounts VALUES ('p1', 'old@example.org', 'hash');
CREATE TABLE invites(person_id TEXT PRIMARY KEY, token_digest TEXT NOT NULL UNIQUE, expires_on TEXT NOT NULL);
INSERT INTO invites VALUES ('p2', 'digest', '2026-12-31');
)sql");
    server::migrate_server_schema(store);
    EXPECT_EQ(count_rows(store, "SELECT count(*) FROM accounts WHERE person_id = 'p1' AND password_hash = 'hash'"), 1);
    EXPECT_EQ(count_rows(store, "SELECT count(*) FROM pragma_table_info('accounts') WHERE name = 'email'"), 0)
        << "the copied e-mail is what let an old address keep signing in";
    EXPECT_EQ(count_rows(store, "SELECT count(*) FROM invites WHERE person_id = 'p2' AND kind = 'invite'"), 1);
}

TEST(ServerSchema, ADatabaseFromANewerServerIsRefused) {
    TempDir dir;
    Store store(dir.file("server.db"));
    server::migrate_server_schema(store);
    store.set_setting("server_schema_version", "999");
    EXPECT_THROW(server::migrate_server_schema(store), StoreError);
}

}  // namespace
}  // namespace tandem::testing
