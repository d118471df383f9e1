#include "tandem/partnership/program_views.h"

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

#include "tandem/one_on_ones/records.h"

namespace tandem {

const std::vector<std::string>& program_stages() {
    static const std::vector<std::string> names{"idea", "design", "pilot", "rollout", "review"};
    return names;
}

std::string stage_label(const std::string& stage) {
    if (stage.empty()) return stage;
    std::string label = stage;
    label[0] = char(label[0] - 'a' + 'A');
    return label;
}

RatingSpread spread_of(std::vector<std::pair<int, int>> ratings) {
    RatingSpread spread;
    spread.count = int(ratings.size());
    if (ratings.empty()) return spread;
    std::vector<int> minutes;
    double sum = 0;
    for (auto [usefulness, cost] : ratings) {
        if (usefulness >= 1 && usefulness <= 5) ++spread.usefulness[size_t(usefulness - 1)];
        sum += usefulness;
        minutes.push_back(cost);
    }
    std::sort(minutes.begin(), minutes.end());
    spread.mean_usefulness = sum / double(ratings.size());
    spread.minutes_low = minutes.front();
    spread.minutes_high = minutes.back();
    const size_t mid = minutes.size() / 2;
    spread.minutes_median = minutes.size() % 2 ? minutes[mid] : (minutes[mid - 1] + minutes[mid]) / 2;
    return spread;
}

namespace {
int integer_of(const RecordState& state, const std::string& field) {
    Json v = state.value(field);
    return v.is_number_integer() ? v.get<int>() : 0;
}

// Threads in the order they began, each reply right under what it answers (replies oldest first).
std::vector<ProgramCommentView> threaded(std::vector<ProgramCommentView> comments) {
    std::sort(comments.begin(), comments.end(), [](const auto& a, const auto& b) {
        return a.written_on != b.written_on ? a.written_on < b.written_on : a.comment_id < b.comment_id;
    });
    std::set<std::string> known;
    for (const auto& c : comments) known.insert(c.comment_id);
    std::vector<ProgramCommentView> out;
    std::function<void(const std::string&, int)> add = [&](const std::string& parent, int depth) {
        for (const auto& c : comments) {
            const bool top = c.reply_to.empty() || !known.count(c.reply_to);
            if (parent.empty() ? top : c.reply_to == parent) {
                out.push_back(c);
                out.back().depth = std::min(depth, 8);
                if (depth < 64) add(c.comment_id, depth + 1);
            }
        }
    };
    add("", 0);
    return out;
}
}  // namespace

std::vector<ProgramView> program_views(Store& store, const std::string& viewer_id) {
    std::vector<ProgramView> programs;
    for (const StoredRecord& record : store.records_of("program")) {
        if (record.state.deleted) continue;
        ProgramView p;
        p.program_id = record.state.record_id;
        p.title = record.state.text("title");
        p.goal = record.state.text("goal");
        p.stage = record.state.text("stage");
        p.starts_on = record.state.text("starts_on");
        p.owner_ids = split_ids(record.state.text("owner_ids"));
        p.guide_ids = split_ids(record.state.text("guide_ids"));
        p.survey_ids = split_ids(record.state.text("survey_ids"));
        programs.push_back(std::move(p));
    }
    auto find = [&](const std::string& id) -> ProgramView* {
        for (auto& p : programs)
            if (p.program_id == id) return &p;
        return nullptr;
    };
    for (const StoredRecord& record : store.records_of("training_session"))
        if (ProgramView* p = find(record.state.text("program_id")); p && !record.state.deleted)
            p->session_ids.push_back(record.state.record_id);

    std::map<std::string, std::vector<ProgramCommentView>> comments;
    std::map<std::string, ProgramCommentView*> by_id;
    for (const StoredRecord& record : store.records_of("program_comment")) {
        if (record.state.deleted || !find(record.state.text("program_id"))) continue;
        ProgramCommentView c;
        c.comment_id = record.state.record_id;
        c.author_id = record.state.text("author_id");
        c.author_name = record.state.text("author_name");
        c.reply_to = record.state.text("reply_to");
        c.stage = record.state.text("stage");
        c.kind = record.state.text("kind");
        c.text = record.state.text("text");
        c.written_on = record.state.written_on();
        comments[record.state.text("program_id")].push_back(std::move(c));
    }
    for (auto& [id, list] : comments)
        for (auto& c : list) by_id[c.comment_id] = &c;
    // One vote per person and proposal: the latest record of theirs (by id) counts.
    std::map<std::pair<std::string, std::string>, const StoredRecord*> votes;
    std::vector<StoredRecord> vote_records = store.records_of("program_vote");
    for (const StoredRecord& record : vote_records)
        if (!record.state.deleted) votes[{record.state.text("proposal_id"), record.state.text("voter_id")}] = &record;
    for (const auto& [key, record] : votes) {
        auto it = by_id.find(key.first);
        if (it == by_id.end()) continue;
        const bool in_favour = record->state.value("in_favour") == Json(true);
        (in_favour ? it->second->votes_for : it->second->votes_against)++;
        if (key.second == viewer_id) {
            it->second->viewer_vote = in_favour ? 1 : -1;
            it->second->viewer_vote_id = record->state.record_id;
        }
    }
    // One rating per person and stage counts (records_of is in id order, so the lowest id: every device
    // agrees when two of someone's devices each rated offline).
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<int, int>>> ratings;  // program, stage
    std::set<std::tuple<std::string, std::string, std::string>> rated;  // program, stage, rater
    for (const StoredRecord& record : store.records_of("program_rating")) {
        ProgramView* p = find(record.state.text("program_id"));
        if (record.state.deleted || !p) continue;
        const std::string stage = record.state.text("stage"), rater = record.state.text("rater_id");
        if (!rated.insert({p->program_id, stage, rater}).second) continue;
        ratings[{p->program_id, stage}].push_back(
            {integer_of(record.state, "usefulness"), integer_of(record.state, "minutes_per_month")});
        if (rater == viewer_id && stage == p->stage) {
            p->viewer_rating_id = record.state.record_id;
            p->viewer_usefulness = integer_of(record.state, "usefulness");
            p->viewer_minutes = integer_of(record.state, "minutes_per_month");
        }
    }
    for (auto& p : programs) {
        p.comments = threaded(std::move(comments[p.program_id]));
        for (const auto& c : p.comments) ++p.comments_by_stage[c.stage];
        for (const auto& stage : program_stages())
            if (auto it = ratings.find({p.program_id, stage}); it != ratings.end())
                p.ratings[stage] = spread_of(it->second);
    }
    auto stage_index = [](const std::string& stage) {
        const auto& all = program_stages();
        return std::find(all.begin(), all.end(), stage) - all.begin();
    };
    std::sort(programs.begin(), programs.end(), [&](const ProgramView& a, const ProgramView& b) {
        if (a.stage != b.stage) return stage_index(a.stage) < stage_index(b.stage);
        return a.title != b.title ? a.title < b.title : a.program_id < b.program_id;
    });
    return programs;
}

std::vector<TeamAdoption> program_adoption(Store& store, const ProgramView& program) {
    Database& db = store.database();
    std::set<std::string> versions;  // guide versions of the linked guides
    for (const auto& guide_id : program.guide_ids) {
        Statement rows(db, "SELECT record_id FROM records WHERE entity = 'guide_version' AND deleted = 0 "
                           "AND json_extract(state, '$.guide_id.v') = ?");
        rows.bind(1, guide_id);
        while (rows.step()) versions.insert(rows.text(0));
    }
    std::set<std::string> using_program;  // check-ins whose agenda took a prompt from one of them
    {
        Statement rows(db, "SELECT json_extract(state, '$.checkin_id.v'), json_extract(state, '$.guide_version_id.v') "
                           "FROM records WHERE entity = 'talking_point' AND deleted = 0 "
                           "AND json_extract(state, '$.guide_version_id.v') IS NOT NULL");
        while (rows.step())
            if (versions.count(rows.text(1))) using_program.insert(rows.text(0));
    }
    std::set<std::string> attendees;
    for (const auto& session_id : program.session_ids) {
        Statement rows(db, "SELECT json_extract(state, '$.person_id.v') FROM records WHERE entity = "
                           "'session_attendance' AND deleted = 0 AND json_extract(state, '$.session_id.v') = ? "
                           "AND COALESCE(json_extract(state, '$.attended.v'), 1) = 1");
        rows.bind(1, session_id);
        while (rows.step()) attendees.insert(rows.text(0));
    }

    std::map<std::string, TeamAdoption> teams;
    {
        Statement rows(db, "SELECT r.record_id, json_extract(r.state, '$.manager_id.v'), "
                           "json_extract(m.state, '$.name.v') FROM records r JOIN records m ON m.record_id = "
                           "json_extract(r.state, '$.manager_id.v') WHERE r.entity = 'person' AND r.deleted = 0 "
                           "AND m.deleted = 0");
        while (rows.step()) {
            TeamAdoption& team = teams[rows.text(1)];
            team.manager_id = rows.text(1);
            team.manager_name = rows.text(2);
            ++team.team_size;
            team.attended += attendees.count(rows.text(0)) ? 1 : 0;
        }
    }
    {
        Statement rows(db, std::string("SELECT record_id, author_id FROM records WHERE entity = 'checkin' AND "
                                       "deleted = 0 AND json_extract(state, '$.held_on.v') >= ? AND ") +
                               kCheckinHeldSql);
        rows.bind(1, program.starts_on);
        while (rows.step()) {
            auto it = teams.find(rows.text(1));
            if (it == teams.end()) continue;
            ++it->second.checkins;
            it->second.checkins_with_program += using_program.count(rows.text(0)) ? 1 : 0;
        }
    }
    std::vector<TeamAdoption> out;
    for (auto& [id, team] : teams) out.push_back(std::move(team));
    std::sort(out.begin(), out.end(), [](const TeamAdoption& a, const TeamAdoption& b) {
        return a.manager_name != b.manager_name ? a.manager_name < b.manager_name : a.manager_id < b.manager_id;
    });
    return out;
}

bool may_read_adoption(const Actor& reader) {
    return reader.role == Role::HrAdmin || reader.role == Role::Manager;
}

} // namespace tandem
