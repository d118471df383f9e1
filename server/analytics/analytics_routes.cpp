// People analytics (docs/api.md, People analytics): the team figures as JSON and CSV, a group's figures over
// time, and the cohort comparison ("the return"). Who sees what: HR every team; a manager their own team and
// the teams of their tree, plus the organisation's activity figures to compare with (never its survey results,
// which docs/api.md, Survey results, keeps from managers); exits and retention for HR only. Survey indices
// follow those results rules for the same reader.

#include <chrono>
#include <cstdio>
#include <thread>

#include "analytics/analytics_index.h"
#include "analytics/analytics_surveys.h"
#include "analytics/survey_index_cache.h"
#include "store/audit_log.h"
#include "analytics/analytics_routes.h"
#include "auth/route_table.h"
#include "auth/server_context.h"
#include "http/http_helpers.h"
#include "tandem/partnership/agreements.h"
#include "tandem/analytics/analytics_access.h"
#include "tandem/analytics/cohorts.h"
#include "tandem/base/csv.h"
#include "tandem/base/dates.h"
#include "tandem/partnership/program_views.h"
#include "tandem/surveys/survey_results.h"

namespace tandem::server {

namespace {

using analytics::Day;

constexpr Day kLongestPeriod = 10 * 366;  // ten years: bounds the work one request can ask for
constexpr size_t kMostPoints = 600;

// The team row's fields, in the order docs/api.md, People analytics, gives them (the CSV header too).
const std::vector<std::string> kTeamColumns{"manager_id", "headcount", "cadence_adherence", "checkins",
                                            "feedback_given", "recognitions", "exits", "voluntary_exits",
                                            "retention_12m", "engagement", "enps", "psych_safety"};
const std::vector<std::string> kPointColumns{
    "from", "to", "headcount", "cadence_adherence", "checkins", "checkins_per_person", "feedback_given",
    "feedback_received", "recognitions", "action_items_on_time", "mentoring_cadence", "agreement_adherence",
    "exits", "voluntary_exits", "retention_12m"};

Json number_or_null(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

struct Period {
    Day from = 0, to = 0;
};

// from and to: required inclusive dates, from not after to.
std::optional<Period> parse_period(const httplib::Request& request, httplib::Response& response) {
    const Day from = analytics::day_of(request.get_param_value("from"));
    const Day to = analytics::day_of(request.get_param_value("to"));
    if (from < 0 || to < 0) {
        send_error(response, 400, "invalid_parameter", "Give `from` and `to` as dates, YYYY-MM-DD.");
        return std::nullopt;
    }
    if (from > to) {
        send_error(response, 400, "invalid_parameter", "`from` must not be after `to`.");
        return std::nullopt;
    }
    if (to - from > kLongestPeriod) {
        send_error(response, 400, "invalid_parameter", "A period may be at most ten years long.");
        return std::nullopt;
    }
    return Period{from, to};
}

// Who may read analytics at all, and whether the figures are there yet (after a restart the server folds its
// whole change log first). False when an error was sent.
bool may_read_analytics(const Actor& actor, const AnalyticsIndex& index, httplib::Response& response) {
    if (!analytics::may_read_analytics(actor)) {
        send_error(response, 403, "forbidden", "People analytics are for HR and managers.");
        return false;
    }
    if (!index.wait_ready(std::chrono::seconds(3))) {
        response.set_header("Retry-After", "30");
        send_error(response, 503, "not_ready", "The server is still preparing the figures after a restart; try again in a minute.");
        return false;
    }
    return true;
}

// Months of agreement adherence, met or missed, of the managers whose agreement is in force.
using MonthsJudged = std::vector<std::pair<std::string, bool>>;  // "YYYY-MM", met
std::unordered_map<std::string, MonthsJudged> agreement_months(Store& store, const OrgChart& org,
                                                               const std::string& today) {
    std::unordered_map<std::string, MonthsJudged> out;
    for (const AgreementView& agreement : agreement_views(store)) {
        if (agreement.in_force < 0) continue;
        const ManagerActivity activity = manager_activity(store, agreement.manager_id, today, &org);
        auto& months = out[agreement.manager_id];
        for (const auto& commitment : agreement_adherence(agreement, activity, today))
            for (const auto& month : commitment.months)
                if (month.status == MonthAdherence::Status::Met || month.status == MonthAdherence::Status::Missed)
                    months.push_back({month.month, month.status == MonthAdherence::Status::Met});
    }
    return out;
}

analytics::Share agreement_share(const std::unordered_map<std::string, MonthsJudged>& months,
                                 const std::vector<std::string>& leaders, Day from, Day to) {
    analytics::Share share;
    const std::string first = analytics::iso_of(from).substr(0, 7), last = analytics::iso_of(to).substr(0, 7);
    for (const auto& leader : leaders) {
        auto it = months.find(leader);
        if (it == months.end()) continue;
        for (const auto& [month, met] : it->second)
            if (month >= first && month <= last) {
                ++share.whole;
                share.part += met ? 1 : 0;
            }
    }
    return share;
}

// Each team's indices from the latest closed survey that invited it, as the reader (root) may see them.
std::vector<ShownIndices> latest_team_indices(Store& store, SurveyIndexCache& cache,
                                              const std::shared_ptr<const OrgChart>& org_chart,
                                              const std::vector<std::string>& managers, const std::string& root,
                                              const std::string& today) {
    const OrgChart& org = *org_chart;
    std::vector<ShownIndices> indices(managers.size());
    std::vector<char> decided(managers.size(), 0);
    for (const auto& survey : closed_surveys(store, today)) {
        std::vector<std::string> groups;
        std::vector<size_t> at;
        for (size_t i = 0; i < managers.size(); ++i)
            if (!decided[i] && survey_invites_team(survey.audience, managers[i], org)) {
                groups.push_back(survey::team_group(managers[i]));
                at.push_back(i);
                decided[i] = 1;
            }
        if (groups.empty()) continue;
        const auto shown = cache.indices(store, org_chart, survey.survey_id, root, groups);
        for (size_t k = 0; k < at.size(); ++k) indices[at[k]] = shown[k];
    }
    return indices;
}

class AnalyticsRoutes {
public:
    explicit AnalyticsRoutes(ServerContext& server)
        : server_(server), analytics_(server.databases, server.options.analytics_snapshot_every) {
        // Two independent starts, one per thread, so the first figures wait for the longer of them rather
        // than both: HR's survey indices need no ledger, and the ledger needs no survey.
        survey_warm_up_ = std::thread([this] {
            const auto started = std::chrono::steady_clock::now();
            const size_t teams = warm_hr_team_indices();
            std::fprintf(stderr, "tandem-server: HR's survey indices of %zu teams decided in %.2f s\n", teams,
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        });
        analytics_warm_up_ = std::thread([this] {
            server_.databases.read([this](Store& store) {
                return analytics_.with_ledger(store, [](const analytics::ActivityLedger&) { return 0; });
            });
        });
    }
    ~AnalyticsRoutes() {
        if (survey_warm_up_.joinable()) survey_warm_up_.join();
        if (analytics_warm_up_.joinable()) analytics_warm_up_.join();
    }

    void add_to(RouteTable& routes) {
        auto teams = [this](const httplib::Request& request, httplib::Response& response, const Actor& actor, bool csv) {
            if (!may_read_analytics(actor, analytics_, response)) return;
            auto period = parse_period(request, response);
            if (!period) return;
            auto org = server_.org_chart();
            const bool exits = analytics::may_read_exits(actor);
            const std::string today = iso_from_millis(uint64_t(now_millis()));
            Json rows = server_.databases.read([&](Store& store) {
                const auto managers = analytics::visible_teams(actor, *org);
                const auto indices =
                    latest_team_indices(store, survey_indices_, org, managers, analytics::survey_root_for(actor), today);
                Json out = Json::array();
                analytics_.with_ledger(store, [&](const analytics::ActivityLedger& ledger) {
                    for (size_t i = 0; i < managers.size(); ++i) {
                        const auto figures = figures_of(ledger, org->reports_of(managers[i]), period->from, period->to);
                        Json row = Json::object();
                        row["manager_id"] = managers[i];
                        row["headcount"] = figures.headcount;
                        row["cadence_adherence"] = number_or_null(figures.cadence.value());
                        row["checkins"] = figures.checkins;
                        row["feedback_given"] = number_or_null(figures.per_head(figures.feedback_given));
                        row["recognitions"] = figures.recognitions;
                        row["exits"] = exits ? Json(figures.exits) : Json(nullptr);
                        row["voluntary_exits"] = exits ? Json(figures.voluntary_exits) : Json(nullptr);
                        row["retention_12m"] = exits ? number_or_null(figures.retention.value()) : Json(nullptr);
                        row["engagement"] = number_or_null(indices[i].engagement);
                        row["enps"] = number_or_null(indices[i].enps);
                        row["psych_safety"] = number_or_null(indices[i].psych_safety);
                        out.push_back(std::move(row));
                    }
                    return 0;
                });
                return out;
            });
            if (!csv) return send_json(response, 200, Json{{"teams", std::move(rows)}});
            send_export(request, response, actor, csv_table(kTeamColumns, rows), "team-figures.csv",
                        Json{{"export", "teams"}, {"rows", rows.size()}});
        };
        routes.session_route("GET", "/api/v1/analytics/teams", 0,
                      [teams](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                              const std::string&) { teams(request, response, actor, false); });
        routes.session_route("GET", "/api/v1/analytics/teams.csv", 0,
                      [teams](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                              const std::string&) { teams(request, response, actor, true); });

        auto series = [this](const httplib::Request& request, httplib::Response& response, const Actor& actor, bool csv) {
            analytics_series(request, response, actor, csv);
        };
        routes.session_route("GET", "/api/v1/analytics/series", 0,
                      [series](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                               const std::string&) { series(request, response, actor, false); });
        routes.session_route("GET", "/api/v1/analytics/series.csv", 0,
                      [series](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                               const std::string&) { series(request, response, actor, true); });

        auto comparison = [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                                 bool csv) { analytics_return(request, response, actor, csv); };
        routes.session_route("GET", "/api/v1/analytics/return", 0,
                      [comparison](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                                   const std::string&) { comparison(request, response, actor, false); });
        routes.session_route("GET", "/api/v1/analytics/return.csv", 0,
                      [comparison](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                                   const std::string&) { comparison(request, response, actor, true); });
    }

private:
    // HR's indices of every team, decided at start, so HR's first team figures find them in the cache (a
    // first request arriving meanwhile waits for them rather than decide them again). Returns the teams.
    size_t warm_hr_team_indices() {
        try {
            auto org = server_.org_chart();
            const Actor hr{"", Role::HrAdmin};
            const std::string today = iso_from_millis(uint64_t(now_millis()));
            return server_.databases.read([&](Store& store) {
                return latest_team_indices(store, survey_indices_, org, analytics::visible_teams(hr, *org),
                                           analytics::survey_root_for(hr), today)
                    .size();
            });
        } catch (const std::exception& error) {  // only the first request is slower
            std::fprintf(stderr, "tandem-server: warming the survey indices failed: %s\n", error.what());
            return 0;
        }
    }
    void analytics_series(const httplib::Request& request, httplib::Response& response, const Actor& actor, bool csv);
    void analytics_return(const httplib::Request& request, httplib::Response& response, const Actor& actor, bool csv);
    void send_export(const httplib::Request& request, httplib::Response& response, const Actor& actor, const std::string& csv, const std::string& file_name, Json details);

    ServerContext& server_;
    AnalyticsIndex analytics_;
    SurveyIndexCache survey_indices_;
    std::thread survey_warm_up_;     // decides HR's survey indices once at start
    std::thread analytics_warm_up_;  // folds the change log once at start, so the first figures come quickly
};


void AnalyticsRoutes::analytics_series(const httplib::Request& request, httplib::Response& response, const Actor& actor,
                                    bool csv) {
    if (!may_read_analytics(actor, analytics_, response)) return;
    auto period = parse_period(request, response);
    if (!period) return;
    const std::string bucket_name = request.has_param("bucket") ? request.get_param_value("bucket") : "month";
    if (bucket_name != "month" && bucket_name != "week")
        return send_error(response, 400, "invalid_parameter", "`bucket` is month or week.");
    const auto spans =
        analytics::buckets(period->from, period->to, bucket_name == "week" ? analytics::Bucket::Week : analytics::Bucket::Month);
    if (spans.size() > kMostPoints)
        return send_error(response, 400, "invalid_parameter", "Too many points: choose months or a shorter period.");
    const std::string group = request.get_param_value("group");
    auto org = server_.org_chart();
    const bool exits = analytics::may_read_exits(actor);
    const bool is_org = group == "org";
    const bool team = group.rfind("team:", 0) == 0, tree = group.rfind("tree:", 0) == 0;
    const std::string manager = team || tree ? group.substr(5) : "";
    if (!is_org && !team && !tree)
        return send_error(response, 400, "invalid_parameter", "`group` is org, team:<manager id> or tree:<manager id>.");
    if (!is_org && !may_read_team_figures(actor, manager, *org))
        return send_error(response, 403, "forbidden", "A manager sees the figures of their own tree only.");
    if (!is_org && !analytics::leads_team(*org, manager))
        return send_error(response, 404, "not_found", "There is no such group: it names no manager with a team.");
    const std::string today = iso_from_millis(uint64_t(now_millis()));

    Json body = server_.databases.read([&](Store& store) {
        std::vector<std::string> leaders;  // the group's team leaders, whose agreements count
        const auto agreements = agreement_months(store, *org, today);
        Json points = Json::array();
        analytics_.with_ledger(store, [&](const analytics::ActivityLedger& ledger) {
            // Each member's facts are found once, not once per bucket (a string lookup per person per month
            // was most of the organisation's series), and every bucket is filled in one pass over them.
            std::vector<const analytics::PersonFacts*> members, leader_facts;
            if (is_org) {
                ledger.for_each_person([&](const analytics::PersonFacts& person) {
                    if (org->knows(person.person_id)) members.push_back(&person);
                });
                for (const auto* person : members)
                    if (analytics::leads_team(*org, person->person_id)) leaders.push_back(person->person_id);
            } else {
                for (const auto& id : members_of(*org, group))
                    if (const auto* person = ledger.find(id)) members.push_back(person);
                if (team) leaders = {manager};
                else
                    for (const auto& id : org->tree_of(manager))
                        if (analytics::leads_team(*org, id)) leaders.push_back(id);
            }
            for (const auto& id : leaders)
                if (const auto* leader = ledger.find(id)) leader_facts.push_back(leader);

            std::vector<analytics::GroupFigures> figures(spans.size());
            std::vector<Day> bases(spans.size());
            for (size_t at = 0; at < spans.size(); ++at) bases[at] = analytics::year_before(spans[at].last);
            for (const auto* person : members)
                for (size_t at = 0; at < spans.size(); ++at)
                    analytics::add_person(figures[at], *person, spans[at].first, spans[at].last, bases[at]);
            for (const auto* leader : leader_facts)
                for (size_t at = 0; at < spans.size(); ++at)
                    analytics::add_leader(figures[at], *leader, spans[at].first, spans[at].last);

            for (size_t at = 0; at < spans.size(); ++at) {
                const auto& span = spans[at];
                const auto& bucket = figures[at];
                const auto agreement = agreement_share(agreements, leaders, span.first, span.last);
                Json point = Json::object();
                point["from"] = analytics::iso_of(span.first);
                point["to"] = analytics::iso_of(span.last);
                point["headcount"] = bucket.headcount;
                point["cadence_adherence"] = number_or_null(bucket.cadence.value());
                point["checkins"] = bucket.checkins;
                point["checkins_per_person"] = number_or_null(bucket.per_head(bucket.checkins));
                point["feedback_given"] = number_or_null(bucket.per_head(bucket.feedback_given));
                point["feedback_received"] = number_or_null(bucket.per_head(bucket.feedback_received));
                point["recognitions"] = bucket.recognitions;
                point["action_items_on_time"] = number_or_null(bucket.action_items.value());
                point["mentoring_cadence"] = number_or_null(bucket.mentoring.value());
                point["agreement_adherence"] = number_or_null(agreement.value());
                point["exits"] = exits ? Json(bucket.exits) : Json(nullptr);
                point["voluntary_exits"] = exits ? Json(bucket.voluntary_exits) : Json(nullptr);
                point["retention_12m"] = exits ? number_or_null(bucket.retention.value()) : Json(nullptr);
                points.push_back(std::move(point));
            }
            return 0;
        });
        // Survey rounds closed in the period that invited the group, as this reader may see them. A manager
        // reads no organisation-wide results (docs/api.md, Survey results), so their `org` series carries none.
        Json rounds = Json::array();
        if (analytics::may_read_org_survey_figures(actor) || !is_org) {
            const std::string root = analytics::survey_root_for(actor);
            const std::string survey_group = is_org ? "org" : group;
            const std::string first = analytics::iso_of(period->from), last = analytics::iso_of(period->to);
            auto surveys = closed_surveys(store, today);
            for (auto it = surveys.rbegin(); it != surveys.rend(); ++it) {
                if (it->closed_on < first || it->closed_on > last) continue;
                if (!is_org && !survey_invites_team(it->audience, manager, *org)) continue;
                if (is_org && it->audience != "org") continue;
                const auto shown = survey_indices_.indices(store, org, it->survey_id, root, {survey_group})[0];
                rounds.push_back({{"survey_id", it->survey_id}, {"title", it->title}, {"closed_on", it->closed_on},
                                  {"engagement", number_or_null(shown.engagement)},
                                  {"enps", number_or_null(shown.enps)},
                                  {"psych_safety", number_or_null(shown.psych_safety)}});
            }
        }
        return Json{{"group", group}, {"bucket", bucket_name}, {"points", std::move(points)},
                    {"surveys", std::move(rounds)}};
    });
    if (!csv) return send_json(response, 200, body);
    send_export(request, response, actor, csv_table(kPointColumns, body["points"]), "figures-over-time.csv",
                Json{{"export", "series"}, {"group", group}, {"bucket", bucket_name}, {"rows", body["points"].size()}});
}

void AnalyticsRoutes::analytics_return(const httplib::Request& request, httplib::Response& response, const Actor& actor,
                                    bool csv) {
    if (!may_read_analytics(actor, analytics_, response)) return;
    auto period = parse_period(request, response);
    if (!period) return;
    const std::string split = request.has_param("split") ? request.get_param_value("split") : "cadence";
    const bool by_program = split.rfind("program:", 0) == 0, by_recognition = split == "recognition";
    if (split != "cadence" && !by_program && !by_recognition)
        return send_error(response, 400, "invalid_parameter",
                          "`split` is cadence, recognition or program:<program id>.");
    auto org = server_.org_chart();
    const bool exits = analytics::may_read_exits(actor);
    const std::string today = iso_from_millis(uint64_t(now_millis()));
    std::optional<Json> body = server_.databases.read([&](Store& store) -> std::optional<Json> {
        const auto managers = analytics::visible_teams(actor, *org);
        std::string practice = by_recognition ? "recognitions received per person"
                                              : "1:1 cadence adherence (month by month)";
        const auto months = analytics::buckets(period->from, period->to, analytics::Bucket::Month);
        std::unordered_map<std::string, double> adoption;
        if (by_program) {
            const std::string program_id = split.substr(8);
            std::optional<ProgramView> program;
            for (ProgramView& view : program_views(store, actor.person_id))
                if (view.program_id == program_id) program = std::move(view);
            if (!program) return std::nullopt;
            practice = "adoption of " + program->title;
            // Adopted through 1:1s that use its guides or through its training sessions, whichever is more.
            for (const TeamAdoption& team : program_adoption(store, *program))
                adoption[team.manager_id] = std::max(team.checkins ? team.checkin_share() : 0.0,
                                                     team.team_size ? team.attendance_share() : 0.0);
        }
        const auto indices =
            latest_team_indices(store, survey_indices_, org, managers, analytics::survey_root_for(actor), today);
        std::vector<analytics::TeamOutcome> outcomes;
        analytics_.with_ledger(store, [&](const analytics::ActivityLedger& ledger) {
            for (size_t i = 0; i < managers.size(); ++i) {
                const auto figures = figures_of(ledger, org->reports_of(managers[i]), period->from, period->to);
                analytics::TeamOutcome team;
                team.manager_id = managers[i];
                team.headcount = figures.headcount;
                if (by_program) {
                    auto it = adoption.find(managers[i]);
                    if (it != adoption.end()) team.split = it->second;
                } else if (by_recognition) {
                    team.split = figures.per_head(figures.recognitions);
                } else {
                    std::vector<const analytics::PersonFacts*> people;
                    for (const auto& id : org->reports_of(managers[i]))
                        if (const auto* person = ledger.find(id)) people.push_back(person);
                    team.split = analytics::cadence_by_month(people, months).value();
                }
                team.engagement = indices[i].engagement;
                team.enps = indices[i].enps;
                team.psych_safety = indices[i].psych_safety;
                if (exits) team.retention = figures.retention;
                outcomes.push_back(std::move(team));
            }
            return 0;
        });
        const auto comparison = analytics::compare_cohorts(outcomes, practice, !by_recognition);
        auto cohort_json = [&](const analytics::Cohort& cohort) {
            return Json{{"teams", cohort.teams}, {"people", cohort.people},
                        {"teams_with_survey", cohort.teams_with_survey},
                        {"engagement", number_or_null(cohort.engagement)}, {"enps", number_or_null(cohort.enps)},
                        {"psych_safety", number_or_null(cohort.psych_safety)},
                        {"retention_12m", exits ? number_or_null(cohort.retention) : Json(nullptr)}};
        };
        auto difference = [](const std::optional<double>& a, const std::optional<double>& b) {
            return a && b ? Json(*a - *b) : Json(nullptr);
        };
        Json teams = Json::array();
        for (const auto& team : outcomes) {
            const char* cohort = !team.split || team.headcount == 0 ? "none"
                                 : *team.split >= comparison.threshold.value_or(0) ? "high" : "low";
            const std::string* name = org->name_of(team.manager_id);
            teams.push_back({{"manager_id", team.manager_id}, {"manager_name", name ? *name : ""},
                             {"cohort", cohort}, {"split", number_or_null(team.split)}, {"headcount", team.headcount},
                             {"engagement", number_or_null(team.engagement)}, {"enps", number_or_null(team.enps)},
                             {"psych_safety", number_or_null(team.psych_safety)},
                             {"retention_12m", exits ? number_or_null(team.retention.value()) : Json(nullptr)}});
        }
        return Json{{"split", split},
                    {"practice", comparison.practice},
                    {"threshold", number_or_null(comparison.threshold)},
                    {"high", cohort_json(comparison.high)},
                    {"low", cohort_json(comparison.low)},
                    {"difference",
                     {{"engagement", difference(comparison.high.engagement, comparison.low.engagement)},
                      {"enps", difference(comparison.high.enps, comparison.low.enps)},
                      {"psych_safety", difference(comparison.high.psych_safety, comparison.low.psych_safety)},
                      {"retention_12m", exits ? difference(comparison.high.retention, comparison.low.retention)
                                           : Json(nullptr)}}},
                    {"sentences", comparison.sentences},
                    {"teams", std::move(teams)}};
    });
    if (!body) return send_error(response, 404, "not_found", "There is no such program.");
    if (!csv) return send_json(response, 200, *body);
    send_export(request, response, actor,
                csv_table({"manager_id", "manager_name", "cohort", "split", "headcount", "engagement", "enps",
                        "psych_safety", "retention_12m"},
                       (*body)["teams"]),
                "cohort-comparison.csv", Json{{"export", "return"}, {"split", split}, {"rows", (*body)["teams"].size()}});
}

// A CSV download, audited as `analytics.export` with the caller as actor and the period asked for.
void AnalyticsRoutes::send_export(const httplib::Request& request, httplib::Response& response, const Actor& actor,
                               const std::string& csv, const std::string& file_name, Json details) {
    details["from"] = request.get_param_value("from");
    details["to"] = request.get_param_value("to");
    server_.databases.write([&](Store& store) {
        record_audit(store, actor.person_id, "analytics.export", std::nullopt, details, now_millis() / 1000);
    });
    response.status = 200;
    response.set_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
    response.set_content(csv, "text/csv; charset=utf-8");
}

}  // namespace

void add_analytics_routes(RouteTable& routes, ServerContext& server) {
    routes.keep(std::make_shared<AnalyticsRoutes>(server)).add_to(routes);
}

} // namespace tandem::server
