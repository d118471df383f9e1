// Giving feedback: who it is for, praise or something to work on, one of HR's values, then situation,
// behaviour, impact and a next step; and who may read it (only me, the person too, or everyone as a
// recognition on the wall). The text is kept on this device while it is written and sent on "Give".
#include "app/app.h"
#include "features/feedback/feedback.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct GiveForm {
    std::string form_id;  // also the new record's id
    std::string about_id, request_id;
    std::string kind = "praise", visibility = "shared", value_tag_id;
    std::string problem;
    bool shown = false;  // drawn at least once: a new form starts scrolled to its top
};
GiveForm form;

const char* const kTextFields[] = {"situation", "behaviour", "impact", "next_step"};

void choice_buttons(const char* id, const std::vector<std::pair<const char*, const char*>>& choices,
                    std::string& chosen) {
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const auto& [value, label] : choices) {
        const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
        }
        first = false;
        const bool selected = chosen == value;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ui::theme::kAccentHover);
        if (ui::button((std::string(label) + "##" + id).c_str())) chosen = value;
        if (selected) ImGui::PopStyleColor();
    }
}

void give(App& app) {
    Json fields{{"from_id", app.user()->id}, {"about_id", form.about_id}, {"given_on", app.today()}};
    bool any_text = false;
    for (const char* field : kTextFields) {
        TextDraft& draft = form_text(app, form.form_id, field);
        app.commit_draft(draft);  // kept on the device whatever happens next
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
        fields["about_name"] = app.views().name_of(form.about_id, "");
    } else {
        fields["kind"] = form.kind;
        fields["visibility"] = form.request_id.empty() ? form.visibility : "private";
        if (!form.request_id.empty()) fields["request_id"] = form.request_id;
    }
    if (app.edit(recognition ? "recognition" : "feedback", form.form_id, fields).problem) return;
    app.clear_device_drafts(form.form_id, {std::begin(kTextFields), std::end(kTextFields)});
    app.open_screen(recognition ? Screen::Recognition : Screen::Feedback);
    form = GiveForm{};
}

}  // namespace

void start_feedback(App& app, const std::string& about_id, const std::string& request_id, bool recognition) {
    form = GiveForm{};
    form.form_id = app.new_record_id();
    form.about_id = about_id;
    form.request_id = request_id;
    if (!request_id.empty()) form.visibility = "private";
    if (recognition) form.visibility = "public";
    app.open_screen(Screen::GiveFeedback);
}

void draw_give_feedback_screen(App& app) {
    if (form.form_id.empty()) form.form_id = app.new_record_id();
    const FeedbackWorld& world = app.views().feedback;
    if (ui::link("‹ Back##give-back")) app.go_back();
    ui::heading(!form.request_id.empty() ? "Answer a request for feedback"
                : form.visibility == "public" ? "Recognise someone" : "Give feedback");
    ImGui::BeginChild("give-form", ImVec2(0, 0));
    if (!form.shown) ImGui::SetScrollY(0);
    form.shown = true;
    const FeedbackRequestView* request = nullptr;
    for (const auto& asked : world.asked_of_me)
        if (asked.request_id == form.request_id) request = &asked;
    if (request) {
        ui::muted(app.views().name_of(request->from_id) + " asked:");
        ImGui::PushTextWrapPos(0);
        ui::text("“" + request->question + "”");
        ImGui::PopTextWrapPos();
        ui::muted("About " + app.views().name_of(request->about_id, "them") + ". Your answer goes to " +
                  app.views().name_of(request->from_id) + " only.");
    } else {
        ui::text("For");
        person_picker("give-about", feedback_recipients(app, form.visibility == "public"), form.about_id);
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
    draw_form_field(app, form_text(app, form.form_id, "situation"), "Situation", "When and where: one moment, not a habit.", box);
    draw_form_field(app, form_text(app, form.form_id, "behaviour"), "Behaviour", "What they did or said, as a camera would have seen it.", box);
    draw_form_field(app, form_text(app, form.form_id, "impact"), "Impact", "What it changed for you, the team or the work.", box);
    draw_form_field(app, form_text(app, form.form_id, "next_step"), "Next step (optional)", "Keep doing it, or try this next time.", box);
    if (!request) {
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
    if (ui::primary_button(action)) {
        form.problem.clear();
        give(app);
    }
    ImGui::EndChild();
}

} // namespace tandem::client
