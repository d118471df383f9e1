// HR's survey editor: title, state, thresholds, schedule and training session; the questions; answer links
// per team as a CSV file; and turning this device into a kiosk for the survey.
#include <algorithm>
#include <cstdio>
#include <map>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "ui/person_picker.h"
#include "features/surveys/survey_client.h"
#include "features/surveys/surveys.h"
#include "tandem/base/dates.h"
#include "tandem/surveys/kiosk.h"
#include "tandem/sync/entity.h"
#include "ui/date_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

// A text field bound to one field of a record, committed after typing pauses like every other.
void record_text(Context& ctx, const std::string& entity, const std::string& record_id, const char* field,
                 const std::string& stored, const char* label, float height = 0) {
    TextDraft& draft = ctx.draft(std::string(field) + "@" + record_id, stored);
    draft.entity = entity;
    draft.record_id = record_id;
    draft.field = field;
    if (label && *label) ui::text(label);
    const std::string id = std::string("##") + field + "-" + record_id;
    bool changed = height > 0 ? ui::input_multiline(id.c_str(), draft.text, height)
                              : (ImGui::SetNextItemWidth(-1), ui::input_text(id.c_str(), draft.text));
    if (changed) ctx.typed(draft);
    if (ui::committed_edit()) ctx.commit_draft(draft);
}

// A whole number field that writes when it is left: dragging through values must not queue each one.
void record_integer(Context& ctx, const std::string& entity, const std::string& record_id, const char* field,
                    int64_t stored, int low, int high, const char* label) {
    struct Editing {
        int value = 0;
        bool changed = false;
    };
    static PerUser<std::map<std::string, Editing>> editing;
    const std::string key = std::string(field) + "@" + record_id;
    Editing& state = editing.try_emplace(key, Editing{int(stored), false}).first->second;
    ImGui::SetNextItemWidth(160);
    state.changed |= ImGui::InputInt((std::string(label) + "##" + key).c_str(), &state.value, 1, 5);
    ui::remember(key.c_str(), label, "input", std::to_string(state.value));
    state.value = std::clamp(state.value, low, high);
    // Written once the field is let go (a typed number, or the last of several +/- taps), then follows the store.
    if (!ImGui::IsAnyItemActive()) {
        if (state.changed && state.value != stored) ctx.edit(entity, record_id, {{field, state.value}});
        else state.value = int(stored);
        state.changed = false;
    }
}

// A date of the survey, written as soon as one is chosen; an emptied field clears it.
void record_date(Context& ctx, const SurveyView& survey, const char* field, const std::string& stored, const char* label,
                 std::vector<ui::QuickDate> quick) {
    static PerUser<std::map<std::string, ui::DateFieldState>> fields;
    const std::string key = std::string(field) + "@" + survey.survey_id;
    ui::DateFieldOptions options = ui::date_options(ctx, label);
    options.optional = true;
    options.quick = std::move(quick);
    std::string chosen = stored;
    if (ui::date_field(key.c_str(), fields[key], chosen, options))
        ctx.edit("survey", survey.survey_id, {{field, chosen.empty() ? Json() : Json(chosen)}});
}

void draw_state(Context& ctx, const SurveyView& survey) {
    const std::string phase = survey.phase(ctx.today());
    ui::text("State: " + phase_label(phase));
    ImGui::SameLine();
    if (survey.status == "draft" && ui::primary_button("Open for answers##survey-open")) set_survey_status(ctx, survey, "open");
    if (survey.status == "open" && ui::button("Close##survey-close")) set_survey_status(ctx, survey, "closed");
    if (survey.status == "open") {
        ImGui::SameLine();
        ui::muted("Closing releases the scores and comments; a closed survey never reopens (a new round is a new survey).");
    }
    // A closed survey never reopens (the server refuses it): its scores are out, so a new round is a new survey.
    if (survey.status == "closed") ui::muted("Closed for good: start a new round to ask again.");
    if (survey.audience == "org") ui::muted("Audience: the whole organisation.");
    else {
        std::string names;
        size_t start = 0;
        while (start < survey.audience.size()) {
            size_t end = survey.audience.find(',', start);
            if (end == std::string::npos) end = survey.audience.size();
            names += (names.empty() ? "" : ", ") + ctx.directory().name_of(survey.audience.substr(start, end - start));
            start = end + 1;
        }
        ui::muted("Audience: the trees of " + names + ".");
    }
}

void draw_rules(Context& ctx, const SurveyView& survey) {
    ui::heading("Anonymity");
    // People answered under the promise of these numbers: once the survey has opened they only go up.
    const bool opened = survey.status != "draft";
    const int group_floor = opened ? int(survey.min_group_size) : 3;
    const int comment_floor = opened ? int(std::max(survey.min_group_size, survey.min_comment_group_size))
                                     : int(survey.min_group_size);
    record_integer(ctx, "survey", survey.survey_id, "min_group_size", survey.min_group_size, group_floor, 1000,
                   "Fewest people behind any figure");
    record_integer(ctx, "survey", survey.survey_id, "min_comment_group_size", survey.min_comment_group_size,
                   comment_floor, 1000, "Fewest people behind comments");
    ui::muted(opened ? "Since the survey opened these can be raised, never lowered: people answered under the "
                       "promise of these numbers. Every change is recorded in the audit log."
                     : "Never below 3. Groups, questions and comments with fewer answers show no figures, and a "
                       "group is also hidden when the rest of its parent would fall below the threshold.");
}

void draw_schedule(Context& ctx, const SurveyView& survey) {
    ui::heading("Schedule");
    const std::string today = ctx.today();
    record_date(ctx, survey, "opens_on", survey.opens_on, "Opens on",
                {{"Today", today}, {"Next Monday", add_days(today, 7 - weekday(today))}});
    // Surveys run a week or two from the day they open.
    const std::string opens = survey.opens_on.empty() ? today : survey.opens_on;
    record_date(ctx, survey, "closes_on", survey.closes_on, "Closes on",
                {{"A week after opening", add_days(opens, 7)}, {"Two weeks after opening", add_days(opens, 14)}});
    record_integer(ctx, "survey", survey.survey_id, "repeat_weeks", survey.repeat_weeks, 0, 52,
                   "Repeat every N weeks (0: once)");
    if (auto next = next_round(survey)) {
        bool exists = false;
        for (const auto* round : surveys_on_device().rounds_of(survey.series())) exists |= round->round > survey.round;
        if (!exists && ui::button("Schedule the next round##next-round")) {
            const std::string id = ctx.new_record_id();
            ctx.edit("survey", id, next->survey_fields);
            for (Json question : next->question_fields) {
                question["survey_id"] = id;
                ctx.edit("survey_question", ctx.new_record_id(), question);
            }
            ctx.set_notice("Round " + std::to_string(survey.round + 1) + " opens on " +
                           ctx.date_text(next->survey_fields["opens_on"]) + ".");
        }
    }
    // The survey's training session, when it collects session feedback at a kiosk.
    const auto& sessions = surveys_on_device().sessions;
    const auto* linked = surveys_on_device().find_session(survey.training_session_id);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 420.0f));
    if (ImGui::BeginCombo("Training session##session-combo", linked ? linked->title.c_str() : "None")) {
        if (ImGui::Selectable("None", !linked)) ctx.edit("survey", survey.survey_id, {{"training_session_id", nullptr}});
        for (const auto& session : sessions)
            if (ImGui::Selectable((session.title + " · " + session.held_on).c_str(), linked == &session))
                ctx.edit("survey", survey.survey_id, {{"training_session_id", session.session_id}});
        ImGui::EndCombo();
    }
    ui::remember("session-combo", linked ? linked->title : "None", "combo");
}

void draw_questions(Context& ctx, const SurveyView& survey) {
    ui::heading("Questions (" + std::to_string(survey.questions.size()) + ")");
    const bool answering = survey.status != "draft";
    if (answering) ui::muted("Answers may already be counted: the kind of a question cannot change.");
    int number = 0;
    for (const auto& question : survey.questions) {
        ImGui::PushID(question.id.c_str());
        ImGui::Separator();
        ui::muted(std::to_string(++number) + ". " + survey::to_string(question.kind) +
                  (question.theme.empty() ? "" : " · theme " + question.theme) +
                  (question.reverse_scored ? " · reverse-scored" : ""));
        record_text(ctx, "survey_question", question.id, "text", question.text, "");
        if (question.kind == survey::Kind::Choice) {
            std::string lines;
            for (const auto& choice : question.choices) lines += (lines.empty() ? "" : "\n") + choice;
            record_text(ctx, "survey_question", question.id, "choices", lines, "Choices, one per line", 80);
        }
        if (ui::link("Remove##remove-question")) ctx.edit("survey_question", question.id, Json::object(), true);
        ImGui::PopID();
    }
    ImGui::Spacing();
    ui::text("Add a question:");
    const long position = survey.questions.empty() ? 10 : survey.questions.back().position + 10;
    for (const char* kind : {"likert5", "agree7", "scale0_10", "choice", "text"}) {
        ImGui::SameLine();
        if (ui::button((std::string(kind) + "##add-" + kind).c_str())) {
            Json fields{{"survey_id", survey.survey_id}, {"position", position}, {"kind", kind},
                        {"text", "New question"}, {"theme", ""}};
            if (std::string(kind) == "choice") fields["choices"] = "Yes\nNo";
            ctx.edit("survey_question", ctx.new_record_id(), fields);
        }
    }
}

void draw_links(Context& ctx, const SurveyView& survey) {
    ui::heading("Answer links");
    ui::muted("One-time links for a manager's team, saved as a CSV file to send. The server keeps no record of "
              "who received which link.");
    static PerUser<std::string> manager;
    static PerUser<Count> count;
    person_picker("links-team", people_to_choose(ctx, People::Managers), manager);
    const int headcount = int(ctx.directory().org.reports_of(manager).size());
    if (!manager.empty()) {
        if (count.value <= 0 || count.value > headcount) count.value = headcount;
        ImGui::SameLine();
        ImGui::SetNextItemWidth(140);
        ImGui::InputInt("links##links-count", &count.value);
        ui::remember("links-count", "links", "input", std::to_string(count.value));
        count.value = std::clamp(count.value, 1, std::max(1, headcount));
        ui::muted(std::to_string(headcount) + " people in this team.");
        if (headcount == 0) ui::muted("This manager leads no team.");
        else if (ui::button("Export links as CSV##export-links") && !survey_client().busy)
            survey_client().export_links(ctx.platform(), ctx.user().token, survey.survey_id, survey.title, manager,
                                       ctx.directory().name_of(manager), count.value);
    }
}

void draw_kiosk_setup(Context& ctx, const SurveyView& survey) {
    ui::heading("Kiosk");
    ui::muted("Turns this device into a locked kiosk for this survey (a tablet at a training session). You are "
              "signed out; leaving kiosk mode needs the PIN you choose here.");
    static PerUser<std::string> label{std::string("Training room tablet")}, pin, again;
    ImGui::SetNextItemWidth(320);
    ui::input_text("Device label##kiosk-label", label);
    ImGui::SetNextItemWidth(160);
    ui::input_text("PIN##kiosk-pin", pin, "4-8 digits", ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160);
    ui::input_text("PIN again##kiosk-pin-again", again, nullptr,
                   ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
    if (survey.phase(ctx.today()) != "open") {
        ui::muted("Open the survey first.");
        return;
    }
    if (ui::primary_button("Start kiosk mode on this device##start-kiosk") && !survey_client().busy) {
        if (!is_valid_kiosk_pin(pin)) survey_client().message = "The PIN must be 4 to 8 digits.";
        else if (pin != again) survey_client().message = "The two PINs differ.";
        else if (label.empty()) survey_client().message = "Give the device a label.";
        else {
            start_kiosk(ctx, survey.survey_id, label, pin);
            pin.clear();
            again.clear();
            return;
        }
        survey_client().message_is_error = true;
    }
}

}  // namespace

void draw_survey_editor_screen(Context& ctx) {
    const SurveyView* survey = surveys_on_device().find(survey_client().survey_id);
    if (ui::link("< Surveys##back-surveys")) ctx.open_screen(kSurveysScreen);
    if (!survey) {
        ui::muted("This survey is no longer here.");
        return;
    }
    record_text(ctx, "survey", survey->survey_id, "title", survey->title, "Title");
    draw_state(ctx, *survey);
    if (!survey_client().message.empty())
        ui::text_colored(survey_client().message_is_error ? ui::theme::kOverdue : ui::theme::kGood, survey_client().message);
    ImGui::BeginChild("survey-editor", ImVec2(0, 0));
    ImGui::PushTextWrapPos(0);
    draw_rules(ctx, *survey);
    ImGui::Spacing();
    draw_schedule(ctx, *survey);
    ImGui::Spacing();
    draw_questions(ctx, *survey);
    ImGui::Spacing();
    draw_links(ctx, *survey);
    ImGui::Spacing();
    draw_kiosk_setup(ctx, *survey);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

} // namespace tandem::client
