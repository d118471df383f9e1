// The feedback screen as an employee sees it: asking their own manager (the one person policy lets them ask),
// what they asked and where each request stands, and what was shared with them, newest first. Nothing here
// gives feedback: employees praise colleagues through a recognition instead (recognition_screen.cpp).
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/feedback/feedback.h"
#include "tandem/feedback/records.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

constexpr const char* kAskForm = "ask-manager";  // one request at a time; its question is kept on the device
PerUser<std::string> ask_problem;
PerUser<Count> shown{{20}};  // newest first; years of feedback grow by "Show more"

size_t question_limit() {
    const FieldSpec* question = feedback_request_spec().field("question");
    return question ? question->max_length : 1000;
}

void draw_ask_manager(Context& ctx, const std::string& manager_id) {
    const std::string manager = ctx.directory().name_of(manager_id, "your manager");
    ui::heading("Ask " + manager + " for feedback");
    TextDraft& question = form_text(ctx, kAskForm, "question");
    ImGui::PushTextWrapPos(0);  // a phone is narrower than the hint
    draw_form_field(ctx, question, "Your question",
                    "One situation works best: “How did I handle Tuesday's customer call?”", 72);
    ImGui::PopTextWrapPos();
    const size_t limit = question_limit();
    if (question.text.size() > limit * 9 / 10)
        ui::muted(std::to_string(question.text.size()) + " of " + std::to_string(limit) + " characters");
    if (!ask_problem.empty()) ui::text_colored(ui::theme::kOverdue, ask_problem);
    if (!ui::primary_button(("Send to " + manager + "##ask-manager-send").c_str(),
                            ImVec2(ImGui::GetContentRegionAvail().x, 0)))
        return;
    ctx.commit_draft(question);
    ask_problem.clear();
    if (question.text.find_first_not_of(" \t\r\n") == std::string::npos) {
        ask_problem = "Write what you would like to know.";
        return;
    }
    if (question.text.size() > limit) {
        ask_problem = "Your question is " + std::to_string(question.text.size()) + " characters long; keep it to " +
                      std::to_string(limit) + ".";
        return;
    }
    const auto sent = ctx.edit("feedback_request", ctx.new_record_id(),
                               {{"from_id", ctx.user().id}, {"asked_id", manager_id}, {"about_id", ctx.user().id},
                                {"question", question.text}, {"asked_on", ctx.today()}});
    if (sent.problem) {
        ask_problem = sent.problem->message;
        return;
    }
    ctx.clear_device_drafts(kAskForm, {"question"});  // the request now shows under "Your requests"
}

void draw_requests(Context& ctx) {
    const auto& directory = ctx.directory();
    const auto& mine = feedback_on_device().my_requests;
    if (mine.empty()) return;
    ImGui::Spacing();
    ui::heading("Your requests");
    for (const auto& request : mine) {
        ImGui::PushID(request.request_id.c_str());
        ImGui::PushTextWrapPos(0);
        const ImVec4 colour = request.declined ? ui::theme::kOverdue
                              : request.open() ? ui::theme::kWarning
                                               : ui::theme::kGood;
        const std::string status = request.declined ? "Declined" : request.open() ? "Waiting" : "Answered";
        ui::text_colored(colour, status);
        ImGui::SameLine();
        ui::muted("· asked " + directory.name_of(request.asked_id) + " · " + ctx.date_text(request.asked_on));
        ui::text("“" + request.question + "”");
        if (request.declined)
            ui::muted(request.decline_reason.empty() ? "No reason given." : "Why: " + request.decline_reason);
        else if (request.open())
            ui::muted("Their answer will appear under “Shared with you”.");
        ImGui::PopTextWrapPos();
        ImGui::Separator();
        ImGui::PopID();
    }
}

const FeedbackRequestView* request_answered_by(const FeedbackView& item) {
    for (const auto& request : feedback_on_device().my_requests)
        if (request.request_id == item.request_id) return &request;
    return nullptr;
}

void draw_shared_item(Context& ctx, const FeedbackView& item) {
    ImGui::PushID(item.feedback_id.c_str());
    ImGui::PushTextWrapPos(0);
    const ValueTagView* tag = feedback_on_device().value_tag(item.value_tag_id);
    ui::text(ctx.directory().name_of(item.from_id) + " · " + ctx.date_text(item.given_on));
    ui::remember(("shared:" + ctx.directory().name_of(item.from_id)).c_str(), item.text.behaviour, "text");
    ui::muted(std::string(item.kind == "praise" ? "Praise" : "Something to work on") +
              (tag ? " · " + tag->name : std::string()));
    if (const FeedbackRequestView* request = request_answered_by(item))
        ui::muted("Answering your question “" + request->question + "”");
    ImGui::PopTextWrapPos();
    draw_sbi(item.text);
    ImGui::Separator();
    ImGui::PopID();
}

}  // namespace

void draw_employee_feedback_screen(Context& ctx) {
    const auto& world = feedback_on_device();
    ui::heading("Feedback");
    ImGui::BeginChild("feedback", ImVec2(0, 0));
    ImGui::PushTextWrapPos(0);
    const std::string manager_id = ctx.directory().org.manager_of(ctx.user().id);
    if (manager_id.empty())
        ui::muted("Tandem does not know who your manager is yet, so there is nobody to ask. HR can fix that.");
    else
        draw_ask_manager(ctx, manager_id);
    draw_requests(ctx);
    ImGui::Spacing();
    ui::heading("Shared with you");
    if (world.received.empty())
        ui::muted("Nothing yet. Feedback your manager shares with you, and answers to your requests, appear here.");
    const size_t limit = size_t(shown.value);
    for (size_t i = 0; i < world.received.size() && i < limit; ++i) draw_shared_item(ctx, world.received[i]);
    if (world.received.size() > limit) {
        ui::muted(std::to_string(world.received.size() - limit) + " older");
        ImGui::SameLine();
        if (ui::button("Show more##shared-more")) shown.value += 20;
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

} // namespace tandem::client
