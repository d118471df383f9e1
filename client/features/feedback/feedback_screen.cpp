// The feedback screen: requests waiting for my answer first (they are to-dos), then giving and asking,
// then what I received, what I gave and what I asked, each with its status.
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/feedback/feedback.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct AskForm {
    std::string form_id, asked_id, about_id, problem;
    bool open = false;
};
PerUser<AskForm> ask;
PerUser<std::string> declining;  // the request whose decline form is open
struct Shown {
    size_t received = 20, given = 20;  // newest first; years of feedback grow by "Show more"
};
PerUser<Shown> shown;

void draw_more(size_t total, size_t& count, const char* id) {
    if (total <= count) return;
    ui::muted(std::to_string(total - count) + " older");
    ImGui::SameLine();
    if (ui::button(id)) count += 20;
}

void draw_asked_of_me(Context& ctx) {
    const auto& directory = ctx.directory();
    int open = 0;
    for (const auto& request : feedback_on_device().asked_of_me) {
        if (!request.open()) continue;
        ++open;
        ImGui::PushID(request.request_id.c_str());
        ImGui::PushTextWrapPos(0);
        ui::text(directory.name_of(request.from_id) + " asks about " +
                 (request.about_id == request.from_id ? std::string("themself")
                                                      : directory.name_of(request.about_id, "someone in their team")) +
                 ":");
        ui::remember(("request:" + directory.name_of(request.from_id)).c_str(), request.question, "text");
        ui::muted("“" + request.question + "” · " + ctx.date_text(request.asked_on));
        ImGui::PopTextWrapPos();
        if (ui::primary_button("Answer##answer")) start_feedback(ctx, request.about_id, request.request_id);
        ImGui::SameLine();
        if (declining != request.request_id) {
            if (ui::button("Decline##decline")) declining = request.request_id;
        } else {
            TextDraft& reason = form_text(ctx, "decline-" + request.request_id, "reason");
            ImGui::NewLine();
            draw_form_field(ctx, reason, "Why not? (optional, they will read it)", nullptr, 0);
            if (ui::danger_button("Decline request##confirm-decline")) {
                ctx.commit_draft(reason);
                Json fields{{"declined", true}};
                if (!reason.text.empty()) fields["decline_reason"] = reason.text;
                if (!ctx.edit("feedback_request", request.request_id, fields).problem) {
                    ctx.clear_device_drafts("decline-" + request.request_id, {"reason"});
                    declining.clear();
                }
            }
            ImGui::SameLine();
            if (ui::button("Keep it##keep")) declining.clear();
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    if (!open) ui::muted("Nobody is waiting for feedback from you.");
}

void draw_ask_form(Context& ctx) {
    if (!ask.open) {
        if (ui::button("Ask for feedback##ask-open")) {
            ask = AskForm{};
            ask.open = true;
            ask.form_id = "ask-feedback";  // one at a time; its question is kept on the device until sent
            ask.about_id = ctx.user().id;
        }
        return;
    }
    ImGui::NewLine();
    ui::heading("Ask for feedback");
    ui::text("Ask");
    person_picker("ask-who", people_to_choose(ctx, People::Askable), ask.asked_id);
    ui::text("About");
    person_picker("ask-about", people_to_choose(ctx, People::MeOrMyTeam), ask.about_id);
    TextDraft& question = form_text(ctx, ask.form_id, "question");
    draw_form_field(ctx, question, "Your question", "One situation works best: “How did I handle Tuesday's review?”", 56);
    if (!ask.problem.empty()) ui::text_colored(ui::theme::kOverdue, ask.problem);
    if (ui::primary_button("Send request##ask-send")) {
        ctx.commit_draft(question);
        if (ask.asked_id.empty())
            ask.problem = "Choose whom to ask.";
        else if (question.text.empty())
            ask.problem = "Write what you would like to know.";
        else if (!ctx.edit("feedback_request", ctx.new_record_id(),
                           {{"from_id", ctx.user().id}, {"asked_id", ask.asked_id}, {"about_id", ask.about_id},
                            {"question", question.text}, {"asked_on", ctx.today()}})
                      .problem) {
            ctx.clear_device_drafts(ask.form_id, {"question"});
            ask = AskForm{};
        }
    }
    ImGui::SameLine();
    if (ui::button("Cancel##ask-cancel")) ask = AskForm{};
}

void draw_feedback_item(Context& ctx, const FeedbackView& item, bool given) {
    const auto& directory = ctx.directory();
    ImGui::PushID(item.feedback_id.c_str());
    const ValueTagView* tag = feedback_on_device().value_tag(item.value_tag_id);
    std::string line = given ? "To " + directory.name_of(item.about_id) : "From " + directory.name_of(item.from_id);
    line += std::string(" · ") + (item.kind == "praise" ? "praise" : "to work on");
    if (tag) line += " · " + tag->name;
    line += " · " + ctx.date_text(item.given_on);
    ui::text(line);
    ui::remember(("feedback:" + directory.name_of(given ? item.about_id : item.from_id)).c_str(), item.text.behaviour,
                 "text");
    ui::muted(!item.request_id.empty() ? "An answer to a request"
              : item.visibility == "shared" ? "Shared with " + directory.name_of(item.about_id, "them")
                                            : "Private to you");
    draw_sbi(item.text);
    ImGui::Separator();
    ImGui::PopID();
}

void draw_my_requests(Context& ctx) {
    const auto& directory = ctx.directory();
    for (const auto& request : feedback_on_device().my_requests) {
        ImGui::PushID(request.request_id.c_str());
        const std::string status = request.declined ? "declined" + (request.decline_reason.empty()
                                                                        ? std::string()
                                                                        : ": " + request.decline_reason)
                                   : request.answer_id.empty() ? "waiting" : "answered";
        ImGui::PushTextWrapPos(0);
        ui::text("Asked " + directory.name_of(request.asked_id) + " · " + ctx.date_text(request.asked_on) + " · " + status);
        ui::muted("“" + request.question + "”");
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
}

}  // namespace

void draw_feedback_screen(Context& ctx) {
    if (ctx.user().role == Role::Employee) return draw_employee_feedback_screen(ctx);
    const auto& world = feedback_on_device();
    ui::heading("Feedback");
    ImGui::BeginChild("feedback", ImVec2(0, 0));
    ui::text("Asked of you");
    draw_asked_of_me(ctx);
    ImGui::Spacing();
    if (ui::primary_button("Give feedback##give-open")) start_feedback(ctx, "", "");
    ImGui::SameLine();
    draw_ask_form(ctx);
    ImGui::Spacing();
    if (ImGui::CollapsingHeader(("Received (" + std::to_string(world.received.size()) + ")###received").c_str(),
                                ImGuiTreeNodeFlags_DefaultOpen))
    {
        for (size_t i = 0; i < world.received.size() && i < shown.received; ++i)
            draw_feedback_item(ctx, world.received[i], false);
        draw_more(world.received.size(), shown.received, "Show more##received-more");
    }
    if (ImGui::CollapsingHeader(("Given (" + std::to_string(world.given.size()) + ")###given").c_str(),
                                ImGuiTreeNodeFlags_DefaultOpen))
    {
        for (size_t i = 0; i < world.given.size() && i < shown.given; ++i) draw_feedback_item(ctx, world.given[i], true);
        draw_more(world.given.size(), shown.given, "Show more##given-more");
    }
    if (!world.my_requests.empty() &&
        ImGui::CollapsingHeader(("Your requests (" + std::to_string(world.my_requests.size()) + ")###mine").c_str()))
        draw_my_requests(ctx);
    ImGui::EndChild();
}

} // namespace tandem::client
