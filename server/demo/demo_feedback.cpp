// Written as each demo person would have written it, through the same server write path as their devices'
// changes; the values are the demo company's, in Tandem's own words.
#include "demo/demo_feedback.h"

#include "demo/demo_org.h"
#include "tandem/base/dates.h"
#include "tandem/base/ids.h"
#include "tandem/sync/sync_service.h"

namespace tandem::server {

namespace {

const struct {
    const char* name;
    const char* description;
} kValues[] = {
    {"Says it early", "Raises risks and bad news while there is still time to act on them."},
    {"Leaves it better", "Improves the work, the process or the team a little every time."},
    {"Makes room", "Gives others the space to speak, lead and grow."},
    {"Owns the outcome", "Follows through, and says so plainly when something went wrong."},
};

}  // namespace

void add_demo_feedback(Store& store, std::map<std::string, std::string>& ids, HlcClock& clock, uint64_t now) {
    SyncService sync(store);
    const std::string today = iso_from_days(int64_t(now / 86'400'000));
    std::vector<std::string> values;
    std::vector<Change> by_hr;
    for (const auto& value : kValues) {
        values.push_back(new_uuid_v7(now));
        by_hr.push_back(server_change(clock, now, "value_tag", values.back(),
                                      {{"name", value.name}, {"description", value.description}, {"archived", false}}));
    }
    sync.write_as_server(by_hr, ids["hr"]);

    const std::string noah_nominated = new_uuid_v7(now);
    sync.write_as_server(
        {server_change(clock, now, "recognition", new_uuid_v7(now),
                       {{"from_id", ids["manager2"]}, {"about_id", ids["m1r1"]}, {"about_name", "Aiko Tanaka"},
                        {"value_tag_id", values[0]}, {"given_on", add_days(today, -9)},
                        {"situation", "The joint release planning on Tuesday"},
                        {"behaviour", "Aiko pointed out that the migration had no rollback plan, before we committed"},
                        {"impact", "We moved the date by two days instead of losing a weekend to an outage"}}),
         server_change(clock, now, "feedback_request", new_uuid_v7(now),
                       {{"from_id", ids["manager2"]}, {"asked_id", ids["manager1"]}, {"about_id", ids["manager2"]},
                        {"question", "How did I come across when I pushed back on the release date?"},
                        {"asked_on", add_days(today, -2)}})},
        ids["manager2"]);
    sync.write_as_server(
        {server_change(clock, now, "recognition", new_uuid_v7(now),
                       {{"from_id", ids["manager1"]}, {"about_id", ids["m2r2"]}, {"about_name", "Freya Lund"},
                        {"value_tag_id", values[2]}, {"given_on", add_days(today, -4)},
                        {"situation", "Our cross-team retro"},
                        {"behaviour", "Freya asked the quietest people for their view first"},
                        {"impact", "We heard two problems nobody had raised in a month"}}),
         server_change(clock, now, "nomination", noah_nominated,
                       {{"from_id", ids["manager1"]}, {"about_id", ids["manager2"]}, {"about_name", "Noah Okafor"},
                        {"value_tag_id", values[3]}, {"nominated_on", add_days(today, -6)},
                        {"reason", "Wrote the incident summary himself, named his own part in it first, and "
                                   "followed every action to done."}})},
        ids["manager1"]);
    sync.write_as_server({server_change(clock, now, "spotlight", new_uuid_v7(now),
                                        {{"about_id", ids["manager2"]}, {"about_name", "Noah Okafor"},
                                         {"value_tag_id", values[3]}, {"nomination_id", noah_nominated},
                                         {"since", add_days(today, -3)}, {"ended", false},
                                         {"message", "Noah owns the outcome: after the October incident he "
                                                     "wrote the summary, named his own part first and saw every "
                                                     "follow-up through."}})},
                         ids["hr"]);
}

} // namespace tandem::server
