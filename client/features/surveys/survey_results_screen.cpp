// Results of one survey for one group at a time, as the server judged them for this reader: the indices,
// a heatmap of the groups inside by theme, the trend across rounds, each question's answers and comments.
// Managers plan actions on what they read. A copy is kept on the device for reading offline.
#include <algorithm>
#include <cstdio>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "ui/person_picker.h"
#include "features/surveys/survey_charts.h"
#include "features/surveys/survey_client.h"
#include "features/surveys/surveys.h"
#include "tandem/base/dates.h"
#include "tandem/sync/entity.h"
#include "tandem/surveys/survey_results.h"
#include "ui/date_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

std::string number(double value, const char* format = "%.1f") {
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

// Fetches once per survey and group shown (and on Refresh), so moving around stays cheap offline.
void keep_fresh(Context& ctx, const std::string& survey_id, const std::string& group) {
    static PerUser<std::string> asked;
    const std::string key = survey_id + "|" + group + "|" + ctx.user().id;
    if (asked == key) return;
    asked = key;
    survey_client().refresh(ctx.figures(), ctx.platform(), ctx.user().token, survey_id, group, ctx.today());
}

// A session's results are read by HR and by the person who ran it.
bool reads_session(Context& ctx, const SurveyView& survey) {
    if (survey.training_session_id.empty()) return false;
    if (ctx.user().role == Role::HrAdmin) return true;
    const auto* session = surveys_on_device().find_session(survey.training_session_id);
    return session && session->facilitator_id == ctx.user().id;
}

void draw_group_choice(Context& ctx, const SurveyView& survey, const std::string& group) {
    const bool hr = ctx.user().role == Role::HrAdmin;
    std::string& chosen = survey_client().group;
    auto choice = [&](const std::string& target, const char* label) {
        if (chosen == target) ui::text_colored(ui::theme::kAccent, std::string(label).substr(0, std::string(label).find("##")));
        else if (ui::link(label)) chosen = target;
        ImGui::SameLine(0, 18);
    };
    if (reads_session(ctx, survey)) choice("session:" + survey.training_session_id, "The session##group-session");
    if (hr) choice("org", "Whole organisation##group-org");
    else {
        choice("team:" + ctx.user().id, "My team##group-team");
        choice("tree:" + ctx.user().id, "Everyone under me##group-tree");
    }
    // Up one level, as far as this reader may go.
    std::string parent;
    if (group.rfind("team:", 0) == 0) parent = "tree:" + group.substr(5);
    else if (group.rfind("tree:", 0) == 0) {
        const std::string boss = ctx.directory().org.manager_of(group.substr(5));
        parent = boss.empty() ? (hr ? "org" : "") : "tree:" + boss;
    }
    const bool may_go_up = !parent.empty() && (hr || group != "tree:" + ctx.user().id) && parent != group;
    if (may_go_up && ui::link("Up a level##group-up")) chosen = parent;
    ImGui::NewLine();
}

void draw_status(const Json& body) {
    const std::string status = body.value("status", "");
    const std::string n = std::to_string(body.value("min_group_size", 5));
    if (status == "no_data") ui::muted("No answers yet.");
    else if (status == "below_threshold")
        ui::text_colored(ui::theme::kWarning,
                         "Not enough answers to show this group: fewer than " + n +
                             " people answered, or showing it would reveal a smaller group's answers.");
    else ui::text(std::to_string(body.value("respondents", 0)) + " people answered.");
}

void draw_indices(const Json& body) {
    const Json indices = body.value("indices", Json::object());
    struct Shown {
        const char* key;
        const char* label;
        const char* scale;
    };
    const Shown shown[] = {{"engagement", "Engagement", "of 100"},
                           {"enps", "eNPS", "-100 to 100"},
                           {"psych_safety", "Psychological safety", "of 7"}};
    bool any = false;
    for (const auto& index : shown) {
        const Json value = indices.value(index.key, Json());
        if (!value.is_number()) continue;
        if (any) ImGui::SameLine(0, 40);
        any = true;
        ImGui::BeginGroup();
        ui::muted(index.label);
        ImGui::PushFont(ui::theme::heading_font());
        ui::text(number(value.get<double>(), index.key == std::string("psych_safety") ? "%.2f" : "%.0f"));
        ImGui::PopFont();
        ui::muted(index.scale);
        ImGui::EndGroup();
    }
}

void draw_heatmap(Context& ctx, const SurveyView& survey, const Json& body) {
    const Json children = body.value("children", Json::array());
    const auto themes = survey.themes();
    if (children.empty() || themes.empty()) return;
    std::vector<std::string> columns;
    for (const auto& theme : themes) columns.push_back(theme_label(theme));
    std::vector<charts::HeatmapRow> rows;
    for (const auto& child : children) {
        charts::HeatmapRow row{child.value("group", ""), group_label(ctx, child.value("group", "")), {}};
        for (const auto& theme : themes) row.cells.push_back(survey::theme_score(child, survey.questions, theme));
        rows.push_back(std::move(row));
    }
    ui::heading("Groups inside, by theme");
    if (auto clicked = charts::heatmap("heatmap", columns, rows)) survey_client().group = rows[*clicked].id;
}

// Closed rounds only: an open round's scores are not released, and would move with every answer.
void draw_trend(Context& ctx, const SurveyView& survey, const std::string& group) {
    std::vector<const SurveyView*> rounds;
    for (const auto* round : surveys_on_device().rounds_of(survey.series()))
        if (round->phase(ctx.today()) == "closed") rounds.push_back(round);
    if (rounds.size() < 2) return;
    std::vector<std::string> labels;
    std::vector<std::optional<double>> engagement;
    for (const auto* round : rounds) {
        labels.push_back("R" + std::to_string(round->round));
        const auto& kept = survey_client().results(ctx.figures(), round->survey_id, group);
        if (kept.body.is_null() && !kept.loading && kept.error.empty())
            survey_client().refresh(ctx.figures(), ctx.platform(), ctx.user().token, round->survey_id, group, ctx.today());
        engagement.push_back(survey::theme_score(kept.body, round->questions, "engagement"));
    }
    ui::heading("Engagement across rounds");
    charts::trend_line("trend", labels, engagement, 0, 100);
}

void draw_questions(const SurveyView& survey, const Json& body) {
    ui::heading("Questions");
    for (const auto& item : body.value("questions", Json::array())) {
        auto question = std::find_if(survey.questions.begin(), survey.questions.end(),
                                     [&](const auto& q) { return q.id == item.value("question_id", ""); });
        if (question == survey.questions.end()) continue;
        ImGui::PushID(question->id.c_str());
        ImGui::Separator();
        ui::text(question->text);
        const std::string status = item.value("status", "");
        if (status == "no_data") ui::muted("Nobody answered this question.");
        else if (status == "below_threshold") ui::muted("Too few answers to show.");
        else {
            std::string line = std::to_string(item.value("n", 0)) + " answers";
            if (item["mean"].is_number()) line += " · mean " + number(item["mean"].get<double>(), "%.2f");
            ui::muted(line);
            if (item["distribution"].is_object()) {
                std::vector<std::pair<std::string, long long>> counts;
                for (const auto& value : survey::value_keys(*question))
                    counts.push_back({value, item["distribution"].value(value, 0LL)});
                charts::distribution_bar("distribution", counts);
            }
            if (item["comments"].is_array()) {
                for (const auto& comment : item["comments"]) ui::text("“" + comment.get<std::string>() + "”");
            } else if (question->kind == survey::Kind::Text) {
                ui::muted("Comments are shown only when at least " +
                          std::to_string(body.value("min_comment_group_size", 5)) + " people wrote one.");
            }
        }
        ImGui::PopID();
    }
}

// While the survey is open the server answers participation only: scores that moved with each answer
// would let a reader work out the last person's answers by reading before and after.
void draw_not_released(Context& ctx, const SurveyView& survey, const std::string& group) {
    ui::muted("Scores and comments are released when this survey closes" +
              (survey.closes_on.empty() ? std::string(".") : " (" + ctx.date_text(survey.closes_on) + ").") +
              " Until then only the number of people who answered is shown.");
    ImGui::Spacing();
    draw_trend(ctx, survey, group);
}

// Managers commit actions on what they read; they reach the owner's next 1:1 and the home screen.
void draw_action_planning(Context& ctx, const SurveyView& survey) {
    ui::heading("Action plan");
    for (const auto& action : surveys_on_device().actions) {
        if (action.survey_id != survey.survey_id || action.manager_id != ctx.user().id) continue;
        ImGui::PushID(action.action_id.c_str());
        std::string line = action.title + " — " + ctx.directory().name_of(action.owner_id, "someone") + " · due " +
                           ctx.date_text(action.due_on) + " · " + action.status;
        if (!action.focus_label.empty()) line += " · focus: " + action.focus_label;
        if (action.overdue(ctx.today())) ui::text_colored(ui::theme::kOverdue, line + " (overdue)");
        else ui::text(line);
        if (action.status == "planned") {
            ImGui::SameLine();
            if (ui::link("Start##action-start")) set_action_status(ctx, action, "in_progress");
        }
        if (!action.done()) {
            ImGui::SameLine();
            if (ui::link("Done##action-done")) set_action_status(ctx, action, "done");
        }
        ImGui::PopID();
    }
    static PerUser<std::string> focus, focus_label, title, owner, due_on;
    static PerUser<ui::DateFieldState> due_field;
    // Focus areas: the survey's themes, then its questions.
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 480.0f));
    if (ImGui::BeginCombo("Focus##action-focus", focus_label.empty() ? "Choose a theme or question" : focus_label.c_str())) {
        auto option = [&](const std::string& key, const std::string& label, const std::string& id) {
            if (ImGui::Selectable((label + "##" + id).c_str())) {
                focus = key;
                focus_label = label;
            }
            ui::remember(id.c_str(), label, "option");
        };
        for (const auto& theme : survey.themes()) option(theme, "Theme: " + theme_label(theme), "focus-theme:" + theme);
        for (const auto& question : survey.questions) option(question.id, question.text, "focus-question:" + question.id);
        ImGui::EndCombo();
    }
    ui::remember("action-focus", focus_label, "combo");
    ImGui::SetNextItemWidth(-1);
    ui::input_text("##action-title", title, "What will be done, for example: a team retrospective on workload");
    if (owner.empty()) owner = ctx.user().id;
    std::vector<PersonChoice> owners{{ctx.user().id, ctx.user().name + " (me)", ""}};
    for (const auto& report : ctx.directory().org.reports_of(ctx.user().id))
        owners.push_back({report, ctx.directory().name_of(report), "your team"});
    std::sort(owners.begin() + 1, owners.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    person_picker("action-owner", owners, owner);
    ImGui::SameLine();
    if (due_on.empty()) due_on = add_days(ctx.today(), 30);
    ui::DateFieldOptions due = ui::date_options(ctx, "Due");
    const std::string today = ctx.today();
    due.quick = {{"In a week", add_days(today, 7)},
                 {"In 30 days", add_days(today, 30)},
                 {"End of month", add_days(add_months(today.substr(0, 8) + "01", 1), -1)},
                 {"In 3 months", add_months(today, 3)}};
    ui::date_field("action-due", due_field, due_on, due);
    if (ui::primary_button("Commit this action##action-add")) {
        if (focus.empty() || title.empty()) ctx.set_notice("Choose a focus and say what will be done.");
        else if (!due_field.problem.empty()) ctx.set_notice("Correct the due date first.");
        else if (!ctx.edit("survey_action", ctx.new_record_id(),
                           {{"manager_id", ctx.user().id}, {"survey_id", survey.survey_id}, {"focus", focus},
                            {"focus_label", focus_label.substr(0, 1000)}, {"title", title.substr(0, 500)},
                            {"owner_id", owner}, {"due_on", due_on}, {"status", "planned"}})
                          .problem) {
            title.clear();
        }
    }
}

}  // namespace

void draw_survey_results_screen(Context& ctx) {
    const SurveyView* survey = surveys_on_device().find(survey_client().survey_id);
    if (ui::link("< Surveys##back-surveys")) ctx.open_screen(kSurveysScreen);
    if (!survey) {
        ui::muted("This survey is no longer on this device.");
        return;
    }
    std::string& group = survey_client().group;
    if (group.empty() || (group.rfind("session:", 0) == 0 && group != "session:" + survey->training_session_id))
        group = reads_session(ctx, *survey) ? "session:" + survey->training_session_id
                : ctx.user().role == Role::HrAdmin ? "org" : "team:" + ctx.user().id;
    keep_fresh(ctx, survey->survey_id, group);
    ui::heading(survey->title + (survey->round > 1 ? " · round " + std::to_string(survey->round) : ""));
    draw_group_choice(ctx, *survey, group);
    ui::text(group_label(ctx, group));
    const auto& kept = survey_client().results(ctx.figures(), survey->survey_id, group);
    if (kept.loading) ui::muted("Loading…");
    else if (!kept.fetched_on.empty()) {
        ui::muted("Figures as of " + ctx.date_text(kept.fetched_on));
        ImGui::SameLine();
        if (ui::link("Refresh##results-refresh"))
            survey_client().refresh(ctx.figures(), ctx.platform(), ctx.user().token, survey->survey_id, group, ctx.today());
    }
    if (!kept.error.empty()) ui::text_colored(ui::theme::kWarning, kept.error);
    ImGui::BeginChild("results", ImVec2(0, 0));
    ImGui::PushTextWrapPos(0);
    if (kept.body.is_object()) try {
        draw_status(kept.body);
        if (kept.body.value("released", true)) {
            draw_indices(kept.body);
            ImGui::Spacing();
            draw_heatmap(ctx, *survey, kept.body);
            ImGui::Spacing();
            draw_trend(ctx, *survey, group);
            draw_questions(*survey, kept.body);
        } else {
            draw_not_released(ctx, *survey, group);
        }
    } catch (const Json::exception&) {
        // A body of another shape (an older or newer server): say so rather than stop drawing the ctx.
        ui::text_colored(ui::theme::kWarning, "These figures could not be read; try Refresh.");
    }
    else if (!kept.loading && kept.error.empty()) {
        ui::muted("No figures on this device yet: they load when the device is online.");
    }
    if (ctx.user().role == Role::Manager) {
        ImGui::Spacing();
        draw_action_planning(ctx, *survey);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

} // namespace tandem::client
