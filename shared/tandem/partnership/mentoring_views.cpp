#include "tandem/partnership/mentoring_views.h"

#include <algorithm>
#include <map>

#include "tandem/base/dates.h"

namespace tandem {

std::vector<MentoringPairView> mentoring_pairs(Store& store, const std::string& today) {
    std::vector<MentoringPairView> pairs;
    std::map<std::string, size_t> at;
    for (const StoredRecord& record : store.records_of("mentoring_pair")) {
        if (record.state.deleted) continue;
        MentoringPairView pair;
        pair.pair_id = record.state.record_id;
        pair.mentee_id = record.state.text("mentee_id");
        pair.mentor_id = record.state.text("mentor_id");
        pair.mentee_name = record.state.text("mentee_name");
        pair.mentor_name = record.state.text("mentor_name");
        pair.started_on = record.state.text("started_on");
        pair.ended_on = record.state.text("ended_on");
        Json days = record.state.value("cadence_days");
        pair.cadence_days = days.is_number_integer() ? days.get<int>() : 30;
        at[pair.pair_id] = pairs.size();
        pairs.push_back(std::move(pair));
    }
    std::map<std::string, std::pair<size_t, size_t>> session_at;  // session -> pair index, session index
    for (const StoredRecord& record : store.records_of("mentoring_session")) {
        auto it = at.find(record.state.text("pair_id"));
        if (record.state.deleted || it == at.end()) continue;
        Json minutes = record.state.value("minutes");
        pairs[it->second].sessions.push_back({record.state.record_id, record.author_id, record.state.text("held_on"),
                                              minutes.is_number_integer() ? minutes.get<int>() : 0, "", ""});
    }
    for (auto& pair : pairs) {
        std::sort(pair.sessions.begin(), pair.sessions.end(), [](const auto& a, const auto& b) {
            return a.held_on != b.held_on ? a.held_on > b.held_on : a.session_id > b.session_id;
        });
        for (size_t i = 0; i < pair.sessions.size(); ++i)
            session_at[pair.sessions[i].session_id] = {size_t(&pair - pairs.data()), i};
        for (const auto& session : pair.sessions)
            if (session.held_on <= today) {
                pair.last_session = session.held_on;
                break;
            }
        pair.next_due = add_days(pair.last_session.empty() ? pair.started_on : pair.last_session, pair.cadence_days);
        pair.overdue = pair.active() && !pair.started_on.empty() && pair.next_due < today;
    }
    // The earliest note of a session is shown; two written at once on two devices are both kept in the store.
    for (const StoredRecord& record : store.records_of("mentoring_note")) {
        auto it = session_at.find(record.state.text("session_id"));
        if (record.state.deleted || it == session_at.end()) continue;
        MentoringSessionView& session = pairs[it->second.first].sessions[it->second.second];
        if (session.note_id.empty() || record.state.record_id < session.note_id) {
            session.note_id = record.state.record_id;
            session.note = record.state.text("text");
        }
    }
    for (const StoredRecord& record : store.records_of("mentoring_topic")) {
        auto it = at.find(record.state.text("pair_id"));
        if (record.state.deleted || it == at.end()) continue;
        pairs[it->second].topics.push_back({record.state.record_id, record.author_id, record.state.text("text"),
                                            record.state.value("discussed") == Json(true)});
    }
    for (auto& pair : pairs)
        std::sort(pair.topics.begin(), pair.topics.end(), [](const auto& a, const auto& b) {
            return a.discussed != b.discussed ? !a.discussed : a.text < b.text;
        });
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
        if (a.active() != b.active()) return a.active();
        return a.mentee_name != b.mentee_name ? a.mentee_name < b.mentee_name : a.pair_id < b.pair_id;
    });
    return pairs;
}

std::vector<MentoringCoverage> mentoring_coverage(Store& store, const std::vector<MentoringPairView>& pairs) {
    std::vector<MentoringCoverage> out;
    Statement managers(store.database(),
                       "SELECT m.record_id, json_extract(m.state, '$.name.v') FROM records m WHERE m.entity = 'person' "
                       "AND m.deleted = 0 AND COALESCE(json_extract(m.state, '$.role.v'), 'manager') IN ('manager', '') "
                       "AND COALESCE(json_extract(m.state, '$.exit_date.v'), '') = '' AND EXISTS (SELECT 1 FROM "
                       "records r WHERE r.entity = 'person' AND r.deleted = 0 AND "
                       "json_extract(r.state, '$.manager_id.v') = m.record_id) ORDER BY 2, 1");
    while (managers.step()) {
        MentoringCoverage row{managers.text(0), managers.text(1), -1};
        for (size_t i = 0; i < pairs.size() && row.pair < 0; ++i)
            if (pairs[i].active() && pairs[i].mentee_id == row.person_id) row.pair = int(i);
        out.push_back(std::move(row));
    }
    return out;
}

} // namespace tandem
