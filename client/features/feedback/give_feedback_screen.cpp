// Giving feedback: who it is for, praise or something to work on, one of HR's values, then situation,
// behaviour, impact and a next step; and who may read it (only me, the person too, or everyone as a
// recognition on the wall). The text is kept on this device while it is written and sent on "Give".
#include <algorithm>

#include <imgui_internal.h>  // SetNextWindowScroll

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/feedback/feedback.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

// One form for new feedback and one per request answered; what was typed and chosen is kept on the
// device under the form's id, so a closed tab or a restart finds the form as it was left.
struct GiveForm {
    std::string form_id;
    std::string about_id, request_id;
    std::string kind = "praise", visibility = "shared", value_tag_id;
    std::string problem;
    bool shown = false;  // drawn at least once: a new form starts scrolled to its top
};
PerUser<GiveForm> form;

const char* const kTextFields[] = {"situation", "behaviour", "impact", "next_step"};
const char* const kChoiceFields[] = {"about_id", "kind", "visibility", "value_tag_id"};

std::string& choice_of(GiveForm& of, const std::string& field) {
    return field == "about_id" ? of.about_id : field == "kind" ? of.kind : field == "visibility" ? of.visibility
                                                                                                  : of.value_tag_id;
}

// Keeps the choices with the text: each one changed since `before` is written to the device like typing.
void remember_choices(Context& ctx, GiveForm before) {
    for (const char* field : kChoiceFields)
        if (choice_of(form, field) != choice_of(before, field))
            ctx.set_device_draft(form.form_id, field, choice_of(form, field));
}

void choice_buttons(const char* id, const std::vector<std::pair<const char*, const char*>>& choices,
                    std::string& chosen) {
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const auto& [value, label] : choices) {
        const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!first) next_in_row(width, right);
        first = false;
        const bool selected = chosen == value;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ui::theme::kAccentHover);
        if (ui::button((std::string(label) + "##" + id).c_str())) chosen = value;
        if (selected) ImGui::PopStyleColor();
    }
}

void give(Context& ctx) {
    Json fields{{"from_id", ctx.user().id}, {"about_id", form.about_id}, {"given_on", ctx.today()}};
    bool any_text = false;
    for (const char* field : kTextFields) {
        TextDraft& draft = form_text(ctx, form.form_id, field);
        ctx.commit_draft(draft);  // kept on the device whatever happens next
        const std::string text = draft.text;
        any_text = any_text || !text.empty();
        if (!text.empty()) fields[field] = text;
    }
    if (form.about_id.empty()) {
        form.problem = "Choose who this feedback is for.";
        return;
    }
    if (!any_text) {
        form.problem = "Write at least what they did (the behaviour).";
        return;
    }
    fields["value_tag_id"] = form.value_tag_id.empty() ? Json() : Json(form.value_tag_id);
    const bool recognition = form.visibility == "public" && form.request_id.empty();
    if (recognition) {
        for (const auto& person : people_to_recognise(ctx))
            if (person.person_id == form.about_id) fields["about_name"] = person.name;
        // Without a colleague card nobody outside their line could name the giver: the wall carries it.
        if (ctx.user().role == Role::Employee) fields["from_name"] = ctx.directory().name_of(ctx.user().id, ctx.user().name);
    } else {
        fields["kind"] = form.kind;
        fields["visibility"] = form.request_id.empty() ? form.visibility : "private";
        if (!form.request_id.empty()) fields["request_id"] = form.request_id;
    }
    if (ctx.edit(recognition ? "recognition" : "feedback", ctx.new_record_id(), fields).problem) return;
    std::vector<std::string> kept(std::begin(kTextFields), std::end(kTextFields));
    kept.insert(kept.end(), std::begin(kChoiceFields), std::end(kChoiceFields));
    ctx.clear_device_drafts(form.form_id, kept);
    ctx.open_screen(recognition ? kRecognitionScreen : kFeedbackScreen);
    form = GiveForm{};
}

}  // namespace

void start_feedback(Context& ctx, const std::string& about_id, const std::string& request_id, bool recognition) {
    form = GiveForm{};
    form.form_id = request_id.empty() ? "give-feedback" : "answer-" + request_id;
    for (const char* field : kChoiceFields) {
        const std::string kept = ctx.device_draft(form.form_id, field);
        if (!kept.empty()) choice_of(form, field) = kept;
    }
    const GiveForm kept = form;
    form.request_id = request_id;
    if (!about_id.empty()) form.about_id = about_id;
    if (!request_id.empty()) form.visibility = "private";
    // An employee's praise always goes on the wall: feedback is given by managers, mentors and HR.
    if (recognition || ctx.user().role == Role::Employee) form.visibility = "public";
    remember_choices(ctx, kept);
    ctx.open_screen(kGiveFeedbackScreen);
}

void draw_give_feedback_screen(Context& ctx) {
    if (form.form_id.empty()) return start_feedback(ctx, "", "");
    const FeedbackWorld& world = feedback_on_device();
    const GiveForm before = form;
    if (ui::link("‹ Back##give-back")) ctx.go_back();
    ui::heading(!form.request_id.empty() ? "Answer a request for feedback"
                : form.visibility == "public" ? "Recognise someone" : "Give feedback");
    // Set before the child begins so that the new form's first frame is already drawn from its top: a scroll
    // set inside would only apply a frame later, and a tap in between would land on the old layout.
    if (!form.shown) ImGui::SetNextWindowScroll(ImVec2(0, 0));
    form.shown = true;
    ImGui::BeginChild("give-form", ImVec2(0, 0));
    ImGui::PushTextWrapPos(0);  // hints and explanations wrap on a phone
    const FeedbackRequestView* request = nullptr;
    for (const auto& asked : world.asked_of_me)
        if (asked.request_id == form.request_id) request = &asked;
    if (request) {
        ui::muted(ctx.directory().name_of(request->from_id) + " asked:");
        ImGui::PushTextWrapPos(0);
        ui::text("“" + request->question + "”");
        ImGui::PopTextWrapPos();
        ui::muted("About " + ctx.directory().name_of(request->about_id, "them") + ". Your answer goes to " +
                  ctx.directory().name_of(request->from_id) + " only.");
    } else {
        ui::text("For");
        const auto& people =
            form.visibility == "public" ? people_to_recognise(ctx) : people_to_choose(ctx, People::FeedbackTo);
        // Only a recognition may go to anyone: a choice the visibility no longer allows is cleared.
        if (ctx.views_version() > 0 &&
            !std::any_of(people.begin(), people.end(), [](const PersonChoice& p) { return p.person_id == form.about_id; }))
            form.about_id.clear();
        person_picker("give-about", people, form.about_id);
    }
    ImGui::Spacing();
    if (form.visibility != "public" || request) {
        ui::text("Kind");
        choice_buttons("kind", {{"praise", "Praise"}, {"constructive", "Something to work on"}}, form.kind);
    }
    ui::text("Value (optional)");
    value_picker("give-value", world, form.value_tag_id);
    ImGui::Spacing();
    const float box = 64;
    draw_form_field(ctx, form_text(ctx, form.form_id, "situation"), "Situation", "When and where: one moment, not a habit.", box);
    draw_form_field(ctx, form_text(ctx, form.form_id, "behaviour"), "Behaviour", "What they did or said, as a camera would have seen it.", box);
    draw_form_field(ctx, form_text(ctx, form.form_id, "impact"), "Impact", "What it changed for you, the team or the work.", box);
    draw_form_field(ctx, form_text(ctx, form.form_id, "next_step"), "Next step (optional)", "Keep doing it, or try this next time.", box);
    if (!request && ctx.user().role == Role::Employee) {
        ui::muted("A recognition is praise on the wall everyone in the organisation reads, with your name.");
    } else if (!request) {
        ui::text("Who may read it");
        choice_buttons("visibility",
                       {{"private", "Only me"}, {"shared", "Me and the person"}, {"public", "Everyone: a recognition"}},
                       form.visibility);
        if (form.visibility == "public")
            ui::muted("A recognition is praise on the wall everyone in the organisation reads.");
        else if (form.visibility == "shared")
            ui::muted("Managers and HR do not see it; the person reads it when they have access to Tandem.");
        else
            ui::muted("A private note for your own memory; nobody else reads it.");
    }
    if (!form.problem.empty()) ui::text_colored(ui::theme::kOverdue, form.problem);
    ImGui::Spacing();
    const char* action = request ? "Send answer##give" : form.visibility == "public" ? "Recognise##give" : "Give feedback##give";
    remember_choices(ctx, before);
    if (ui::primary_button(action)) {
        form.problem.clear();
        give(ctx);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

} // namespace tandem::client
