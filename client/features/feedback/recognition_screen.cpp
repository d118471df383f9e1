// The recognition wall: the champion HR has in the spotlight, then recognitions for my team or the whole
// organisation, newest first; nominating a culture champion; and for HR, the nominations to choose from,
// the spotlight itself and the values everyone tags feedback with.
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/feedback/feedback.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct WallState {
    bool whole_org = false;
    std::string team_of;  // HR: whose team the team wall shows
    bool nominating = false;
    std::string nomination_form, nominee, nominee_value, problem;
    std::string value_form;
    size_t shown = 30;  // the newest first; a long wall grows by "Show more" rather than laying out years
};
PerUser<WallState> wall;

void close_nomination() {
    wall.nominating = false;
    wall.nominee.clear();
    wall.nominee_value.clear();
    wall.problem.clear();
}

std::string value_name(const FeedbackWorld& world, const std::string& tag_id) {
    const ValueTagView* tag = world.value_tag(tag_id);
    return tag ? tag->name : std::string();
}

void draw_spotlights(Context& ctx) {
    const auto& world = feedback_on_device();
    const bool hr = ctx.user().role == Role::HrAdmin;
    for (const auto& light : world.spotlights) {
        if (light.ended) continue;
        ImGui::PushID(light.spotlight_id.c_str());
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.95f, 0.97f, 1.0f, 1));
        ImGui::BeginChild("spot", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 5.5f), true);
        ui::text_colored(ui::theme::kAccent, "Culture champion: " + light.about_name);
        ui::remember(("spotlight:" + light.about_name).c_str(), light.message, "text");
        const std::string value = value_name(world, light.value_tag_id);
        ui::muted((value.empty() ? std::string() : value + " · ") + "since " + ctx.date_text(light.since));
        ImGui::PushTextWrapPos(0);
        ui::text(light.message);
        ImGui::PopTextWrapPos();
        if (hr && ui::button("End this spotlight##end")) ctx.edit("spotlight", light.spotlight_id, {{"ended", true}});
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
}

void draw_recognition(Context& ctx, const RecognitionView& item) {
    const auto& world = feedback_on_device();
    ImGui::PushID(item.recognition_id.c_str());
    const std::string value = value_name(world, item.value_tag_id);
    ImGui::PushTextWrapPos(0);
    ui::text(item.about_name + (value.empty() ? "" : " · " + value));
    ui::remember(("recognition:" + item.about_name).c_str(), item.text.behaviour, "text");
    ui::muted("from " + giver_name(ctx, item) + " · " + ctx.date_text(item.given_on));
    ImGui::PopTextWrapPos();
    draw_sbi(item.text);
    ImGui::Separator();
    ImGui::PopID();
}

void draw_wall(Context& ctx) {
    const auto& directory = ctx.directory();
    const bool hr = ctx.user().role == Role::HrAdmin;
    // An employee leads no team: their wall is the organisation's.
    if (ctx.user().role == Role::Employee) {
        wall.whole_org = true;
    } else if (ui::button(wall.whole_org ? "Show my team##wall-team" : "Show the whole organisation##wall-org")) {
        wall.whole_org = !wall.whole_org;
        wall.shown = 30;
    }
    std::string team_owner = ctx.user().id;
    if (hr && !wall.whole_org) {
        ImGui::SameLine();
        ui::text("Team of");
        ImGui::SameLine();
        person_picker("wall-team-of", people_to_choose(ctx, People::Managers), wall.team_of);
        team_owner = wall.team_of;
    }
    // A team's wall is worked out when the data or the team changes, not every frame: the organisation's
    // wall can hold years of recognitions.
    static PerUser<std::vector<RecognitionView>> team_wall;
    static PerUser<std::pair<uint64_t, std::string>> team_wall_of{{~0ull, ""}};
    if (!wall.whole_org && team_wall_of != std::pair{ctx.views_version(), team_owner}) {
        team_wall = wall_of(feedback_on_device(), directory.org.tree_of(team_owner));
        team_wall_of = {ctx.views_version(), team_owner};
    }
    const std::vector<RecognitionView>& shown = wall.whole_org ? feedback_on_device().recognitions : team_wall;
    ui::text(wall.whole_org ? "Recognitions across the organisation" : "Recognitions in the team");
    if (shown.empty()) ui::muted(hr && team_owner.empty() ? "Choose a team." : "None yet.");
    for (size_t i = 0; i < shown.size() && i < wall.shown; ++i) draw_recognition(ctx, shown[i]);
    if (shown.size() > wall.shown) {
        ui::muted(std::to_string(shown.size() - wall.shown) + " older");
        ImGui::SameLine();
        if (ui::button("Show more##wall-more")) wall.shown += 30;
    }
}

void draw_nominate(Context& ctx) {
    const auto& world = feedback_on_device();
    if (!wall.nominating) {
        if (ui::button("Nominate a culture champion##nominate-open")) {
            close_nomination();
            wall.nominating = true;
            wall.nomination_form = "nomination";  // its reason is kept on the device until sent
        }
        return;
    }
    ImGui::NewLine();
    ui::heading("Nominate a culture champion");
    ui::muted("A manager who lives one of our values. HR reads nominations and chooses whom to put in the spotlight.");
    person_picker("nominee", people_to_choose(ctx, People::Managers), wall.nominee);
    ui::text("The value they live");
    value_picker("nominee-value", world, wall.nominee_value);
    TextDraft& reason = form_text(ctx, wall.nomination_form, "reason");
    draw_form_field(ctx, reason, "Why", "What did they do? One story says more than adjectives.", 64);
    if (!wall.problem.empty()) ui::text_colored(ui::theme::kOverdue, wall.problem);
    if (ui::primary_button("Send nomination##nominate")) {
        ctx.commit_draft(reason);
        if (wall.nominee.empty() || wall.nominee_value.empty() || reason.text.empty()) {
            wall.problem = "Choose a manager and a value, and say why.";
        } else if (!ctx.edit("nomination", ctx.new_record_id(),
                             {{"from_id", ctx.user().id}, {"about_id", wall.nominee},
                              {"about_name", ctx.directory().name_of(wall.nominee, "")}, {"value_tag_id", wall.nominee_value},
                              {"reason", reason.text}, {"nominated_on", ctx.today()}})
                        .problem) {
            ctx.clear_device_drafts(wall.nomination_form, {"reason"});
            close_nomination();
        }
    }
    ImGui::SameLine();
    if (ui::button("Cancel##nominate-cancel")) close_nomination();
}

// HR: nominations to choose from, and the values feedback is tagged with.
void draw_hr_tools(Context& ctx) {
    const auto& world = feedback_on_device();
    if (ImGui::CollapsingHeader(("Nominations (" + std::to_string(world.nominations.size()) + ")###nominations").c_str())) {
        for (const auto& nomination : world.nominations) {
            ImGui::PushID(nomination.nomination_id.c_str());
            ImGui::PushTextWrapPos(0);
            ui::text(nomination.about_name + " · " + value_name(world, nomination.value_tag_id));
            ui::muted("from " + ctx.directory().name_of(nomination.from_id) + " · " + ctx.date_text(nomination.nominated_on));
            ui::text(nomination.reason);
            ImGui::PopTextWrapPos();
            bool lit = false;
            for (const auto& light : world.spotlights) lit = lit || (light.nomination_id == nomination.nomination_id && !light.ended);
            if (!lit && ui::button("Put in the spotlight##spotlight"))
                ctx.edit("spotlight", ctx.new_record_id(),
                         {{"about_id", nomination.about_id}, {"about_name", nomination.about_name},
                          {"value_tag_id", nomination.value_tag_id}, {"nomination_id", nomination.nomination_id},
                          {"message", nomination.reason}, {"since", ctx.today()}, {"ended", false}});
            ImGui::Separator();
            ImGui::PopID();
        }
    }
    if (ImGui::CollapsingHeader("Values###values")) {
        for (const auto& tag : world.value_tags) {
            ImGui::PushID(tag.tag_id.c_str());
            ImGui::PushTextWrapPos(0);
            ui::text(tag.name + (tag.archived ? " (archived)" : ""));
            if (!tag.description.empty()) ui::muted(tag.description);
            ImGui::PopTextWrapPos();
            if (ui::button(tag.archived ? "Offer again##restore" : "Archive##archive"))
                ctx.edit("value_tag", tag.tag_id, {{"archived", !tag.archived}});
            ImGui::PopID();
        }
        if (wall.value_form.empty()) wall.value_form = "new-value";
        TextDraft& name = form_text(ctx, wall.value_form, "name");
        TextDraft& description = form_text(ctx, wall.value_form, "description");
        draw_form_field(ctx, name, "New value", nullptr, 0);
        draw_form_field(ctx, description, "What it looks like", nullptr, 0);
        if (ui::button("Add value##add-value")) {
            ctx.commit_draft(name);
            ctx.commit_draft(description);
            if (name.text.empty()) {
                ctx.set_notice("Give the value a name.");
            } else if (!ctx.edit("value_tag", ctx.new_record_id(),
                                 {{"name", name.text}, {"description", description.text}, {"archived", false}})
                            .problem) {
                ctx.clear_device_drafts(wall.value_form, {"name", "description"});
                wall.value_form.clear();
            }
        }
    }
}

}  // namespace

void draw_recognition_screen(Context& ctx) {
    ui::heading("Recognition");
    ImGui::BeginChild("recognition", ImVec2(0, 0));
    draw_spotlights(ctx);
    if (ui::primary_button("Recognise someone##recognise")) {
        start_feedback(ctx, "", "", true);
    }
    // Nominating a champion is for managers, mentors and HR (policy refuses an employee's nomination).
    if (ctx.user().role != Role::Employee) {
        ImGui::SameLine();
        draw_nominate(ctx);
    }
    ImGui::Spacing();
    if (ctx.user().role == Role::HrAdmin) draw_hr_tools(ctx);
    draw_wall(ctx);
    ImGui::EndChild();
}

} // namespace tandem::client
