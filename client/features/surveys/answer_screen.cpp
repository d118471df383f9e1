// "Surveys" for the people who answer them: the open surveys that ask the person's team, each answered once
// with the device's anonymous token (docs/survey-tokens.md). The questions use the kiosk's answer controls;
// "Send answers" keeps the answers on the device first and sends them, without the session, when it can.
#include <map>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/surveys/answer_widgets.h"
#include "features/surveys/survey_tokens.h"
#include "features/surveys/surveys.h"
#include "tandem/surveys/survey_results.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

constexpr float kTarget = 56.0f;  // thumb-sized on a phone

// The answers being given to the open survey, in memory until "Send answers".
struct AnswerForm {
    std::string survey_id;
    std::map<std::string, Json> answers;       // question id -> value
    std::map<std::string, std::string> texts;  // question id -> comment being typed
};
PerUser<AnswerForm> form;

Json question_json(const survey::Question& question) {
    return Json{{"question_id", question.id},
                {"kind", survey::to_string(question.kind)},
                {"text", question.text},
                {"choices", question.choices}};
}

void draw_list(Context& ctx) {
    ui::heading("Surveys");
    ImGui::PushTextWrapPos(0);
    ui::muted("Your device got a one-time token for each survey when it first saw it. Your answers go with that "
              "token and without your sign-in, so neither HR nor the server can tell which answers are yours.");
    const std::string today = ctx.today();
    const bool online = ctx.platform().online();
    int shown = 0;
    for (const auto& survey : surveys_on_device().surveys) {
        if (survey.phase(today) != "open" || !survey.training_session_id.empty()) continue;
        const SurveyToken* token = survey_tokens().find(survey.survey_id);
        if (token && token->state == SurveyToken::State::NotInvited) continue;
        ++shown;
        ImGui::PushID(survey.survey_id.c_str());
        ImGui::Separator();
        ui::text(survey.title);
        ui::remember(("answer-survey:" + survey.title).c_str(), survey.title, "row");
        std::string detail = std::to_string(survey.questions.size()) + " questions";
        if (!survey.closes_on.empty()) detail += " · open until " + ctx.date_text(survey.closes_on);
        ui::muted(detail);
        const SurveyToken fallback;
        const SurveyToken& shown_token = token ? *token : fallback;
        const std::string status = token_status_text(shown_token, online);
        const bool answered = shown_token.state == SurveyToken::State::Answered;
        const bool problem = shown_token.state == SurveyToken::State::Refused ||
                             shown_token.state == SurveyToken::State::Elsewhere;
        if (answered) ui::text_colored(ui::theme::kGood, status);
        else if (problem) ui::text_colored(ui::theme::kWarning, status);
        else ui::muted(status);
        const bool can_answer = shown_token.state == SurveyToken::State::Ready ||
                                (shown_token.state == SurveyToken::State::Refused && !shown_token.token.empty());
        if (can_answer && ui::primary_button(("Answer##answer-" + survey.title).c_str(), ImVec2(0, kTarget))) {
            const std::string id = survey.survey_id;
            ctx.open_screen(kAnswerQuestionsScreen, [id](Context&) {
                if (form.survey_id != id) form = AnswerForm{id, {}, {}};
            });
        }
        ImGui::PopID();
    }
    if (!shown) ui::muted("No survey is asking your team right now.");
    ImGui::PopTextWrapPos();
}

void draw_questions(Context& ctx, const SurveyView& survey) {
    ImGui::PushTextWrapPos(0);
    ui::heading(survey.title);
    ui::muted(survey::anonymity_sentence(survey::Rules{survey.min_group_size, survey.min_comment_group_size}));
    ui::muted("Every question may be skipped.");
    for (size_t i = 0; i < survey.questions.size(); ++i) {
        const auto& question = survey.questions[i];
        ImGui::PushID(question.id.c_str());
        ImGui::Separator();
        ui::muted("Question " + std::to_string(i + 1) + " of " + std::to_string(survey.questions.size()));
        ui::text(question.text);
        draw_answer_widget(question_json(question), form.answers[question.id], form.texts[question.id],
                           "answer-q" + std::to_string(i + 1), kTarget);
        ImGui::PopID();
    }
    ImGui::Separator();
    const SurveyToken* token = survey_tokens().find(survey.survey_id);
    if (token && token->state == SurveyToken::State::Refused && !token->message.empty())
        ui::text_colored(ui::theme::kOverdue, token->message);
    if (ui::primary_button("Send answers##answer-send", ImVec2(-1, kTarget))) {
        Json answers = Json::array();
        for (const auto& [id, value] : form.answers)
            if (!value.is_null()) answers.push_back({{"question_id", id}, {"value", value}});
        survey_tokens().submit(ctx, survey.survey_id, answers);
        form = AnswerForm{};
        ctx.go_back();  // the list shows what happens to them from here
    }
    ui::muted("Your answers are kept on this device until the server has them, even offline.");
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_answer_surveys_screen(Context& ctx) { draw_list(ctx); }

void draw_answer_questions_screen(Context& ctx) {
    const SurveyView* survey = form.survey_id.empty() ? nullptr : surveys_on_device().find(form.survey_id);
    const SurveyToken* token = survey ? survey_tokens().find(survey->survey_id) : nullptr;
    const bool answering = token && (token->state == SurveyToken::State::Ready ||
                                     (token->state == SurveyToken::State::Refused && !token->token.empty()));
    if (survey && answering && survey->phase(ctx.today()) == "open") return draw_questions(ctx, *survey);
    ui::muted("This survey is not waiting for your answers any more.");
    if (ui::link("Back to your surveys##answer-back")) ctx.go_back();
}

// For people who lead a team too: a line above their own survey list while something waits for their answer.
void draw_answer_entry(Context& ctx) {
    const std::string today = ctx.today();
    int waiting = 0;
    for (const auto& survey : surveys_on_device().surveys)
        if (survey.phase(today) == "open")
            if (const SurveyToken* token = survey_tokens().find(survey.survey_id))
                waiting += token->state == SurveyToken::State::Ready;
    if (!waiting) return;
    ui::text_colored(ui::theme::kWarning,
                     std::to_string(waiting) + (waiting == 1 ? " survey asks" : " surveys ask") + " for your own answers.");
    ImGui::SameLine();
    if (ui::link("Answer##open-answer-surveys")) ctx.open_screen(kAnswerSurveysScreen);
}

} // namespace tandem::client
