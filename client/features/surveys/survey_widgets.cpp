// Survey pieces shared by several screens: names of groups, survey creation from the library, status
// changes, and the survey actions that reach the home screen and 1:1 agendas.
#include "feature_api/context.h"
#include "features/surveys/surveys.h"
#include "tandem/surveys/survey_instruments.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

std::string group_label(Context& ctx, const std::string& group) {
    if (group == "org") return "The whole organisation";
    auto person = [&](size_t prefix) { return ctx.directory().name_of(group.substr(prefix), "a former manager"); };
    if (group.rfind("team:", 0) == 0) return person(5) + "'s team";
    if (group.rfind("tree:", 0) == 0) return "Everyone under " + person(5);
    if (group.rfind("session:", 0) == 0) {
        const auto* session = surveys_on_device().find_session(group.substr(8));
        return session ? "Session: " + session->title : "A training session";
    }
    return group;
}

std::string phase_label(const std::string& phase) {
    if (phase == "open") return "Open";
    if (phase == "scheduled") return "Scheduled";
    if (phase == "closed") return "Closed";
    return "Draft";
}

std::string theme_label(const std::string& theme) {
    if (theme == "engagement") return "Engagement";
    if (theme == "enps") return "eNPS";
    if (theme == "psych_safety") return "Psychological safety";
    if (theme == "manager") return "Manager";
    if (theme == "session") return "Session";
    if (theme.empty()) return theme;
    std::string label = theme;
    for (char& c : label)
        if (c == '_') c = ' ';
    label[0] = char(std::toupper(static_cast<unsigned char>(label[0])));
    return label;
}

std::string create_survey(Context& ctx, const std::string& instrument_key, const std::string& audience) {
    const survey::Instrument* instrument = survey::find_instrument(instrument_key);
    const std::string id = ctx.new_record_id();
    Json fields{{"title", instrument ? instrument->title : "New survey"},
                {"audience", audience.empty() ? "org" : audience},
                {"status", "draft"},
                {"min_group_size", 5},
                {"min_comment_group_size", 5},
                {"round", 1},
                {"repeat_weeks", 0},
                {"instrument", instrument ? instrument->key : ""}};
    if (ctx.edit("survey", id, fields).problem) return "";
    if (instrument) {
        int position = 0;
        for (const auto& item : instrument->items) {
            position += 10;
            Json question{{"survey_id", id},       {"position", position},
                          {"kind", item.kind},     {"text", item.text},
                          {"theme", item.theme},   {"reverse_scored", item.reverse_scored}};
            if (*item.choices) question["choices"] = item.choices;
            ctx.edit("survey_question", ctx.new_record_id(), question);
        }
    }
    open_survey(ctx, id, kSurveyEditorScreen);
    return id;
}

void set_survey_status(Context& ctx, const SurveyView& survey, const std::string& status) {
    Json fields{{"status", status}};
    if (status == "open" && survey.opens_on.empty()) fields["opens_on"] = ctx.today();
    ctx.edit("survey", survey.survey_id, fields);
}

void set_action_status(Context& ctx, const SurveyActionView& action, const std::string& status) {
    ctx.edit("survey_action", action.action_id,
             {{"status", status}, {"done_on", status == "done" ? Json(ctx.today()) : Json()}});
}

namespace {
void draw_action_line(Context& ctx, const SurveyActionView& action, bool with_owner) {
    ImGui::PushID(action.action_id.c_str());
    bool done = action.done();
    if (ui::checkbox(("##action-done-" + action.title).c_str(), done))
        set_action_status(ctx, action, done ? "done" : "in_progress");
    ImGui::SameLine();
    std::string line = action.title;
    if (with_owner) line += " — " + ctx.directory().name_of(action.owner_id, "someone");
    line += " · due " + ctx.date_text(action.due_on);
    if (action.overdue(ctx.today())) ui::text_colored(ui::theme::kOverdue, line + " (overdue)");
    else ui::text(line);
    ImGui::PopID();
}
}  // namespace

void draw_open_survey_actions(Context& ctx) {
    std::vector<const SurveyActionView*> open;
    for (const auto& action : surveys_on_device().actions)
        if (action.manager_id == ctx.user().id && !action.done()) open.push_back(&action);
    if (open.empty()) return;
    ImGui::Spacing();
    ui::heading("Survey actions you committed to (" + std::to_string(open.size()) + " open)");
    for (const auto* action : open) draw_action_line(ctx, *action, true);
}

void draw_agenda_survey_actions(Context& ctx, const std::string& report_id) {
    auto open = surveys_on_device().open_actions_for(report_id);
    if (open.empty()) return;
    ui::muted("From the team's survey action plan:");
    for (const auto* action : open) draw_action_line(ctx, *action, false);
}

} // namespace tandem::client
