// The device's sync round against a server the test plays by hand: the outbox is pushed and only what the
// server acknowledged leaves it; a lost connection keeps everything queued and backs off; a 401 stops sync
// and asks for sign-in while the outbox keeps every change; "synced" is set only at the end of a round.
#include <gtest/gtest.h>

#include "app/sync_engine.h"
#include "fake_platform.h"
#include "tandem/sync/replica.h"
#include "tandem/sync/store.h"

namespace tandem::testing {
namespace {

class SyncEngineTest : public ::testing::Test {
protected:
    void SetUp() override {
        store = std::make_unique<Store>(dir.file("device.db"));
        replica = std::make_unique<Replica>(*store, kMaya, [this] { return platform.now; });
    }
    std::string queue_checkin() {
        const std::string id = replica->new_record_id();
        EXPECT_FALSE(replica->edit("checkin", id, Json{{"report_id", kReport}, {"held_on", "2026-11-30"}}).problem);
        return id;
    }
    void tick() { engine.tick(platform, *replica, "token-1", [this] { ++changed; }); }
    static std::string accepted(const client::HttpRequest& push) {
        const Json body = Json::parse(push.body);  // named: a loop over a temporary's member would dangle
        Json results = Json::array();
        for (const auto& change : body["changes"])
            results.push_back({{"id", change["id"]}, {"status", "accepted"}});
        return Json{{"results", results}}.dump();
    }

    TempDir dir;
    FakePlatform platform;
    std::unique_ptr<Store> store;
    std::unique_ptr<Replica> replica;
    client::SyncEngine engine;
    int changed = 0;
};

TEST_F(SyncEngineTest, OnlyWhatTheServerAcknowledgedLeavesTheOutboxAndSyncedComesAtTheRoundsEnd) {
    queue_checkin();
    queue_checkin();
    tick();
    ASSERT_EQ(platform.sent.size(), 1u);
    EXPECT_EQ(platform.sent.front().request.path, "/api/v1/sync/push");
    EXPECT_EQ(platform.sent.front().request.bearer_token, "token-1");
    EXPECT_EQ(engine.state(), client::SyncEngine::State::Pushing);
    EXPECT_EQ(store->outbox_pending(), 2) << "sent is not acknowledged";
    EXPECT_EQ(engine.last_synced_ms(), 0u);

    platform.answer(200, accepted(platform.sent.front().request));
    EXPECT_EQ(store->outbox_pending(), 0);
    ASSERT_EQ(platform.sent.size(), 1u) << "then it pulls";
    EXPECT_EQ(platform.sent.front().request.path.rfind("/api/v1/sync/pull?since=0", 0), 0u);
    EXPECT_EQ(engine.last_synced_ms(), 0u) << "not synced before the pull has ended";
    platform.answer(200, Json{{"changes", Json::array()}, {"cursor", 7}, {"more", false}}.dump());
    EXPECT_EQ(engine.state(), client::SyncEngine::State::Idle);
    EXPECT_EQ(engine.last_synced_ms(), platform.now);
    EXPECT_EQ(replica->cursor(), 7);
}

TEST_F(SyncEngineTest, NoAnswerKeepsEverythingQueuedAndTheNextTryWaitsLongerEachTime) {
    queue_checkin();
    tick();
    uint64_t previous_wait = 0;
    for (int attempt = 1; attempt <= 3; ++attempt) {
        ASSERT_EQ(platform.sent.size(), 1u) << "attempt " << attempt;
        EXPECT_EQ(platform.sent.front().request.path, "/api/v1/sync/push");
        platform.answer(0, "");  // offline, or the server is down
        EXPECT_EQ(engine.state(), client::SyncEngine::State::Offline);
        EXPECT_EQ(store->outbox_pending(), 1);
        // Nothing is sent until the retry is due; then it comes by itself.
        uint64_t waited = 0;
        while (platform.sent.empty() && waited < 120'000) {
            platform.now += 100;
            waited += 100;
            tick();
        }
        EXPECT_GT(waited, previous_wait) << "each failure waits longer than the one before";
        previous_wait = waited;
    }
}

TEST_F(SyncEngineTest, ASessionTheServerEndedStopsSyncAndKeepsTheOutbox) {
    queue_checkin();
    tick();
    platform.answer(401, R"({"error":{"code":"unauthenticated","message":"Sign in again"}})");
    EXPECT_EQ(engine.state(), client::SyncEngine::State::NeedsSignIn);
    platform.now += 3'600'000;
    tick();
    EXPECT_TRUE(platform.sent.empty()) << "nothing is sent with a token the server refused";
    EXPECT_EQ(store->outbox_pending(), 1);
    engine.signed_in_again();
    tick();
    ASSERT_EQ(platform.sent.size(), 1u);
    EXPECT_EQ(platform.sent.front().request.path, "/api/v1/sync/push");
}

TEST_F(SyncEngineTest, ARefusedChangeStaysOnTheDeviceWithItsReason) {
    queue_checkin();
    tick();
    Json push = Json::parse(platform.sent.front().request.body);
    const std::string id = push["changes"][0]["id"];
    platform.answer(200, Json{{"results", {{{"id", id},
                                            {"status", "rejected"},
                                            {"error", {{"code", "forbidden"}, {"message", "Not your report"}}}}}}}
                             .dump());
    EXPECT_EQ(changed, 1) << "the status bar shows refused changes";
    const auto outbox = store->outbox(10);
    ASSERT_EQ(outbox.size(), 1u);
    EXPECT_EQ(outbox[0].problem_code, "forbidden");
    EXPECT_EQ(store->outbox_pending(), 0) << "a refused change is not sent again";
}

}  // namespace
}  // namespace tandem::testing
