#include "tandem/one_on_ones/my_one_on_ones.h"

#include <algorithm>
#include <map>

#include "tandem/one_on_ones/records.h"

namespace tandem {

int UpcomingOneOnOne::next_position() const {
    int last = -1;
    for (const auto& point : agenda) last = std::max(last, point.position);
    return last + 1;
}

MyOneOnOnes my_one_on_ones(Store& store, const std::string& me, const std::string& manager_id,
                           const std::string& today) {
    MyOneOnOnes mine;
    // Each holder's 1:1s with me: the earliest still planned, the last held.
    std::map<std::string, UpcomingOneOnOne> by_holder;
    std::map<std::string, std::string> last_held;
    if (!manager_id.empty()) by_holder[manager_id].holder_id = manager_id;
    Statement checkins(store.database(),
                       std::string("SELECT record_id, author_id, json_extract(state, '$.held_on.v'), "
                                   "json_extract(state, '$.status.v') IS 'planned', "
                                   "COALESCE(json_extract(state, '$.title.v'), ''), "
                                   "(SELECT COUNT(*) FROM records a WHERE a.entity = 'action_item' AND a.deleted = 0 "
                                   "  AND a.subject_id = ?1 AND json_extract(a.state, '$.checkin_id.v') = c.record_id "
                                   "  AND json_extract(a.state, '$.owner_id.v') = ?1 "
                                   "  AND COALESCE(json_extract(a.state, '$.done.v'), 0) = 0) "
                                   "FROM records c WHERE entity = 'checkin' AND deleted = 0 AND subject_id = ?1 "
                                   "ORDER BY 3 DESC, record_id DESC"));
    checkins.bind(1, me);
    while (checkins.step()) {
        // A 1:1 whose manager the device cannot name is the current manager's (older copies lack the author).
        const std::string holder = checkins.text(1).empty() ? manager_id : checkins.text(1);
        if (holder.empty()) continue;
        if (checkins.integer(3) != 0) {
            UpcomingOneOnOne& next = by_holder[holder];
            next.holder_id = holder;
            next.planned_id = checkins.text(0);  // rows come latest first: the earliest planned wins
            next.on = checkins.text(2);
        } else {
            mine.held.push_back(HeldOneOnOne{checkins.text(0), holder, checkins.text(2), checkins.text(4),
                                             int(checkins.integer(5))});
            if (!last_held.count(holder)) last_held[holder] = checkins.text(2);
        }
    }
    for (auto& [holder, next] : by_holder) {
        if (next.planned_id.empty()) {
            Cadence cadence;
            Statement rows(store.database(),
                           "SELECT state, author_id FROM records WHERE entity = 'cadence' AND deleted = 0 "
                           "AND subject_id = ? ORDER BY record_id");
            rows.bind(1, me);
            while (rows.step()) {
                if (!rows.text(1).empty() && rows.text(1) != holder) continue;
                RecordState state;
                state.fields = Json::parse(rows.text(0));
                cadence = Cadence::from_record(state);
                break;  // the lowest record id wins, as on the manager's device
            }
            next.on = next_due(last_held[holder], cadence, today);
            next.agenda = unattached_points(store, me, holder);
        } else {
            next.agenda = checkin_detail(store, next.planned_id, me).agenda;
        }
        next.overdue = next.on < today;
        std::stable_sort(next.agenda.begin(), next.agenda.end(),
                         [](const auto& a, const auto& b) { return a.position < b.position; });
        mine.upcoming.push_back(std::move(next));
    }
    return mine;
}

} // namespace tandem
