#include "tandem/one_on_ones/checkin_views.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "tandem/base/dates.h"
#include "tandem/one_on_ones/records.h"

namespace tandem {

namespace {
// The first line of the notes, cut on a character boundary, for list rows.
std::string preview(const std::string& notes) {
    std::string line = notes.substr(0, notes.find('\n'));
    if (line.size() <= 80) return line;
    size_t cut = 80;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    return line.substr(0, cut) + "…";
}
ActionItemView item_of(const std::string& record_id, const RecordState& state) {
    Json done = state.value("done");
    return ActionItemView{record_id, state.text("text"), state.text("owner_id"), state.text("due_on"),
                          done.is_boolean() && done.get<bool>(), state.text("done_in"), ""};
}
}  // namespace

std::vector<ReportSummary> team_overview(Store& store, const std::string& manager_id, const std::string& today) {
    std::vector<ReportSummary> team;
    Statement people(store.database(),
                     "SELECT record_id, json_extract(state, '$.name.v') FROM records WHERE entity = 'person' "
                     "AND deleted = 0 AND json_extract(state, '$.manager_id.v') = ?");
    people.bind(1, manager_id);
    while (people.step()) {
        ReportSummary report;
        report.person_id = people.text(0);
        report.name = people.text(1);
        team.push_back(std::move(report));
    }

    // A 1:1 counts once it was held; a planned one on or before today is late, not held.
    std::unordered_map<std::string, std::string> last_by_report;
    Statement last(store.database(),
                   std::string("SELECT subject_id, MAX(json_extract(state, '$.held_on.v')) FROM records "
                               "WHERE entity = 'checkin' AND deleted = 0 AND ") +
                       kCheckinHeldSql + " GROUP BY subject_id");
    while (last.step()) last_by_report[last.text(0)] = last.text(1);

    std::unordered_map<std::string, std::pair<std::string, std::string>> planned_by_report;  // id, date
    Statement planned(store.database(),
                      "SELECT subject_id, record_id, json_extract(state, '$.held_on.v') FROM records "
                      "WHERE entity = 'checkin' AND deleted = 0 AND json_extract(state, '$.status.v') = 'planned' "
                      "ORDER BY 3 DESC, record_id DESC");
    while (planned.step()) planned_by_report[planned.text(0)] = {planned.text(1), planned.text(2)};  // earliest last

    std::unordered_map<std::string, std::pair<int, int>> open_by_report;  // open, of which overdue
    Statement open(store.database(),
                   "SELECT subject_id, COUNT(*), SUM(CASE WHEN json_extract(state, '$.due_on.v') < ? THEN 1 ELSE 0 END) "
                   "FROM records WHERE entity = 'action_item' AND deleted = 0 "
                   "AND COALESCE(json_extract(state, '$.done.v'), 0) = 0 GROUP BY subject_id");
    open.bind(1, today);
    while (open.step()) open_by_report[open.text(0)] = {int(open.integer(1)), int(open.integer(2))};

    // Open points a report added to their next 1:1: on a planned one, or for one not planned yet.
    std::unordered_map<std::string, int> points_by_report;
    Statement points(store.database(),
                     "SELECT p.subject_id, COUNT(*) FROM records p LEFT JOIN records c "
                     "ON c.record_id = json_extract(p.state, '$.checkin_id.v') "
                     "WHERE p.entity = 'talking_point' AND p.deleted = 0 AND p.author_id = p.subject_id "
                     "AND COALESCE(json_extract(p.state, '$.done.v'), 0) = 0 AND ("
                     "  (json_extract(p.state, '$.checkin_id.v') IS NULL AND json_extract(p.state, '$.with_id.v') = ?1)"
                     "  OR (c.deleted = 0 AND c.author_id IN (?1, '') AND json_extract(c.state, '$.status.v') = 'planned')) "
                     "GROUP BY p.subject_id");
    points.bind(1, manager_id);
    while (points.step()) points_by_report[points.text(0)] = int(points.integer(1));

    // Two devices may each have created a cadence for one report: the lowest record id wins everywhere.
    std::unordered_map<std::string, std::pair<std::string, Cadence>> cadence_by_report;
    Statement cadences(store.database(),
                       "SELECT record_id, subject_id, state FROM records WHERE entity = 'cadence' AND deleted = 0 "
                       "ORDER BY record_id DESC");
    while (cadences.step()) {
        RecordState state;
        state.fields = Json::parse(cadences.text(2));
        cadence_by_report[cadences.text(1)] = {cadences.text(0), Cadence::from_record(state)};
    }

    for (auto& report : team) {
        report.last_checkin = last_by_report[report.person_id];
        if (auto it = cadence_by_report.find(report.person_id); it != cadence_by_report.end()) {
            report.cadence_id = it->second.first;
            report.cadence = it->second.second;
        }
        report.next_due = next_due(report.last_checkin, report.cadence, today);
        report.overdue = report.next_due < today;
        std::tie(report.planned_id, report.planned_on) = planned_by_report[report.person_id];
        std::tie(report.open_items, report.overdue_items) = open_by_report[report.person_id];
        report.points_from_report = points_by_report[report.person_id];
    }
    std::sort(team.begin(), team.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return team;
}

std::vector<CheckInSummary> checkin_history(Store& store, const std::string& report_id) {
    std::vector<CheckInSummary> history;
    Statement rows(store.database(),
                   "SELECT c.record_id, json_extract(c.state, '$.held_on.v'), "
                   "COALESCE(json_extract(c.state, '$.mood.v'), 0), COALESCE(json_extract(c.state, '$.shared_notes.v'), ''), "
                   "(SELECT COUNT(*) FROM records a WHERE a.entity = 'action_item' AND a.subject_id = c.subject_id AND a.deleted = 0 "
                   "  AND json_extract(a.state, '$.checkin_id.v') = c.record_id "
                   "  AND COALESCE(json_extract(a.state, '$.done.v'), 0) = 0), "
                   "json_extract(c.state, '$.status.v') IS 'planned', COALESCE(json_extract(c.state, '$.title.v'), '') "
                   "FROM records c WHERE c.entity = 'checkin' AND c.deleted = 0 AND c.subject_id = ? "
                   "ORDER BY 2 DESC, c.record_id DESC");
    rows.bind(1, report_id);
    while (rows.step()) {
        CheckInSummary summary{rows.text(0), rows.text(1), rows.integer(5) != 0, rows.text(6), 0,
                               int(rows.integer(2)), preview(rows.text(3)), int(rows.integer(4))};
        history.push_back(std::move(summary));
    }
    // Record ids grow with time, so within a day the last row is the first 1:1 written for it.
    for (size_t end = 0; end < history.size();) {
        size_t begin = end;
        while (end < history.size() && history[end].held_on == history[begin].held_on) ++end;
        if (end - begin > 1)
            for (size_t i = begin; i < end; ++i) history[i].nth_that_day = int(end - i);
    }
    return history;
}

std::vector<TalkingPointView> unattached_points(Store& store, const std::string& report_id,
                                                const std::string& holder_id) {
    std::vector<TalkingPointView> points;
    Statement rows(store.database(),
                   "SELECT record_id, author_id, state FROM records WHERE entity = 'talking_point' AND deleted = 0 "
                   "AND subject_id = ? AND json_extract(state, '$.checkin_id.v') IS NULL "
                   "AND json_extract(state, '$.with_id.v') = ? ORDER BY record_id");
    rows.bind(1, report_id).bind(2, holder_id);
    while (rows.step()) {
        RecordState state;
        state.fields = Json::parse(rows.text(2));
        Json done = state.value("done"), position = state.value("position");
        TalkingPointView point{rows.text(0), state.text("text"), state.text("source"),
                               position.is_number_integer() ? position.get<int>() : 0,
                               done.is_boolean() && done.get<bool>(), rows.text(1)};
        if (point.author_id.empty()) point.author_id = report_id;  // only the report writes these
        point.unattached = true;
        points.push_back(std::move(point));
    }
    return points;
}

CheckInDetail checkin_detail(Store& store, const std::string& checkin_id, const std::string& viewer_id) {
    CheckInDetail detail;
    auto checkin = store.load(checkin_id);
    if (!checkin || checkin->state.deleted) return detail;
    detail.found = true;
    detail.checkin_id = checkin_id;
    detail.report_id = checkin->state.text("report_id");
    detail.holder_id = checkin->author_id;
    detail.held_on = checkin->state.text("held_on");
    detail.shared_notes = checkin->state.text("shared_notes");
    detail.title = checkin->state.text("title");
    detail.planned = checkin->state.text("status") == "planned";
    Json mood = checkin->state.value("mood");
    detail.mood = mood.is_number_integer() ? mood.get<int>() : 0;

    Statement children(store.database(),
                       "SELECT record_id, entity, author_id, state FROM records WHERE deleted = 0 "
                       "AND entity IN ('action_item', 'private_note', 'talking_point') AND subject_id = ? "
                       "AND json_extract(state, '$.checkin_id.v') = ? ORDER BY record_id");
    children.bind(1, detail.report_id).bind(2, checkin_id);
    while (children.step()) {
        RecordState state;
        state.fields = Json::parse(children.text(3));
        if (children.text(1) == "private_note") {
            // Only the viewer's own note; a device may hold none but its user's, but check anyway.
            const std::string author = children.text(2);
            if (!author.empty() && author != viewer_id) continue;
            detail.private_note_id = children.text(0);
            detail.private_text = state.text("text");
        } else if (children.text(1) == "talking_point") {
            Json done = state.value("done"), position = state.value("position");
            detail.agenda.push_back(TalkingPointView{children.text(0), state.text("text"), state.text("source"),
                                                     position.is_number_integer() ? position.get<int>() : 0,
                                                     done.is_boolean() && done.get<bool>(), children.text(2)});
        } else {
            ActionItemView item = item_of(children.text(0), state);
            if (!item.done_in.empty() && item.done_in != checkin_id)
                if (auto closed_in = store.load(item.done_in)) item.done_in_on = closed_in->state.text("held_on");
            detail.items.push_back(std::move(item));
        }
    }
    // A 1:1 still to come also shows what the report added for it before it was planned.
    if (detail.planned)
        for (auto& point : unattached_points(store, detail.report_id, checkin->author_id.empty() ? viewer_id
                                                                                            : checkin->author_id))
            detail.agenda.push_back(std::move(point));
    std::stable_sort(detail.agenda.begin(), detail.agenda.end(),
                     [](const auto& a, const auto& b) { return a.position < b.position; });

    // Open items from the 1:1s dated before (or on) this one, and those ticked here, with their 1:1's date.
    Statement carried(store.database(),
                      "SELECT a.record_id, a.state, json_extract(c.state, '$.held_on.v') FROM records a "
                      "JOIN records c ON c.record_id = json_extract(a.state, '$.checkin_id.v') "
                      "WHERE a.entity = 'action_item' AND a.subject_id = ?1 AND a.deleted = 0 "
                      "AND c.deleted = 0 AND c.record_id <> ?2 AND ("
                      "  (COALESCE(json_extract(a.state, '$.done.v'), 0) = 0 AND json_extract(c.state, '$.held_on.v') <= ?3)"
                      "  OR (json_extract(a.state, '$.done.v') = 1 AND json_extract(a.state, '$.done_in.v') = ?2)) "
                      "ORDER BY 3, a.record_id");
    carried.bind(1, detail.report_id).bind(2, checkin_id).bind(3, detail.held_on);
    while (carried.step()) {
        RecordState state;
        state.fields = Json::parse(carried.text(1));
        CarriedItemView view{item_of(carried.text(0), state), carried.text(2)};
        (view.item.done ? detail.closed_here : detail.carried).push_back(std::move(view));
    }
    return detail;
}

} // namespace tandem
