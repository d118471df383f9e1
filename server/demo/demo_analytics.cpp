#include "demo/demo_analytics.h"

#include <algorithm>

#include "tandem/base/dates.h"
#include "tandem/base/hlc.h"
#include "tandem/base/ids.h"
#include "tandem/sync/sync_service.h"

namespace tandem::server {

namespace {

constexpr int kHistoryDays = 420;

// A small deterministic generator: the demo is the same every time it is created.
struct Dice {
    uint64_t state;
    int below(int n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((state >> 33) % uint64_t(n));
    }
    bool chance(int percent) { return below(100) < percent; }
};

// Changes stamped with the day they happened (10:00 UTC), in the order they are made.
struct History {
    uint64_t today_millis = 0;
    uint16_t counter = 0;
    std::map<std::string, std::vector<Change>> by_author;  // the server ("") for people, else who wrote it
    void add(int days_ago, const char* entity, const std::string& record_id, Json fields,
             const std::string& author = "") {
        Change change;
        const uint64_t millis = (today_millis / 86'400'000 - uint64_t(days_ago)) * 86'400'000 + 36'000'000;
        change.id = new_uuid_v7(millis);
        change.entity = entity;
        change.record_id = record_id;
        change.hlc = Hlc{millis, counter++}.to_string();
        change.device_id = "server";
        change.fields = std::move(fields);
        by_author[author].push_back(std::move(change));
    }
};

struct Habit {
    const char* manager;
    const char* every;  // week | fortnight | month
    int slip_percent;   // how often a 1:1 comes late
    int late_days;      // by up to this many days
};

int interval_of(const char* every) {
    const std::string e = every;
    return e == "week" ? 7 : e == "month" ? 30 : 14;
}

}  // namespace

void add_demo_analytics(Store& store, std::map<std::string, std::string>& ids, uint64_t now) {
    const std::string today = iso_from_millis(now);
    History history;
    history.today_millis = now;
    Dice dice{20261127};

    // People who left, each under the manager they left from; Samir left and came back.
    const struct {
        const char* key;
        const char* name;
        const char* manager;
        int left_days_ago;
        const char* reason;
    } leavers[] = {{"ops1x1", "Wanda Keller", "ops1", 200, "involuntary"},
                   {"ops2x1", "Xavier Dubois", "ops2", 40, "voluntary"},
                   {"ops2x2", "Yara Haddad", "ops2", 120, "voluntary"},
                   {"ops2x3", "Zane Ortiz", "ops2", 250, "voluntary"},
                   {"ops3x1", "Ada Brennan", "ops3", 300, "voluntary"}};
    for (const auto& leaver : leavers) {
        ids[leaver.key] = new_uuid_v7(now);
        history.add(kHistoryDays + 30, "person", ids[leaver.key],
                    {{"name", leaver.name}, {"email", std::string(leaver.key) + "@demo.example"},
                     {"employee_id", leaver.key}, {"role", "employee"}, {"manager_id", ids[leaver.manager]},
                     {"start_date", add_days(today, -(kHistoryDays + 200 + dice.below(900)))}});
    }
    for (const auto& leaver : leavers)
        history.add(leaver.left_days_ago, "person", ids[leaver.key],
                    {{"exit_date", add_days(today, -leaver.left_days_ago)}, {"exit_reason", leaver.reason}});
    history.add(330, "person", ids["ops3r2"], {{"exit_date", add_days(today, -330)}, {"exit_reason", "voluntary"}});
    history.add(60, "person", ids["ops3r2"],
                {{"start_date", add_days(today, -60)}, {"exit_date", nullptr}, {"exit_reason", nullptr}});

    // A year of 1:1s. Maya's team keeps the short history of demo_org.cpp (its screens show those states).
    const Habit habits[] = {{"director", "month", 30, 12},  {"manager2", "fortnight", 40, 14},
                            {"director2", "fortnight", 8, 5}, {"ops1", "week", 2, 2},
                            {"ops2", "month", 60, 25},       {"ops3", "fortnight", 15, 6}};
    std::map<std::string, std::string> names;
    for (const auto& record : store.records_of("person")) names[record.state.record_id] = record.state.text("name");
    for (const auto& leaver : leavers) names[ids[leaver.key]] = leaver.name;
    std::map<std::string, int> left_on;  // days ago
    for (const auto& leaver : leavers) left_on[ids[leaver.key]] = leaver.left_days_ago;
    for (const auto& habit : habits) {
        const std::string manager = ids[habit.manager];
        std::vector<std::string> reports;
        for (const auto& record : store.records_of("person"))
            if (!record.state.deleted && record.state.text("manager_id") == manager) reports.push_back(record.state.record_id);
        for (const auto& [key, id] : ids)
            if (left_on.count(id) && key.rfind(habit.manager, 0) == 0 && key.size() > std::string(habit.manager).size())
                reports.push_back(id);
        const int every = interval_of(habit.every);
        for (const auto& report : reports) {
            history.add(kHistoryDays, "cadence", new_uuid_v7(now), {{"report_id", report}, {"every", habit.every}}, manager);
            const int stop = left_on.count(report) ? left_on[report] + 1 : 1;
            bool away = report == ids["ops3r2"];
            for (int days_ago = kHistoryDays - dice.below(every); days_ago >= stop;) {
                if (report == ids["ops3r2"]) away = days_ago <= 330 && days_ago > 60;
                if (!away) {
                    const std::string checkin = new_uuid_v7(now);
                    history.add(days_ago, "checkin", checkin,
                                {{"report_id", report}, {"held_on", add_days(today, -days_ago)},
                                 {"shared_notes", "Priorities, blockers and one thing to learn."},
                                 {"mood", 2 + dice.below(4)}},
                                manager);
                    if (dice.chance(40)) {
                        const std::string item = new_uuid_v7(now);
                        history.add(days_ago, "action_item", item,
                                    {{"checkin_id", checkin}, {"text", "Follow up on the blocker we discussed"},
                                     {"owner_id", manager}, {"due_on", add_days(today, -days_ago + 7)}, {"done", false}},
                                    manager);
                        // Disciplined managers close items on time; the others late or not at all.
                        const int done_after = dice.chance(100 - habit.slip_percent) ? 2 + dice.below(5) : 8 + dice.below(20);
                        if (days_ago - done_after > 0 && !dice.chance(habit.slip_percent / 3))
                            history.add(days_ago - done_after, "action_item", item, {{"done", true}}, manager);
                    }
                    // Recognition is on everyone's wall, so the history holds only a little of it.
                    if (dice.chance(4) && days_ago > 30)
                        history.add(days_ago, "recognition", new_uuid_v7(now),
                                    {{"from_id", manager}, {"about_id", report}, {"about_name", names[report]},
                                     {"given_on", add_days(today, -days_ago)}, {"situation", "The quarter's release"},
                                     {"behaviour", "Stayed with the customer until it worked"},
                                     {"impact", "They renewed for two years"}},
                                    manager);
                    if (dice.chance(20))
                        history.add(days_ago, "feedback", new_uuid_v7(now),
                                    {{"from_id", manager}, {"about_id", report}, {"kind", "praise"},
                                     {"visibility", "private"}, {"given_on", add_days(today, -days_ago)},
                                     {"situation", "Our 1:1"},
                                     {"behaviour", "Came with a clear proposal"}, {"impact", "We decided in minutes"}},
                                    manager);
                }
                days_ago -= every + (dice.chance(habit.slip_percent) ? 1 + dice.below(habit.late_days) : 0);
            }
        }
    }
    // People first (the HRIS writes them), then each author's records in the order they happened.
    SyncService sync(store);
    sync.write_as_server(history.by_author[""]);
    for (auto& [author, changes] : history.by_author)
        if (!author.empty()) sync.write_as_server(changes, author);
}

}  // namespace tandem::server
