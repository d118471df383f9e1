#include "tandem/sync/store.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"
#include "tandem/sync/migrations.h"

namespace tandem {
namespace {

using testing::TempDir;

TEST(Store, NewDatabaseIsAtTheLatestSchema) {
    TempDir dir;
    Store store(dir.file("new.db"));
    EXPECT_EQ(store.schema_version(), int64_t(schema_migrations().size()));
}

TEST(Store, MigratesAnOldDatabaseFileAndKeepsItsData) {
    TempDir dir;
    const std::string path = dir.file("old.db");
    {
        // A file as the first release wrote it: only migration 1, with a record and a logged change.
        Database old(path);
        old.exec(schema_migrations()[0]);
        old.exec("PRAGMA user_version=1");
        old.exec("INSERT INTO records VALUES('r1','checkin','m','p',0,'{\"mood\":{\"v\":3,\"h\":\"0000000003e80000\","
                 "\"d\":\"x\"}}')");
        old.exec("INSERT INTO change_log(change_id, entity, author_id, subject_id, body) "
                 "VALUES('c1','checkin','m','p','{}')");
    }
    Store store(path);
    EXPECT_EQ(store.schema_version(), int64_t(schema_migrations().size()));
    auto record = store.load("r1");
    ASSERT_TRUE(record);
    EXPECT_EQ(record->state.value("mood"), 3);
    EXPECT_TRUE(store.logged("c1"));
    // The index added by migration 2 exists and is used by pulls.
    Statement index(store.database(),
                    "SELECT COUNT(*) FROM sqlite_master WHERE name = 'change_log_by_author'");
    index.step();
    EXPECT_EQ(index.integer(0), 1);
}

TEST(Store, RefusesADatabaseFromANewerBuild) {
    TempDir dir;
    const std::string path = dir.file("future.db");
    {
        Database future(path);
        future.exec("PRAGMA user_version=999");
    }
    EXPECT_THROW(Store store(path), StoreError);
}

TEST(Store, AFailedTransactionLeavesNothingBehind) {
    TempDir dir;
    Store store(dir.file("tx.db"));
    EXPECT_THROW(store.transaction([&] {
        store.set_setting("k", "v");
        throw std::runtime_error("fault mid-transaction");
    }),
                 std::runtime_error);
    EXPECT_FALSE(store.setting("k"));
}

TEST(Store, OutboxKeepsRejectedChangesAfterPendingOnes) {
    TempDir dir;
    Store store(dir.file("outbox.db"));
    store.append_outbox("a", "{}");
    store.append_outbox("b", "{}");
    store.reject_outbox("a", Problem{"forbidden", "no"});
    auto entries = store.outbox(10);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].change_id, "b");
    EXPECT_EQ(entries[1].problem_code, "forbidden");
    EXPECT_EQ(store.outbox_pending(), 1);
}

TEST(Store, SurvivesReopeningTheSameFile) {
    TempDir dir;
    const std::string path = dir.file("reopen.db");
    {
        Store store(path);
        store.set_setting("cursor", "42");
    }
    Store again(path);
    EXPECT_EQ(again.setting("cursor"), "42");
}

}  // namespace
}  // namespace tandem
