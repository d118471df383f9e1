#include "surveys/survey_store.h"

#include <sodium.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "tandem/surveys/survey_views.h"

namespace tandem::server {

bool SurveyDefinition::accepts_answers(const std::string& today) const {
    if (status != "open") return false;
    if (!opens_on.empty() && today < opens_on) return false;
    if (!closes_on.empty() && today > closes_on) return false;
    return true;
}

bool SurveyDefinition::results_released(const std::string& today) const {
    return status == "closed" || (status == "open" && !closes_on.empty() && today > closes_on);
}

std::optional<SurveyDefinition> load_survey(Store& store, const std::string& survey_id) {
    auto record = store.load(survey_id);
    if (!record || record->state.deleted || record->state.entity != "survey") return std::nullopt;
    const SurveyView view = survey_fields_of(record->state);
    SurveyDefinition survey;
    survey.id = survey_id;
    survey.title = view.title;
    survey.status = view.status;
    survey.opens_on = view.opens_on;
    survey.closes_on = view.closes_on;
    survey.training_session_id = view.training_session_id;
    survey.audience = view.audience;
    survey.meta = record->meta();
    survey.rules = survey::Rules{view.min_group_size, view.min_comment_group_size};
    // A question's subject is its survey, so this reads the survey's own records only.
    for (const auto& child : store.records_about(survey_id))
        if (!child.state.deleted && child.state.entity == "survey_question" && child.state.text("survey_id") == survey_id)
            if (auto question = question_of(child.state)) survey.questions.push_back(std::move(*question));
    sort_questions(survey.questions);
    return survey;
}

int64_t count_links(Store& store, const std::string& survey_id, const std::string& team_of) {
    Statement query(store.database(), "SELECT count(*) FROM survey_link WHERE survey_id = ? AND team_of = ?");
    query.bind(1, survey_id).bind(2, team_of);
    return query.step() ? query.integer(0) : 0;
}

void add_link(Store& writer, const std::string& digest, const std::string& survey_id, const std::string& team_of) {
    Statement(writer.database(), "INSERT INTO survey_link(token_digest, survey_id, team_of) VALUES (?, ?, ?)")
        .bind(1, digest)
        .bind(2, survey_id)
        .bind(3, team_of)
        .run();
}

std::optional<AnswerLink> find_link(Store& store, const std::string& digest) {
    Statement query(store.database(),
                    "SELECT survey_id, team_of, used FROM survey_link WHERE token_digest = ?");
    query.bind(1, digest);
    if (!query.step()) return std::nullopt;
    return AnswerLink{query.text(0), query.text(1), query.integer(2) != 0};
}

void use_link(Store& writer, const std::string& digest) {
    Statement(writer.database(), "UPDATE survey_link SET used = 1 WHERE token_digest = ?").bind(1, digest).run();
}

void add_kiosk(Store& writer, const Kiosk& kiosk, const std::string& token_digest) {
    Statement(writer.database(),
              "INSERT INTO kiosk(kiosk_id, token_digest, survey_id, label) VALUES (?, ?, ?, ?)")
        .bind(1, kiosk.kiosk_id)
        .bind(2, token_digest)
        .bind(3, kiosk.survey_id)
        .bind(4, kiosk.label)
        .run();
}

std::optional<Kiosk> active_kiosk(Store& store, const std::string& token_digest) {
    Statement query(store.database(),
                    "SELECT kiosk_id, survey_id, label FROM kiosk WHERE token_digest = ? AND revoked = 0");
    query.bind(1, token_digest);
    if (!query.step()) return std::nullopt;
    return Kiosk{query.text(0), query.text(1), query.text(2)};
}

bool revoke_kiosk(Store& writer, const std::string& kiosk_id) {
    Statement(writer.database(), "UPDATE kiosk SET revoked = 1 WHERE kiosk_id = ? AND revoked = 0")
        .bind(1, kiosk_id)
        .run();
    return writer.database().changes() > 0;
}

std::vector<Json> list_kiosks(Store& store) {
    Statement query(store.database(), "SELECT kiosk_id, survey_id, label, revoked FROM kiosk ORDER BY label");
    std::vector<Json> kiosks;
    while (query.step())
        kiosks.push_back(Json{{"kiosk_id", query.text(0)},
                              {"survey_id", query.text(1)},
                              {"label", query.text(2)},
                              {"revoked", query.integer(3) != 0}});
    return kiosks;
}

bool remember_submission(Store& writer, const std::string& submission_digest) {
    Statement(writer.database(), "INSERT INTO kiosk_submission(submission_digest) VALUES (?) ON CONFLICT DO NOTHING")
        .bind(1, submission_digest)
        .run();
    return writer.database().changes() > 0;
}

survey::TallyLayout load_layout(Store& store, const std::string& survey_id) {
    Statement query(store.database(), "SELECT keys FROM survey_layout WHERE survey_id = ?");
    query.bind(1, survey_id);
    if (!query.step()) return survey::TallyLayout();
    // Layouts only grow, so one of the same length is the same layout: parse each version once. The cache
    // is only a shortcut; the stored row stays the truth, so several servers may share the database.
    static std::mutex mutex;
    static std::unordered_map<std::string, std::pair<size_t, survey::TallyLayout>> parsed;
    const std::string keys = query.text(0);
    std::lock_guard<std::mutex> lock(mutex);
    auto it = parsed.find(survey_id);
    if (it == parsed.end() || it->second.first != keys.size()) {
        if (parsed.size() > 1000) parsed.clear();
        it = parsed.insert_or_assign(survey_id, std::pair{keys.size(), survey::TallyLayout::decode(keys)}).first;
    }
    return it->second.second;
}

survey::GroupTallies load_tallies(Store& store, const std::string& survey_id) {
    Statement query(store.database(), "SELECT group_key, counts FROM survey_tally WHERE survey_id = ?");
    query.bind(1, survey_id);
    survey::GroupTallies tallies;
    while (query.step()) tallies.emplace(query.text(0), survey::Tally::decode(query.blob(1)));
    return tallies;
}

void record_respondent(Store& writer, const SurveyDefinition& survey, const std::vector<survey::Answer>& answers,
                       const std::vector<std::string>& groups, const std::string& utc_day) {
    auto& db = writer.database();
    writer.transaction([&] {
        survey::TallyLayout layout = load_layout(writer, survey.id);
        const size_t layout_size = layout.size();
        for (const std::string& group : groups) {
            Statement read(db, "SELECT counts FROM survey_tally WHERE survey_id = ? AND group_key = ?");
            read.bind(1, survey.id).bind(2, group);
            survey::Tally tally = read.step() ? survey::Tally::decode(read.blob(0)) : survey::Tally{};
            survey::add_respondent(survey.questions, answers, layout, tally);
            Statement(db, "INSERT INTO survey_tally(survey_id, group_key, counts) VALUES (?, ?, ?) "
                          "ON CONFLICT(survey_id, group_key) DO UPDATE SET counts = excluded.counts")
                .bind(1, survey.id)
                .bind(2, group)
                .bind_blob(3, tally.encode())
                .run();
        }
        if (layout.size() != layout_size)
            Statement(db, "INSERT INTO survey_layout(survey_id, keys) VALUES (?, ?) "
                          "ON CONFLICT(survey_id) DO UPDATE SET keys = excluded.keys")
                .bind(1, survey.id)
                .bind(2, layout.encode())
                .run();
        // One row per answer, under the group it counts for first (a team, a session, or the organisation).
        Statement insert(db, "INSERT INTO survey_answer(answer_key, survey_id, question_id, group_key, "
                                      "value, day) VALUES (?, ?, ?, ?, ?, ?)");
        for (const auto& answer : answers) {
            unsigned char key[16];
            randombytes_buf(key, sizeof key);
            insert.bind_blob(1, std::string_view(reinterpret_cast<const char*>(key), sizeof key))
                .bind(2, survey.id)
                .bind(3, answer.question_id)
                .bind(4, groups.front())
                .bind(5, answer.value)
                .bind(6, utc_day)
                .run();
        }
        // A PostgreSQL table keeps rows in the order they came and stamps each with the transaction that wrote
        // it (ctid, xmin). Writing the group's rows anew, in the order of their random keys, leaves every row
        // of the group with this transaction's id and a place its key decides, not its arrival.
        if (db.dialect() == SqlDialect::postgres)
            Statement(db, "WITH moved AS (DELETE FROM survey_answer WHERE survey_id = ?1 AND group_key = ?2 "
                          "RETURNING *) INSERT INTO survey_answer SELECT * FROM moved ORDER BY answer_key")
                .bind(1, survey.id)
                .bind(2, groups.front())
                .run();
    });
}

std::vector<std::string> load_comments(Store& store, const std::string& survey_id, const std::string& question_id,
                                       const std::vector<std::string>& groups, size_t limit) {
    std::vector<std::string> comments;
    auto collect = [&](Statement& query) {
        while (query.step()) comments.push_back(query.text(0));
    };
    // Answers are kept in order of survey, group and question: each group is one range to read. The
    // organisation is every stored group but the sessions (its own tally row is not a group of answers
    // apart from the kiosk ones, which are stored under "org").
    std::vector<std::string> ranges = groups;
    if (std::find(groups.begin(), groups.end(), "org") != groups.end()) {
        ranges.clear();
        Statement stored(store.database(), "SELECT group_key FROM survey_tally WHERE survey_id = ?");
        stored.bind(1, survey_id);
        while (stored.step())
            if (stored.text(0).rfind("session:", 0) != 0) ranges.push_back(stored.text(0));
    }
    Statement query(store.database(),
                    "SELECT value FROM survey_answer WHERE survey_id = ? AND group_key = ? AND question_id = ? "
                    "ORDER BY answer_key LIMIT ?");
    // At most `limit` from each group: the random key makes that a fair sample, and memory stays bounded
    // however many comments a kiosk or a large team sent.
    for (const std::string& group : ranges) {
        query.bind(1, survey_id).bind(2, group).bind(3, question_id).bind(4, int64_t(limit));
        collect(query);
        query.reset();
    }
    // Shuffled with the kernel's randomness: an order that followed storage could hint at who wrote what.
    for (size_t i = comments.size(); i > 1; --i) std::swap(comments[i - 1], comments[randombytes_uniform(uint32_t(i))]);
    if (comments.size() > limit) comments.resize(limit);
    return comments;
}

} // namespace tandem::server
