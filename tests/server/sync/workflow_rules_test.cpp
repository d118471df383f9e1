// Who may write and read the 1:1 workflow records (cadence, talking_point), from outside over HTTP: the
// report's manager only; another manager, HR and a mentor are refused and never receive them.
#include "live_server.h"
#include "tandem/base/ids.h"

namespace tandem::testing {
namespace {

class WorkflowRules : public LiveServer {
protected:
    // Maya's report is the subject; Noah (another manager), Hana (HR) and Elena (a mentor) try to intrude.
    void declare(TestOrg& org) override { add_two_teams(org); }
};


TEST_F(WorkflowRules, OnlyTheReportsManagerSetsCadenceAndAgenda) {
    Session maya = sign_in("manager1@example.test"), noah = sign_in("manager2@example.test");
    Session hr = sign_in("hr@example.test"), mentor = sign_in("mentor@example.test");
    const std::string report = first_report_of(maya), checkin = new_uuid_v7(wall_millis());
    const std::string cadence = new_uuid_v7(wall_millis()), point = new_uuid_v7(wall_millis());
    Json mine = Json::array({checkin_change("c-1", checkin, report, "notes"),
                             pushed_change("k-1", "cadence", cadence, {{"report_id", report}, {"every", "week"}}),
                             pushed_change("p-1", "talking_point", point,
                                    {{"checkin_id", checkin}, {"text", "Workload"}, {"position", 1000}})});
    // Parsed into a named value: a range-for over a member of a temporary would read freed memory.
    const Json accepted = Json::parse(push(maya, Json{{"device_id", "m"}, {"changes", mine}})->body);
    for (const auto& result : accepted["results"]) EXPECT_EQ(result["status"], "accepted") << result;

    for (const Session* other : {&noah, &hr, &mentor}) {
        Json attempts = Json::array({
            pushed_change("k-" + other->user_id, "cadence", new_uuid_v7(wall_millis()),
                   {{"report_id", report}, {"every", "month"}}),
            pushed_change("k2-" + other->user_id, "cadence", cadence, {{"every", "month"}}),
            pushed_change("p-" + other->user_id, "talking_point", new_uuid_v7(wall_millis()),
                   {{"checkin_id", checkin}, {"text", "Sneaky"}, {"position", 1}}),
            pushed_change("p2-" + other->user_id, "talking_point", point, {{"done", true}}),
        });
        const Json refused = Json::parse(push(*other, Json{{"device_id", "o"}, {"changes", attempts}})->body);
        for (const auto& result : refused["results"]) {
            EXPECT_EQ(result["status"], "rejected") << result;
            EXPECT_EQ(result["error"]["code"], "forbidden");
        }
        for (const auto& row : pull_all(*other)) {
            EXPECT_NE(row["record_id"], cadence);
            EXPECT_NE(row["record_id"], point);
        }
    }
    int seen = 0;
    for (const auto& row : pull_all(maya)) seen += row["entity"] == "cadence" || row["entity"] == "talking_point";
    EXPECT_EQ(seen, 2);
}

}  // namespace
}  // namespace tandem::testing
