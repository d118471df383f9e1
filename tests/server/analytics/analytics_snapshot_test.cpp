// The analytics ledger's snapshot over HTTP: a restarted server starts from the snapshot row and folds only
// what was logged after it, giving the figures a server folding the whole log gives; what it restores is what
// it believes (a damaged row is ignored); and erasing a person drops the row.
#include "live_server.h"
#include "store/analytics_snapshot.h"
#include "tandem/analytics/activity_ledger.h"
#include "tandem/base/dates.h"
#include "tandem/base/ids.h"

namespace tandem::testing {
namespace {

Json change(const std::string& entity, const std::string& record_id, Json fields, uint16_t counter = 1) {
    return Json{{"id", new_uuid_v7(wall_millis())}, {"entity", entity}, {"record_id", record_id},
                {"hlc", Hlc{wall_millis(), counter}.to_string()}, {"fields", std::move(fields)}};
}

Json removal(const std::string& entity, const std::string& record_id) {
    Json out = change(entity, record_id, Json::object());
    out["deleted"] = true;
    return out;
}

class AnalyticsSnapshot : public LiveServer {
protected:
    Session hr, maya;
    std::string today = iso_from_millis(wall_millis());
    std::string period = "?from=" + add_days(today, -60) + "&to=" + today;
    int64_t snapshot_every = 1;  // every fold that reads a change saves

    AnalyticsSnapshot() {
        configure = [this](server::ServerOptions& options) { options.analytics_snapshot_every = snapshot_every; };
    }
    void declare(TestOrg& org) override { add_two_teams(org); }

    void SetUp() override {
        LiveServer::SetUp();
        sign_in_everyone();
    }
    void sign_in_everyone() {
        hr = sign_in("hr@example.test");
        maya = sign_in("manager1@example.test");
    }
    void restart() {
        shut_down();
        start();
        sign_in_everyone();
    }

    // Every figure the ledger gives: each team's row, and the organisation's series month by month.
    Json figures() {
        auto teams = client().Get(("/api/v1/analytics/teams" + period).c_str(), bearer(hr));
        EXPECT_EQ(teams->status, 200) << teams->body;
        auto series = client().Get(("/api/v1/analytics/series" + period + "&group=org").c_str(), bearer(hr));
        EXPECT_EQ(series->status, 200) << series->body;
        return Json{{"teams", body_of(teams)["teams"]}, {"series", body_of(series)["points"]}};
    }
    int maya_checkins(const Json& all) {
        for (const auto& row : all["teams"])
            if (row["manager_id"] == maya.user_id) return row["checkins"];
        ADD_FAILURE() << "no row for Maya's team";
        return -1;
    }
    // A vector, not a Json: `{one_change}` would be read as that change itself, not a list of one.
    void push_as(const Session& who, const std::vector<Json>& changes) {
        auto reply = push(who, Json{{"device_id", who.user_id + "-device"}, {"changes", Json(changes)}});
        ASSERT_EQ(reply->status, 200) << reply->body;
        const Json body = body_of(reply);
        for (const auto& result : body["results"]) ASSERT_EQ(result["status"], "accepted") << result;
    }

    std::optional<server::AnalyticsSnapshot> snapshot_row() { return server::read_analytics_snapshot(*open_store()); }
    int64_t last_seq() { return open_store()->last_seq(); }
    // The index saves on its own thread: wait (a little) for the row to cover the log.
    bool snapshot_covers(int64_t seq) {
        for (int attempt = 0; attempt < 500; ++attempt) {
            if (auto row = snapshot_row(); row && row->covers_seq >= seq) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }
};

TEST_F(AnalyticsSnapshot, ARestartFoldsOnlyTheTailAndGivesTheFiguresOfAFullFold) {
    // Maya's 1:1s, a cadence, an action item and feedback, read once so the server folds and saves them.
    const std::string report = first_report_of(maya);
    const std::string held = new_uuid_v7(wall_millis()), moved = new_uuid_v7(wall_millis()),
                      item = new_uuid_v7(wall_millis()), cadence = new_uuid_v7(wall_millis());
    push_as(maya, {change("cadence", cadence, {{"report_id", report}, {"every", "week"}}),
                   change("checkin", held, {{"report_id", report}, {"held_on", add_days(today, -20)}}),
                   change("checkin", moved, {{"report_id", report}, {"held_on", add_days(today, -10)}}),
                   change("action_item", item, {{"checkin_id", held}, {"text", "Share the plan"}, {"due_on", add_days(today, -15)}, {"done", false}}),
                   change("feedback", new_uuid_v7(wall_millis()),
                          {{"from_id", maya.user_id}, {"about_id", report}, {"kind", "praise"}, {"visibility", "shared"},
                           {"given_on", add_days(today, -5)}, {"situation", "Demo"}, {"behaviour", "Calm"},
                           {"impact", "Clear"}})});
    const Json saved = figures();
    ASSERT_TRUE(snapshot_covers(last_seq())) << "a fold that read changes saves (every 1 here)";
    const int64_t covered = snapshot_row()->covers_seq;

    // After the save, changes that take back or overwrite what the snapshot holds; nobody reads figures, so
    // only a restart folds them.
    push_as(maya, {removal("checkin", held), change("checkin", moved, {{"held_on", add_days(today, -8)}}, 2),
                   change("cadence", cadence, {{"every", "month"}}, 2), change("action_item", item, {{"done", true}}, 2),
                   change("checkin", new_uuid_v7(wall_millis()), {{"report_id", report}, {"held_on", add_days(today, -1)}})});
    auto exit = client().Post("/api/v1/people/import", bearer(hr),
                              "employee_id,name,email,manager_employee_id,exit_date,exit_reason\n"
                              "m1r4,Dev Patel,dev.patel@example.test,manager1," + add_days(today, -3) + ",voluntary\n",
                              "text/csv");
    ASSERT_EQ(exit->status, 200) << exit->body;
    ASSERT_LT(covered, last_seq());

    snapshot_every = 0;  // the restarted server keeps the row as it is, so what it started from stays visible
    restart();
    const Json from_snapshot = figures();
    EXPECT_EQ(snapshot_row()->covers_seq, covered);
    EXPECT_NE(from_snapshot, saved) << "the tail moved the figures";
    EXPECT_EQ(maya_checkins(from_snapshot), maya_checkins(saved)) << "one 1:1 deleted, one held";

    // The same log folded from the start.
    server::forget_analytics_snapshot(*open_store());
    restart();
    EXPECT_EQ(figures(), from_snapshot);
}

TEST_F(AnalyticsSnapshot, TheServerStartsFromWhatTheRowHoldsAndIgnoresADamagedOne) {
    const std::string report = first_report_of(maya);
    push_as(maya, {change("checkin", new_uuid_v7(wall_millis()), {{"report_id", report}, {"held_on", add_days(today, -4)}})});
    const Json folded = figures();
    ASSERT_GT(maya_checkins(folded), 0);

    // An empty ledger said to cover the whole log: a server that reads it has nothing to fold, so Maya's
    // team shows no 1:1s. That is how we know the start read the row rather than the log.
    snapshot_every = 0;
    shut_down();
    {
        auto store = open_store();
        server::forget_analytics_snapshot(*store);
        server::write_analytics_snapshot(*store, store->last_seq(), analytics::ActivityLedger().save());
    }
    start();
    sign_in_everyone();
    EXPECT_EQ(maya_checkins(figures()), 0);

    shut_down();
    {
        auto store = open_store();
        server::forget_analytics_snapshot(*store);
        server::write_analytics_snapshot(*store, store->last_seq(), "not a snapshot");
    }
    start();
    sign_in_everyone();
    EXPECT_EQ(figures(), folded) << "a row that does not restore is ignored: the whole log is folded";
}

TEST_F(AnalyticsSnapshot, ErasingAPersonDropsTheRowAndTheServerSavesNoMore) {
    const std::string report = first_report_of(maya);
    push_as(maya, {change("checkin", new_uuid_v7(wall_millis()), {{"report_id", report}, {"held_on", add_days(today, -2)}})});
    figures();
    ASSERT_TRUE(snapshot_covers(last_seq()));

    auto erased = client().Post(("/api/v1/people/" + report + "/erase").c_str(), bearer(hr), "", "application/json");
    ASSERT_EQ(erased->status, 200) << erased->body;
    EXPECT_FALSE(snapshot_row().has_value()) << "it held the erased person's id and days";

    // This server's ledger folded the erasure's tombstones but still knows the id: it must not save again.
    push_as(maya, {change("checkin", new_uuid_v7(wall_millis()),
                          {{"report_id", first_report_of(maya)}, {"held_on", add_days(today, -1)}})});
    figures();
    shut_down();  // after any save in flight
    EXPECT_FALSE(snapshot_row().has_value()) << "a server started before the erasure saves no more";

    start();
    sign_in_everyone();
    figures();
    EXPECT_TRUE(snapshot_covers(last_seq())) << "one started after it, from the rewritten log, does";
}

}  // namespace
}  // namespace tandem::testing
