// The analytics dashboard: the return (teams that keep their 1:1s against those that do not, on engagement,
// eNPS, psychological safety and retention), the chosen group's figures month by month, a team × figure
// heatmap, bars per team, and small multiples of each team's cadence. Survey figures the server withholds
// (too few answers, differencing) arrive as null and are drawn hatched; exits reach HR only.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/analytics/analytics.h"
#include "features/analytics/analytics_charts.h"
#include "features/partnership/partnership.h"
#include "features/surveys/survey_charts.h"
#include "tandem/base/dates.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct Dashboard {
    int months = 3;          // the period: the last 3 or 12 months up to today
    std::string group;       // what "Over time" shows; empty: the reader's default
    std::string split = "cadence";  // the return: by cadence, or "program:<id>" by a program's adoption
    std::string exporting;   // the export under way, for its button's label
    std::string message;
};
PerUser<Dashboard> dashboard;

bool is_hr(const Context& ctx) { return ctx.user().role == Role::HrAdmin; }

std::string default_group(const Context& ctx) {
    if (is_hr(ctx)) return "org";
    for (const auto& report : ctx.directory().org.reports_of(ctx.user().id))
        if (!ctx.directory().org.reports_of(report).empty()) return "tree:" + ctx.user().id;
    return "team:" + ctx.user().id;
}

std::string group_name(const Context& ctx, const std::string& group) {
    if (group == "org") return "The whole organisation";
    const std::string manager = group.substr(5);
    const std::string name = manager == ctx.user().id ? std::string("you") : ctx.directory().name_of(manager, "a manager");
    if (group.rfind("tree:", 0) == 0) return manager == ctx.user().id ? "Everyone under you" : "Everyone under " + name;
    return manager == ctx.user().id ? "Your team" : name + "'s team";
}

struct Period {
    std::string from, to;
};
Period period_of(Context& ctx) {
    const std::string today = ctx.today();
    return {add_days(add_months(today, -dashboard.months), 1), today};
}

std::string query(const Period& period) { return "from=" + period.from + "&to=" + period.to; }

std::optional<double> number(const Json& value) {
    return value.is_number() ? std::optional<double>(value.get<double>()) : std::nullopt;
}

std::string month_label(const std::string& iso) {
    static const char* names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return std::string(names[std::stoi(iso.substr(5, 2)) - 1]) + " " + iso.substr(2, 2);
}

// Draws the kept answer's state and asks for it when there is none yet; returns the body, or null.
const Json& kept(Context& ctx, const std::string& key, const std::string& path) {
    const auto& entry = ctx.figures().get(key);
    if (entry.body.is_null() && !entry.loading && entry.error.empty())
        ctx.figures().refresh(ctx.platform(), ctx.user().token, key, path, ctx.today());
    if (entry.loading && entry.body.is_null()) ui::muted("Loading…");
    if (!entry.error.empty()) ui::text_colored(ui::theme::kWarning, entry.error);
    return entry.body;
}

void export_button(Context& ctx, const char* label, const std::string& path, const std::string& file) {
    const bool busy = dashboard.exporting == path;
    if (ui::button(busy ? "Exporting…" : label) && !busy) {
        dashboard.exporting = path;
        dashboard.message.clear();
        ctx.platform().send(HttpRequest{"GET", path, "", ctx.user().token}, [&ctx, path, file](HttpResponse response) {
            if (dashboard.exporting == path) dashboard.exporting.clear();
            if (response.status != 200) {
                dashboard.message = server_error_text(response.status, response.body);
                return;
            }
            ctx.platform().save_file(file, response.body, "text/csv");
            dashboard.message = "Saved " + file + " (the export is in the audit log).";
        });
    }
}

void draw_return(Context& ctx, const Period& period) {
    ui::heading("The return: what goes with engagement and retention");
    // Split by cadence, or separately by the adoption of a program that has started.
    ui::muted("Split the teams by:");
    ImGui::SameLine();
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    auto choice = [&](const std::string& split, const std::string& label, bool first) {
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize(label.c_str()).x + 24 > right) ImGui::NewLine();
        }
        if (dashboard.split == split) ui::text_colored(ui::theme::kAccent, label);
        else if (ui::button((label + "##split-" + split).c_str())) dashboard.split = split;
    };
    choice("cadence", "1:1 cadence", true);
    choice("recognition", "Recognition", false);
    for (const auto& program : partnership_on_device().programs)
        if (!program.starts_on.empty() && program.starts_on <= ctx.today())
            choice("program:" + program.program_id, "Adoption of " + program.title, false);
    const std::string split_query = "split=" + dashboard.split + "&" + query(period);
    const std::string path = "/api/v1/analytics/return?" + split_query;
    const Json& body = kept(ctx, "analytics/return/" + dashboard.split + "/" + period.from, path);
    if (!body.is_object()) return;
    const Json& high = body["high"];
    const Json& low = body["low"];
    auto side = [](const Json& cohort) {
        const int teams = cohort.value("teams", 0), people = cohort.value("people", 0);
        return std::to_string(teams) + (teams == 1 ? " team, " : " teams, ") + std::to_string(people) +
               (people == 1 ? " person" : " people");
    };
    const std::string high_label = "At or above the median (" + side(high) + ")";
    const std::string low_label = "Below it (" + side(low) + ")";
    std::vector<charts::CohortMeasure> measures{
        {"Engagement", number(high["engagement"]), number(low["engagement"]), {0, 100, charts::decimal}},
        {"eNPS", number(high["enps"]), number(low["enps"]), {-100, 100, charts::decimal}},
        {"Psych. safety", number(high["psych_safety"]), number(low["psych_safety"]), {1, 7, charts::decimal}}};
    if (is_hr(ctx))
        measures.push_back({"Retention", number(high["retention_12m"]), number(low["retention_12m"]), {0, 1, charts::percent}});
    // With every team on one side (a manager of one team, say) the bars would compare nothing.
    if (low.value("teams", 0) > 0 && high.value("teams", 0) > 0)
        charts::cohort_bars("return", measures, high_label, low_label);
    ImGui::PushTextWrapPos(0);
    for (const auto& sentence : body["sentences"]) ui::text(sentence.get<std::string>());
    ImGui::PopTextWrapPos();
    export_button(ctx, "Export the comparison (CSV)##export-return", "/api/v1/analytics/return.csv?" + split_query,
                  "cohort-comparison.csv");
}

// One figure of a series body as a line, scaled by `scale`.
std::vector<std::optional<double>> column(const Json& body, const char* field) {
    std::vector<std::optional<double>> values;
    if (!body.is_object()) return values;
    for (const auto& point : body["points"]) values.push_back(number(point[field]));
    return values;
}

void draw_over_time(Context& ctx, const Period& monthly) {
    const std::string group = dashboard.group.empty() ? default_group(ctx) : dashboard.group;
    ui::heading("Over time: " + group_name(ctx, group));
    if (!dashboard.group.empty() && dashboard.group != default_group(ctx)) {
        if (ui::link(("Back to " + group_name(ctx, default_group(ctx)) + "##group-reset").c_str())) dashboard.group.clear();
    }
    const std::string series_path = "/api/v1/analytics/series?group=" + group + "&bucket=month&" + query(monthly);
    const Json& body = kept(ctx, "analytics/series/" + group + "/" + monthly.from, series_path);
    if (!body.is_object()) return;
    // A manager compares with the organisation's activity figures (never its survey results or exits).
    const Json* org = nullptr;
    if (group != "org") {
        const Json& org_body = kept(ctx, "analytics/series/org/" + monthly.from,
                                    "/api/v1/analytics/series?group=org&bucket=month&" + query(monthly));
        if (org_body.is_object()) org = &org_body;
    }
    std::vector<std::string> months;
    for (const auto& point : body["points"]) months.push_back(month_label(point.value("from", "")));
    auto with_org = [&](const char* field, const std::string& name) {
        std::vector<charts::Series> lines{{name, ui::theme::kAccent, column(body, field)}};
        if (org) lines.push_back({"Organisation", ImVec4(0.55f, 0.58f, 0.64f, 1), column(*org, field)});
        return lines;
    };
    const std::string short_name = group == "org" ? "Organisation" : group_name(ctx, group);

    ui::text("1:1 cadence adherence: people whose 1:1s were never overdue that month");
    charts::line_chart("cadence", months, with_org("cadence_adherence", short_name), {0, 1, charts::percent});
    ui::text("1:1s held per person");
    double most = 1;
    for (const auto& v : column(body, "checkins_per_person")) most = std::max(most, v.value_or(0));
    charts::line_chart("checkins", months, with_org("checkins_per_person", short_name), {0, std::ceil(most), charts::decimal});
    ui::text("Action items from 1:1s done by their due day");
    charts::line_chart("actions", months, with_org("action_items_on_time", short_name), {0, 1, charts::percent});
    ui::text("Feedback given and received per person; recognitions received");
    double feedback_most = 1;
    for (const char* f : {"feedback_given", "feedback_received"})
        for (const auto& v : column(body, f)) feedback_most = std::max(feedback_most, v.value_or(0));
    charts::line_chart("feedback", months,
                       {{"Given", ui::theme::kAccent, column(body, "feedback_given")},
                        {"Received", ImVec4(0.30f, 0.62f, 0.42f, 1), column(body, "feedback_received")}},
                       {0, std::ceil(feedback_most), charts::decimal}, 120);
    double recognitions_most = 1;
    for (const auto& v : column(body, "recognitions")) recognitions_most = std::max(recognitions_most, v.value_or(0));
    charts::bar_chart("recognitions", months, column(body, "recognitions"), {0, recognitions_most, charts::decimal},
                      ImVec4(0.30f, 0.62f, 0.42f, 1), 110);
    ui::text("Mentoring kept to the pair's cadence; agreement commitments met");
    charts::line_chart("partnership", months,
                       {{"Mentoring", ui::theme::kAccent, column(body, "mentoring_cadence")},
                        {"Agreements", ImVec4(0.70f, 0.45f, 0.10f, 1), column(body, "agreement_adherence")}},
                       {0, 1, charts::percent}, 120);

    // Survey rounds: the latest and the trend (null where too few answered to show).
    std::vector<std::string> rounds;
    std::vector<std::optional<double>> engagement, enps, safety;
    for (const auto& round : body["surveys"]) {
        rounds.push_back(month_label(round.value("closed_on", "")));
        engagement.push_back(number(round["engagement"]));
        enps.push_back(number(round["enps"]));
        safety.push_back(number(round["psych_safety"]));
    }
    if (!rounds.empty()) {
        char latest[160];
        std::snprintf(latest, sizeof latest, "Latest round (%s): engagement %s, eNPS %s, psychological safety %s",
                      rounds.back().c_str(), engagement.back() ? charts::decimal(*engagement.back()).c_str() : "hidden",
                      enps.back() ? charts::decimal(*enps.back()).c_str() : "hidden",
                      safety.back() ? charts::decimal(*safety.back()).c_str() : "hidden");
        ui::text(latest);
        charts::line_chart("engagement", rounds, {{"Engagement (0-100)", ui::theme::kAccent, engagement},
                                                  {"eNPS (-100..100)", ImVec4(0.70f, 0.45f, 0.10f, 1), enps}},
                           {-100, 100, charts::decimal}, 130);
        charts::line_chart("safety", rounds, {{"Psychological safety (1-7)", ImVec4(0.30f, 0.62f, 0.42f, 1), safety}},
                           {1, 7, charts::decimal}, 110);
    } else {
        ui::muted(group == "org" && !is_hr(ctx) ? "Survey results of the whole organisation are HR's to read."
                                                 : "No survey round closed in this period.");
    }
    if (is_hr(ctx)) {
        ui::text("Exits (imported from the HRIS): all, and voluntary");
        std::vector<charts::Series> exits{{"Exits", ImVec4(0.75f, 0.20f, 0.20f, 1), column(body, "exits")},
                                          {"Voluntary", ImVec4(0.96f, 0.60f, 0.30f, 1), column(body, "voluntary_exits")}};
        double most_exits = 1;
        for (const auto& v : exits[0].values) most_exits = std::max(most_exits, v.value_or(0));
        charts::line_chart("exits", months, exits, {0, std::ceil(most_exits), charts::decimal}, 110);
        ui::text("12-month retention at each month's end");
        charts::line_chart("retention", months, {{short_name, ui::theme::kAccent, column(body, "retention_12m")}},
                           {0, 1, charts::percent}, 110);
    }
    export_button(ctx, "Export these figures (CSV)##export-series", "/api/v1/analytics/series.csv?group=" + group +
                  "&bucket=month&" + query(monthly), "figures-over-time.csv");
}

void draw_teams(Context& ctx, const Period& period) {
    ui::heading("Teams");
    const Json& body = kept(ctx, "analytics/teams/" + period.from, "/api/v1/analytics/teams?" + query(period));
    if (!body.is_object()) return;
    // Sorted by name once per answer, not per frame; an organisation of thousands of teams shows the first
    // kMostTeams here (every team is in the export).
    constexpr size_t kMostTeams = 40;
    static const Json* sorted_for = nullptr;
    static PerUser<std::string> sorted_on;
    static PerUser<std::vector<size_t>> order;  // indices, not pointers: a refresh replaces the array in place
    const std::string stamp = ctx.figures().get("analytics/teams/" + period.from).fetched_on + period.from +
                              std::to_string(body["teams"].size());
    if (sorted_for != &body || sorted_on != stamp) {
        const Json& all = body["teams"];
        order.resize(all.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            return ctx.directory().name_of(all[a]["manager_id"], "") < ctx.directory().name_of(all[b]["manager_id"], "");
        });
        sorted_for = &body;
        sorted_on = stamp;
    }
    std::vector<Json> teams;
    for (size_t i = 0; i < order.size() && i < kMostTeams; ++i)
        if (order[i] < body["teams"].size()) teams.push_back(body["teams"][order[i]]);
    if (teams.empty()) return ui::muted("No team to show: figures are per manager with reports.");
    if (order.size() > kMostTeams)
        ui::muted("The first " + std::to_string(kMostTeams) + " of " + std::to_string(order.size()) +
                  " teams by name; the export holds every one.");
    auto team_label = [&](const Json& team) {
        const std::string id = team["manager_id"];
        return id == ctx.user().id ? std::string("Your team") : ctx.directory().name_of(id, "A manager") + "'s team";
    };
    // Team × figure: each on 0..100 (eNPS and psychological safety rescaled, as on the survey heatmap).
    std::vector<charts::HeatmapRow> rows;
    for (const auto& team : teams) {
        auto scaled = [&](const char* field, double low, double high) -> std::optional<double> {
            auto value = number(team[field]);
            return value ? std::optional<double>((*value - low) / (high - low) * 100) : std::nullopt;
        };
        rows.push_back({team["manager_id"], team_label(team) + " (" + std::to_string(team.value("headcount", 0)) + ")",
                        {scaled("cadence_adherence", 0, 1), scaled("engagement", 0, 100), scaled("enps", -100, 100),
                         scaled("psych_safety", 1, 7)}});
    }
    if (auto clicked = charts::heatmap("team-heatmap", {"1:1 cadence", "Engagement", "eNPS", "Psych. safety"}, rows))
        dashboard.group = "team:" + rows[*clicked].id;
    ui::muted("Select a team to see its figures over time above.");

    std::vector<std::string> labels;
    std::vector<std::optional<double>> checkins;
    for (const auto& team : teams) {
        labels.push_back(ctx.directory().name_of(team["manager_id"], "?").substr(0, 12));
        checkins.push_back(number(team["checkins"]));
    }
    ui::text("1:1s held in the period, per team");
    double most = 1;
    for (const auto& v : checkins) most = std::max(most, v.value_or(0));
    charts::bar_chart("team-checkins", labels, checkins, {0, most, charts::decimal}, ui::theme::kAccent, 120);

    // The figures as numbers, one line per team.
    for (const auto& team : teams) {
        auto text = [](const Json& value, bool share) {
            if (!value.is_number()) return std::string("—");
            return share ? charts::percent(value.get<double>()) : charts::decimal(value.get<double>());
        };
        std::string line = team_label(team) + ": " + std::to_string(team.value("headcount", 0)) + " people · cadence " +
                           text(team["cadence_adherence"], true) + " · " + text(team["checkins"], false) +
                           " 1:1s · feedback given " + text(team["feedback_given"], false) + " per person · recognitions " +
                           text(team["recognitions"], false);
        if (is_hr(ctx))
            line += " · exits " + text(team["exits"], false) + " (" + text(team["voluntary_exits"], false) +
                    " voluntary) · retention " + text(team["retention_12m"], true);
        ImGui::PushTextWrapPos(0);
        ui::text(line);
        ImGui::PopTextWrapPos();
    }
    export_button(ctx, "Export team figures (CSV)##export-teams", "/api/v1/analytics/teams.csv?" + query(period),
                  "team-figures.csv");
}

void draw_small_multiples(Context& ctx, const Period& period, const Period& monthly) {
    const std::string key = "analytics/teams/" + period.from;
    const Json& teams = ctx.figures().get(key).body;
    if (!teams.is_object() || teams["teams"].empty()) return;
    ui::heading("Each team's cadence, month by month");
    const float avail = ImGui::GetContentRegionAvail().x, cell = std::max(220.0f, std::min(300.0f, avail / 3 - 8));
    const int per_row = std::max(1, int(avail / (cell + 8)));
    int shown = 0;
    for (const auto& team : teams["teams"]) {
        if (shown == 12) {
            ui::muted("12 of " + std::to_string(teams["teams"].size()) + " teams shown.");
            break;
        }
        const std::string manager = team["manager_id"];
        const std::string group = "team:" + manager;
        const Json& body = kept(ctx, "analytics/series/" + group + "/" + monthly.from,
                                "/api/v1/analytics/series?group=" + group + "&bucket=month&" + query(monthly));
        if (!body.is_object()) continue;
        if (shown % per_row) ImGui::SameLine(0, 8);
        std::vector<std::string> months;
        for (const auto& point : body["points"]) months.push_back(month_label(point.value("from", "")));
        charts::sparkline(("multiple-" + manager).c_str(),
                          manager == ctx.user().id ? "Your team" : ctx.directory().name_of(manager, "A manager"), months,
                          column(body, "cadence_adherence"), {0, 1, charts::percent}, cell);
        ++shown;
    }
}

}  // namespace

void draw_analytics_screen(Context& ctx) {
    ui::heading(is_hr(ctx) ? "People analytics" : "Your teams' figures");
    for (int months : {3, 12}) {
        const std::string label = "Last " + std::to_string(months) + " months##period-" + std::to_string(months);
        if (months != 3) ImGui::SameLine();
        if (dashboard.months == months) ui::text_colored(ui::theme::kAccent, "Last " + std::to_string(months) + " months");
        else if (ui::button(label.c_str())) dashboard.months = months;
    }
    ImGui::SameLine(0, 24);
    const Period period = period_of(ctx);
    // Series always span 12 months, so the trend is there whichever period the tables use.
    const Period monthly{add_days(add_months(ctx.today(), -12), 1), ctx.today()};
    if (ui::button("Refresh##analytics-refresh")) {
        ctx.figures().refresh(ctx.platform(), ctx.user().token, "analytics/return/" + dashboard.split + "/" + period.from,
                              "/api/v1/analytics/return?split=" + dashboard.split + "&" + query(period), ctx.today());
        ctx.figures().refresh(ctx.platform(), ctx.user().token, "analytics/teams/" + period.from,
                              "/api/v1/analytics/teams?" + query(period), ctx.today());
        const std::string group = dashboard.group.empty() ? default_group(ctx) : dashboard.group;
        ctx.figures().refresh(ctx.platform(), ctx.user().token, "analytics/series/" + group + "/" + monthly.from,
                              "/api/v1/analytics/series?group=" + group + "&bucket=month&" + query(monthly), ctx.today());
    }
    const auto& fetched = ctx.figures().get("analytics/teams/" + period.from);
    if (!fetched.fetched_on.empty()) {
        ImGui::SameLine();
        ui::muted("As of " + ctx.date_text(fetched.fetched_on) + (ctx.platform().online() ? "" : " · kept on this device"));
    }
    if (!dashboard.message.empty()) ui::text_colored(ui::theme::kMuted, dashboard.message);
    ImGui::PushTextWrapPos(0);
    ui::muted(is_hr(ctx) ? "Figures per team are a manager's direct reports; survey figures follow the anonymity "
                           "rules, and a hatched cell was too small to show."
                         : "Your own teams only; the grey lines are the organisation's figures. Survey figures "
                           "follow the anonymity rules.");
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    draw_return(ctx, period);
    ImGui::Separator();
    draw_teams(ctx, period);
    ImGui::Separator();
    draw_over_time(ctx, monthly);
    ImGui::Separator();
    draw_small_multiples(ctx, period, monthly);
}

}  // namespace tandem::client
