#include "tandem/partnership/agreements.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "tandem/base/dates.h"
#include "tandem/one_on_ones/records.h"
#include "tandem/sync/entity.h"

namespace tandem {

const std::vector<std::string>& commitment_metrics() {
    static const std::vector<std::string> names{metric::kCheckinCadence, metric::kRecognitions,
                                                metric::kSurveyDiscussed, metric::kMentoringSessions};
    return names;
}

namespace {
// The range each metric's target must be in, so a version cannot promise the impossible.
std::pair<int, int> target_range(const std::string& name) {
    if (name == metric::kCheckinCadence) return {1, 100};
    if (name == metric::kRecognitions) return {1, 100};
    if (name == metric::kSurveyDiscussed) return {1, 90};
    if (name == metric::kMentoringSessions) return {1, 31};
    return {0, 0};
}
}  // namespace

std::string describe_target(const Commitment& c) {
    const std::string n = std::to_string(c.target);
    if (c.metric == metric::kCheckinCadence) return "1:1 cadence kept for " + n + "% of reports";
    if (c.metric == metric::kRecognitions) return n + " recognition" + (c.target == 1 ? "" : "s") + " a month";
    if (c.metric == metric::kSurveyDiscussed) return "survey results acted on within " + n + " days";
    if (c.metric == metric::kMentoringSessions) return n + " mentoring session" + (c.target == 1 ? "" : "s") + " a month";
    return "not measured";
}

std::optional<std::vector<Commitment>> parse_commitments(std::string_view text) {
    Json list = Json::parse(text.begin(), text.end(), nullptr, false);
    if (!list.is_array() || list.size() > 50) return std::nullopt;
    std::vector<Commitment> out;
    for (const Json& item : list) {
        if (!item.is_object()) return std::nullopt;
        auto key = item.find("key"), words = item.find("text"), name = item.find("metric"), target = item.find("target");
        if (key == item.end() || !key->is_string() || words == item.end() || !words->is_string()) return std::nullopt;
        Commitment c{key->get<std::string>(), words->get<std::string>(), "", 0};
        if (c.key.empty() || c.key.size() > 40 || has_control_characters(c.key) || c.text.empty() ||
            c.text.size() > 1000 || !is_valid_utf8(c.text) || !is_valid_utf8(c.key))
            return std::nullopt;
        if (name != item.end() && !name->is_null()) {
            if (!name->is_string()) return std::nullopt;
            c.metric = name->get<std::string>();
        }
        if (!c.metric.empty()) {
            auto [low, high] = target_range(c.metric);
            if (high == 0 || target == item.end() || !target->is_number_integer()) return std::nullopt;
            const int64_t value = target->get<int64_t>();
            if (value < low || value > high) return std::nullopt;
            c.target = int(value);
        }
        for (const Commitment& earlier : out)
            if (earlier.key == c.key) return std::nullopt;
        out.push_back(std::move(c));
    }
    return out;
}

bool is_commitment_list(std::string_view json) { return parse_commitments(json).has_value(); }

std::string commitments_json(const std::vector<Commitment>& commitments) {
    Json list = Json::array();
    for (const Commitment& c : commitments) {
        Json item{{"key", c.key}, {"text", c.text}};
        if (!c.metric.empty()) {
            item["metric"] = c.metric;
            item["target"] = c.target;
        }
        list.push_back(std::move(item));
    }
    return list.dump();
}

std::vector<CommitmentDiff> compare_commitments(const std::vector<Commitment>& before,
                                                const std::vector<Commitment>& after) {
    auto find = [](const std::vector<Commitment>& list, const std::string& key) -> const Commitment* {
        for (const Commitment& c : list)
            if (c.key == key) return &c;
        return nullptr;
    };
    std::vector<CommitmentDiff> rows;
    for (const Commitment& old : before) {
        const Commitment* now = find(after, old.key);
        if (!now) rows.push_back({Difference::Removed, old, std::nullopt});
        else rows.push_back({*now == old ? Difference::Same : Difference::Changed, old, *now});
    }
    for (const Commitment& now : after)
        if (!find(before, now.key)) rows.push_back({Difference::Added, std::nullopt, now});
    return rows;
}

std::string AgreementVersion::in_force_on() const {
    if (!signed_by_both()) return {};
    return std::max(manager->signed_on, hr->signed_on);
}

void settle_agreement(AgreementView& view) {
    std::sort(view.versions.begin(), view.versions.end(), [](const AgreementVersion& a, const AgreementVersion& b) {
        return a.number != b.number ? a.number < b.number : a.version_id < b.version_id;
    });
    std::sort(view.comments.begin(), view.comments.end(), [](const AgreementComment& a, const AgreementComment& b) {
        return a.written_on != b.written_on ? a.written_on < b.written_on : a.comment_id < b.comment_id;
    });
    view.in_force = -1;
    for (int i = int(view.versions.size()) - 1; i >= 0; --i)
        if (view.versions[size_t(i)].signed_by_both()) {
            view.in_force = i;
            break;
        }
}

namespace {

std::map<std::string, AgreementView> load_agreements(Store& store, const std::string* only) {
    std::map<std::string, AgreementView> by_id;
    for (const StoredRecord& record : store.records_of("agreement")) {
        if (record.state.deleted || (only && record.state.record_id != *only)) continue;
        AgreementView& view = by_id[record.state.record_id];
        view.agreement_id = record.state.record_id;
        view.manager_id = record.state.text("manager_id");
        view.title = record.state.text("title");
    }
    std::map<std::string, std::pair<std::string, size_t>> version_at;  // version id -> agreement, index
    for (const StoredRecord& record : store.records_of("agreement_version")) {
        auto it = by_id.find(record.state.text("agreement_id"));
        if (record.state.deleted || it == by_id.end()) continue;
        AgreementVersion version;
        version.version_id = record.state.record_id;
        version.author_id = record.state.text("author_id");
        version.note = record.state.text("note");
        Json number = record.state.value("number");
        version.number = number.is_number_integer() ? number.get<int>() : 0;
        version.commitments = parse_commitments(record.state.text("commitments")).value_or(std::vector<Commitment>{});
        version_at[version.version_id] = {it->first, it->second.versions.size()};
        it->second.versions.push_back(std::move(version));
    }
    // Earliest signature per side: a second one from another device changes nothing.
    for (const StoredRecord& record : store.records_of("agreement_signature")) {
        auto at = version_at.find(record.state.text("version_id"));
        if (record.state.deleted || at == version_at.end() || at->second.first != record.state.text("agreement_id"))
            continue;
        AgreementView& view = by_id[at->second.first];
        AgreementVersion& version = view.versions[at->second.second];
        // Devices keep no author for records pulled from elsewhere; the signer is in the record itself.
        Signature signature{record.state.record_id, record.state.text("signer_id"), record.state.text("signed_on")};
        auto& side = signature.signer_id == view.manager_id ? version.manager : version.hr;
        if (!side || signature.signed_on < side->signed_on) side = signature;
    }
    for (const StoredRecord& record : store.records_of("agreement_comment")) {
        auto it = by_id.find(record.state.text("agreement_id"));
        if (record.state.deleted || it == by_id.end()) continue;
        it->second.comments.push_back({record.state.record_id, record.state.text("author_id"), record.state.text("version_id"),
                                       record.state.text("commitment_key"), record.state.text("text"),
                                       record.state.written_on()});
    }
    for (auto& [id, view] : by_id) settle_agreement(view);
    return by_id;
}

}  // namespace

std::vector<AgreementView> agreement_views(Store& store) {
    std::vector<AgreementView> out;
    for (auto& [id, view] : load_agreements(store, nullptr)) out.push_back(std::move(view));
    std::sort(out.begin(), out.end(), [](const AgreementView& a, const AgreementView& b) {
        return a.title != b.title ? a.title < b.title : a.agreement_id < b.agreement_id;
    });
    return out;
}

std::optional<AgreementView> agreement_view(Store& store, const std::string& agreement_id) {
    auto all = load_agreements(store, &agreement_id);
    if (all.empty()) return std::nullopt;
    return std::move(all.begin()->second);
}

ManagerActivity manager_activity(Store& store, const std::string& manager_id, const std::string& today,
                                 const OrgChart* org) {
    ManagerActivity activity;
    Database& db = store.database();
    {
        Statement people(db, "SELECT record_id FROM records WHERE entity = 'person' AND deleted = 0 "
                                      "AND json_extract(state, '$.manager_id.v') = ? ORDER BY record_id");
        people.bind(1, manager_id);
        while (people.step()) activity.reports.push_back({people.text(0), Cadence{}, {}});
    }
    // Prepared once, run per report. The lowest record id wins when two devices each made a cadence, as on
    // the team screen.
    Statement cadence(db, "SELECT state FROM records WHERE entity = 'cadence' AND deleted = 0 "
                                   "AND subject_id = ? AND author_id IN (?, '') ORDER BY record_id LIMIT 1");
    Statement held(db, std::string("SELECT json_extract(state, '$.held_on.v') FROM records WHERE "
                                            "entity = 'checkin' AND deleted = 0 AND subject_id = ? AND "
                                            "author_id IN (?, '') AND ") + kCheckinHeldSql + " ORDER BY 1");
    for (auto& report : activity.reports) {
        cadence.reset();
        cadence.bind(1, report.person_id).bind(2, manager_id);
        if (cadence.step()) {
            RecordState state;
            state.fields = Json::parse(cadence.text(0));
            report.cadence = Cadence::from_record(state);
        }
        held.reset();
        held.bind(1, report.person_id).bind(2, manager_id);
        while (held.step())
            if (held.text(0) <= today) report.checkins.push_back(held.text(0));
    }
    auto dates_of = [&](const char* sql, std::vector<std::string>& out) {
        Statement rows(db, sql);
        rows.bind(1, manager_id);
        while (rows.step()) out.push_back(rows.text(0));
    };
    // A device keeps no author for what its user wrote on another device: the giver is in the record.
    dates_of("SELECT json_extract(state, '$.given_on.v') FROM records WHERE entity = 'recognition' AND deleted = 0 "
             "AND json_extract(state, '$.from_id.v') = ? ORDER BY 1",
             activity.recognitions);
    dates_of("SELECT json_extract(state, '$.held_on.v') FROM records WHERE entity = 'mentoring_session' "
             "AND deleted = 0 AND subject_id = ? ORDER BY 1",
             activity.mentoring_sessions);

    std::map<std::string, std::string> first_action;  // survey id -> day
    for (const StoredRecord& action : store.records_of("survey_action")) {
        if (action.state.deleted || action.state.text("manager_id") != manager_id) continue;
        std::string& day = first_action[action.state.text("survey_id")];
        const std::string written = action.state.written_on();
        if (day.empty() || (!written.empty() && written < day)) day = written;
    }
    const Actor as_manager{manager_id, Role::Manager};
    for (const StoredRecord& survey : store.records_of("survey")) {
        const std::string closes = survey.state.text("closes_on");
        if (survey.state.deleted || survey.state.text("status") == "draft" || closes.empty() || closes >= today)
            continue;
        if (org && !may_read(as_manager, survey.meta(), *org)) continue;
        activity.surveys.push_back({survey.state.record_id, closes, first_action[survey.state.record_id]});
    }
    return activity;
}

const char* to_string(MonthAdherence::Status status) {
    switch (status) {
    case MonthAdherence::Status::Met: return "met";
    case MonthAdherence::Status::Missed: return "missed";
    case MonthAdherence::Status::NoData: return "no_data";
    case MonthAdherence::Status::InProgress: return "in_progress";
    }
    return "no_data";
}

namespace {

struct DayRange {
    int64_t first, last;  // inclusive
};

// The days a report's 1:1 was overdue from `since` to `today`: after the due date of the last 1:1 (or of
// `since` when there was none before) until the day of the next one.
std::vector<DayRange> overdue_days(const ManagerActivity::Report& report, const std::string& since,
                                   const std::string& today) {
    std::string last = since;
    for (const std::string& day : report.checkins)
        if (day <= since) last = day;
    std::vector<DayRange> out;
    const int64_t end = days_from_iso(today);
    // Overdue from the day after the due date until the day before the next 1:1 (`until`, exclusive).
    auto close_gap = [&](int64_t until) {
        const int64_t due = days_from_iso(next_due(last, report.cadence, today));
        if (until > due + 1) out.push_back({due + 1, until - 1});
    };
    for (const std::string& day : report.checkins) {
        if (day <= since) continue;
        close_gap(days_from_iso(day));
        last = day;
    }
    close_gap(end + 1);
    return out;
}

int count_between(const std::vector<std::string>& days, const std::string& first, const std::string& last) {
    return int(std::count_if(days.begin(), days.end(), [&](const std::string& d) { return d >= first && d <= last; }));
}

}  // namespace

CommitmentAdherence measure_commitment(const Commitment& commitment, const std::string& since,
                                       const ManagerActivity& activity, const std::string& today) {
    CommitmentAdherence result{commitment, since, {}, 0, 0};
    if (commitment.metric.empty() || since.empty() || since > today) return result;

    std::vector<std::vector<DayRange>> overdue;
    if (commitment.metric == metric::kCheckinCadence)
        for (const auto& report : activity.reports) overdue.push_back(overdue_days(report, since, today));

    for (std::string month_start = since.substr(0, 8) + "01"; month_start <= today;
         month_start = add_months(month_start, 1)) {
        const int year = std::stoi(month_start.substr(0, 4)), month = std::stoi(month_start.substr(5, 2));
        const std::string month_end = add_days(month_start, days_in_month(year, month) - 1);
        const std::string first = std::max(since, month_start), last = std::min(today, month_end);
        const bool under_way = last == today && today < month_end;
        MonthAdherence figure;
        figure.month = month_start.substr(0, 7);
        using Status = MonthAdherence::Status;

        if (commitment.metric == metric::kCheckinCadence) {
            figure.goal = commitment.target;
            if (!activity.reports.empty()) {
                int kept = 0;
                for (const auto& ranges : overdue) {
                    const bool missed = std::any_of(ranges.begin(), ranges.end(), [&](const DayRange& r) {
                        return r.first <= days_from_iso(last) && r.last >= days_from_iso(first);
                    });
                    kept += missed ? 0 : 1;
                }
                figure.value = 100.0 * kept / double(activity.reports.size());
                // Missed days cannot be undone; kept ones could still lapse before the month ends.
                figure.status = figure.value + 1e-9 < figure.goal ? Status::Missed
                                : under_way                      ? Status::InProgress
                                                                 : Status::Met;
            }
        } else if (commitment.metric == metric::kRecognitions || commitment.metric == metric::kMentoringSessions) {
            const auto& days = commitment.metric == metric::kRecognitions ? activity.recognitions
                                                                         : activity.mentoring_sessions;
            figure.value = count_between(days, first, last);
            // A month entered mid-way (signed on the 20th) asks for its share of the target, rounded up.
            const double portion =
                double(days_from_iso(month_end) - days_from_iso(first) + 1) / days_in_month(year, month);
            figure.goal = std::ceil(commitment.target * portion - 1e-9);
            figure.status = figure.value >= figure.goal ? Status::Met : under_way ? Status::InProgress : Status::Missed;
        } else if (commitment.metric == metric::kSurveyDiscussed) {
            figure.goal = 100;
            int judged = 0, discussed = 0;
            bool pending = false;
            for (const auto& survey : activity.surveys) {
                if (survey.closed_on < first || survey.closed_on > last) continue;
                const std::string deadline = add_days(survey.closed_on, commitment.target);
                const bool on_time = !survey.first_action_on.empty() && survey.first_action_on <= deadline;
                if (!on_time && deadline >= today) {
                    pending = true;
                    continue;
                }
                ++judged;
                discussed += on_time ? 1 : 0;
            }
            if (judged > 0) {
                figure.value = 100.0 * discussed / judged;
                figure.status = discussed < judged ? Status::Missed : pending ? Status::InProgress : Status::Met;
            } else if (pending) {
                figure.status = Status::InProgress;
            }
        }
        if (figure.status == MonthAdherence::Status::Met || figure.status == MonthAdherence::Status::Missed) {
            ++result.judged;
            result.met += figure.status == MonthAdherence::Status::Met ? 1 : 0;
        }
        result.months.push_back(figure);
    }
    return result;
}

std::vector<CommitmentAdherence> agreement_adherence(const AgreementView& agreement, const ManagerActivity& activity,
                                                     const std::string& today) {
    std::vector<CommitmentAdherence> out;
    if (agreement.in_force < 0) return out;
    const auto& versions = agreement.versions;
    for (const Commitment& c : versions[size_t(agreement.in_force)].commitments) {
        if (c.metric.empty()) continue;
        // Measured from the earliest signed version that holds it, as long as every signed version since did.
        std::string since = versions[size_t(agreement.in_force)].in_force_on();
        for (int i = agreement.in_force - 1; i >= 0; --i) {
            const AgreementVersion& v = versions[size_t(i)];
            if (!v.signed_by_both()) continue;
            const bool holds = std::any_of(v.commitments.begin(), v.commitments.end(),
                                           [&](const Commitment& old) { return old.key == c.key; });
            if (!holds) break;
            since = v.in_force_on();
        }
        out.push_back(measure_commitment(c, since, activity, today));
    }
    return out;
}

bool may_ask_for_adherence(const Actor& reader) { return reader.role == Role::HrAdmin || reader.role == Role::Manager; }

bool may_read_adherence(const Actor& reader, const AgreementView& agreement) {
    return reader.role == Role::HrAdmin || reader.person_id == agreement.manager_id;
}

} // namespace tandem

namespace tandem {

Json adherence_json(const AgreementView& agreement, const std::vector<CommitmentAdherence>& adherence) {
    Json commitments = Json::array();
    for (const auto& c : adherence) {
        Json months = Json::array();
        for (const auto& m : c.months)
            months.push_back({{"month", m.month}, {"status", to_string(m.status)}, {"value", m.value}, {"goal", m.goal}});
        commitments.push_back({{"key", c.commitment.key}, {"text", c.commitment.text}, {"metric", c.commitment.metric},
                               {"target", c.commitment.target}, {"since", c.since}, {"met", c.met},
                               {"judged", c.judged}, {"months", std::move(months)}});
    }
    const bool signed_one = agreement.in_force >= 0;
    return {{"agreement_id", agreement.agreement_id},
            {"in_force_version", signed_one ? Json(agreement.versions[size_t(agreement.in_force)].number) : Json()},
            {"awaiting_signatures", agreement.awaiting_signatures()},
            {"commitments", std::move(commitments)}};
}

std::vector<CommitmentAdherence> adherence_from_json(const Json& body) {
    std::vector<CommitmentAdherence> out;
    auto list = body.find("commitments");
    if (list == body.end() || !list->is_array()) return out;
    auto text = [](const Json& object, const char* name) {
        auto it = object.find(name);
        return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    auto number = [](const Json& object, const char* name) {
        auto it = object.find(name);
        return it != object.end() && it->is_number() ? it->get<double>() : 0.0;
    };
    for (const Json& item : *list) {
        if (!item.is_object()) continue;
        CommitmentAdherence c;
        c.commitment = {text(item, "key"), text(item, "text"), text(item, "metric"), int(number(item, "target"))};
        c.since = text(item, "since");
        c.met = int(number(item, "met"));
        c.judged = int(number(item, "judged"));
        if (auto months = item.find("months"); months != item.end() && months->is_array())
            for (const Json& m : *months) {
                if (!m.is_object()) continue;
                MonthAdherence month;
                month.month = text(m, "month");
                const std::string status = text(m, "status");
                month.status = status == "met"           ? MonthAdherence::Status::Met
                               : status == "missed"      ? MonthAdherence::Status::Missed
                               : status == "in_progress" ? MonthAdherence::Status::InProgress
                                                         : MonthAdherence::Status::NoData;
                month.value = number(m, "value");
                month.goal = number(m, "goal");
                c.months.push_back(month);
            }
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace tandem
