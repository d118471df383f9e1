// One template or playbook. HR edits the text and publishes it as a new version (earlier versions stay as
// they were, for the 1:1s that used them) and reads managers' ratings and comments. A manager reads it
// and says how useful it was and what it cost.
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/guides/guides.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct GuideForm {
    std::string loaded_for;  // the guide id the form was filled from
    int loaded_version = -1;
    std::string title, topic, body, message;
};
PerUser<GuideForm> form;

void draw_text_of(const GuideView& guide) {
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    if (guide.kind == "playbook") {
        for (const auto& step : guide.steps) {
            if (!step.title.empty()) ui::heading(step.title);
            for (const auto& item : step.checklist) {
                ImGui::Bullet();
                ui::text(item);
            }
        }
    } else {
        for (size_t i = 0; i < guide.prompts.size(); ++i) ui::text(std::to_string(i + 1) + ". " + guide.prompts[i]);
    }
    ImGui::PopTextWrapPos();
}

void draw_hr_editor(Context& ctx, const GuideView* guide, const std::string& kind) {
    const std::string id = guide ? guide->guide_id : open_guide_id();
    if (form.loaded_for != id || (guide && form.loaded_version != guide->version && form.message.empty())) {
        form = GuideForm{id, guide ? guide->version : 0, guide ? guide->title : "", guide ? guide->topic : "",
                         guide ? guide->body : "", ""};
    }
    const float width = ImGui::GetContentRegionAvail().x;
    ui::text("Title");
    ImGui::SetNextItemWidth(width);
    ui::input_text("##guide-title", form.title);
    ui::text("Topic (optional)");
    ImGui::SetNextItemWidth(width);
    ui::input_text("##guide-topic", form.topic);
    ui::text(kind == "playbook" ? "Steps: a line \"# Step\" opens a step, lines \"- item\" are its checklist"
                                : "Prompts, one per line");
    ui::input_multiline("##guide-body", form.body, 220);
    const bool changed = !guide || form.title != guide->title || form.topic != guide->topic || form.body != guide->body;
    const int next = guide ? guide->version + 1 : 1;
    if (changed) ui::text_colored(ui::theme::kWarning, "Not published: managers see version " +
                                                           std::to_string(guide ? guide->version : 0) + ".");
    if (ui::primary_button(("Publish as version " + std::to_string(next) + "##publish-guide").c_str()) && changed) {
        if (form.title.empty() || form.body.find_first_not_of(" \n\t") == std::string::npos) {
            form.message = "A title and at least one prompt or step are needed.";
        } else {
            const std::string published = publish_guide(ctx, guide ? guide->guide_id : "", kind, form.title,
                                                            form.topic, form.body);
            if (!published.empty()) {
                form.loaded_for = published;
                form.loaded_version = next;
                form.message = "Published version " + std::to_string(next) + ".";
                open_guide(ctx, published);
            }
        }
    }
    if (!form.message.empty()) ui::muted(form.message);
    if (guide) {
        bool archived = guide->archived;
        if (ui::checkbox("Archived (hidden from managers)##guide-archived", archived))
            ctx.edit("guide", guide->guide_id, {{"archived", archived}});
    }
}

void draw_feedback_for_hr(const GuideView& guide) {
    ui::heading("What managers said");
    ui::muted(rating_summary(guide));
    for (const auto& given : guide.feedback) {
        ImGui::Bullet();
        std::string line = given.usefulness ? "useful " + std::to_string(given.usefulness) + "/5" : "not rated";
        if (given.minutes >= 0) line += " · " + std::to_string(given.minutes) + " min";
        if (!given.comment.empty()) line += " · “" + given.comment + "”";
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
        ui::text(line);
        ImGui::PopTextWrapPos();
    }
}

void draw_manager_rating(Context& ctx, const GuideView& guide) {
    const GuideFeedbackView* mine = nullptr;
    for (const auto& given : guide.feedback)
        if (given.author_id == ctx.user().id) mine = &given;
    ui::heading("Was it useful?");
    for (int score = 1; score <= 5; ++score) {
        if (score > 1) ImGui::SameLine();
        const bool selected = mine && mine->usefulness == score;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ui::theme::kAccentHover);
        if (ui::button((std::to_string(score) + "##useful" + std::to_string(score)).c_str(), ImVec2(44, 0)))
            rate_guide(ctx, guide, {{"usefulness", score}});
        if (selected) ImGui::PopStyleColor();
    }
    ui::muted("1 = not useful, 5 = very useful");
    ui::text("Minutes it cost you");
    for (int minutes : {5, 10, 15, 30, 60}) {
        ImGui::SameLine();
        const bool selected = mine && mine->minutes == minutes;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ui::theme::kAccentHover);
        if (ui::button((std::to_string(minutes) + "##minutes" + std::to_string(minutes)).c_str(), ImVec2(48, 0)))
            rate_guide(ctx, guide, {{"minutes", minutes}});
        if (selected) ImGui::PopStyleColor();
    }
    // The comment saves itself like every text field; its record is created by the first commit.
    TextDraft& draft = ctx.draft("guide-comment@" + guide.guide_id, mine ? mine->comment : "");
    if (draft.entity.empty()) {
        draft.entity = "guide_feedback";
        draft.field = "comment";
    }
    if (mine) {
        draft.record_id = mine->feedback_id;
    } else if (draft.record_id.empty()) {
        draft.record_id = ctx.new_record_id();
        draft.create_fields = Json{{"owner_id", ctx.user().id}, {"guide_id", guide.guide_id}};
    }
    ui::text("Comment for HR (optional)");
    if (ui::input_multiline("##guide-comment", draft.text, 70)) ctx.typed(draft);
    if (ui::committed_edit()) ctx.commit_draft(draft);
}

}  // namespace

void draw_guide_screen(Context& ctx) {
    if (ui::link("‹ All templates and playbooks")) return ctx.open_screen(kGuidesScreen);
    const std::string& id = open_guide_id();
    const GuideView* guide = find_guide(id);
    const bool hr = ctx.user().role == Role::HrAdmin;
    const bool creating = id.rfind("new:", 0) == 0;
    if (!guide && !(hr && creating)) {
        ui::muted("This guide is not on this device (yet).");
        return;
    }
    const std::string kind = guide ? guide->kind : id.substr(4);
    ui::heading(guide ? guide->title + " · v" + std::to_string(guide->version)
                      : std::string("New ") + (kind == "playbook" ? "playbook" : "template"));
    ImGui::BeginChild("guide", ImVec2(0, 0));
    if (hr) {
        draw_hr_editor(ctx, guide, kind);
        if (guide) draw_feedback_for_hr(*guide);
    } else {
        draw_text_of(*guide);
        ImGui::Spacing();
        draw_manager_rating(ctx, *guide);
    }
    ImGui::EndChild();
}

} // namespace tandem::client
