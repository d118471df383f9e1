// The report's side of their 1:1s: an employee's home, and a manager's own 1:1s with their manager. The next
// 1:1 with whoever holds 1:1s with them, with its agenda to prepare (the report adds, edits, reorders and
// removes their own points; the manager's are read here), then the 1:1s held, each opening to its shared
// notes and action items, where the report ticks off what they own. Laid out as one column for a phone.
#include <algorithm>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/one_on_ones/one_on_ones.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {
PerUser<std::string> new_point;       // the point being typed for the next 1:1
PerUser<std::string> editing_id;      // the own point being reworded, "" when none
PerUser<std::string> editing_text;

std::string who_added(Context& ctx, const TalkingPointView& point, const std::string& holder_id) {
    const std::string& author = point.author_id.empty() ? holder_id : point.author_id;
    return author == ctx.user().id ? "you" : ctx.directory().name_of(author);
}

// Moving an own point past a neighbour: swap with it when it is also the report's, else step just past it
// (the manager's points are theirs to move).
void move_point(Context& ctx, const std::vector<TalkingPointView>& agenda, size_t i, int direction) {
    const size_t other = i + size_t(direction);
    if (other >= agenda.size()) return;
    if (agenda[other].author_id == ctx.user().id) {
        ctx.edit("talking_point", agenda[i].point_id, {{"position", agenda[other].position}});
        ctx.edit("talking_point", agenda[other].point_id, {{"position", agenda[i].position}});
    } else {
        ctx.edit("talking_point", agenda[i].point_id, {{"position", std::max(0, agenda[other].position + direction)}});
    }
}

void draw_point(Context& ctx, const UpcomingOneOnOne& next, size_t i) {
    const TalkingPointView& point = next.agenda[i];
    const bool mine = point.author_id == ctx.user().id;
    ImGui::PushID(point.point_id.c_str());
    ImGui::PushTextWrapPos(0.0f);
    if (mine && editing_id == point.point_id) {
        std::string& text = editing_text;
        ImGui::SetNextItemWidth(-1);
        const bool enter = ui::input_text("##edit-point", text, "Talking point", ImGuiInputTextFlags_EnterReturnsTrue);
        if ((enter || ui::button("Save##save-point", ImVec2(96, 0))) && !text.empty()) {
            if (!ctx.edit("talking_point", point.point_id, {{"text", text}}).problem) editing_id.clear();
        }
        ImGui::SameLine();
        if (ui::button("Cancel##cancel-point", ImVec2(96, 0))) editing_id.clear();
    } else {
        ImGui::Bullet();
        if (point.done) ui::muted(point.text);
        else ui::text(point.text);
        ui::muted("added by " + who_added(ctx, point, next.holder_id) + (point.done ? " · discussed" : ""));
        ui::remember(("my-point:" + point.text).c_str(), point.text + " · added by " + who_added(ctx, point, next.holder_id),
                     "text");
        if (mine) {
            // Buttons big enough for a thumb, on a line of their own under the point.
            const ImVec2 size(72, 0);
            if (ui::button(("Edit##edit-" + point.text).c_str(), size)) {
                editing_id = point.point_id;
                editing_text = point.text;
            }
            ImGui::SameLine();
            ImGui::BeginDisabled(i == 0);
            if (ui::button(("Up##up-" + point.text).c_str(), size)) move_point(ctx, next.agenda, i, -1);
            ImGui::EndDisabled();
            ImGui::SameLine();
            ImGui::BeginDisabled(i + 1 >= next.agenda.size());
            if (ui::button(("Down##down-" + point.text).c_str(), size)) move_point(ctx, next.agenda, i, 1);
            ImGui::EndDisabled();
            ImGui::SameLine();
            if (ui::button(("Remove##remove-" + point.text).c_str(), ImVec2(88, 0)))
                ctx.edit("talking_point", point.point_id, Json::object(), true);
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::PopID();
    ImGui::Spacing();
}

void draw_upcoming(Context& ctx, const UpcomingOneOnOne& next) {
    const std::string holder = ctx.directory().name_of(next.holder_id, "your manager");
    ImGui::PushID(next.holder_id.c_str());
    ui::heading("Next 1:1 with " + holder);
    const std::string when =
        next.overdue ? "Due since " + ctx.date_text(next.on) : day_text(ctx, next.on);
    const std::string how = next.planned_id.empty() ? " · not planned yet: your points wait for it" : " · planned";
    ImGui::PushTextWrapPos(0.0f);
    if (next.overdue) ui::text_colored(ui::theme::kOverdue, when + how);
    else ui::muted(when + how);
    ImGui::PopTextWrapPos();
    ui::remember(("next-with:" + holder).c_str(), when + how, "text");
    ImGui::Spacing();
    ui::text("Agenda");
    if (next.agenda.empty()) ui::muted("Nothing on the agenda yet. Add what you want to talk about.");
    for (size_t i = 0; i < next.agenda.size(); ++i) draw_point(ctx, next, i);

    std::string& text = new_point;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 88);
    bool add = ui::input_text("##my-new-point", text, "Add a talking point…", ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    add |= ui::button("Add##my-add-point", ImVec2(80, 0));
    if (add && !text.empty()) {
        Json fields{{"text", text}, {"position", next.next_position() + 1000}, {"done", false}};
        if (next.planned_id.empty()) {
            fields["report_id"] = ctx.user().id;
            fields["with_id"] = next.holder_id;
        } else {
            fields["checkin_id"] = next.planned_id;
        }
        if (!ctx.edit("talking_point", ctx.new_record_id(), fields).problem) text.clear();
    }
    ImGui::PopID();
    ImGui::Separator();
}

void draw_held(Context& ctx, const std::vector<HeldOneOnOne>& held) {
    ui::heading("Your 1:1s so far");
    if (held.empty()) return ui::muted("None yet.");
    for (const auto& one : held) {
        ImGui::PushID(one.checkin_id.c_str());
        std::string label = day_text(ctx, one.held_on) + " with " + ctx.directory().name_of(one.holder_id);
        if (!one.title.empty()) label += " · " + one.title;
        if (one.items_for_me)
            label += " · " + std::to_string(one.items_for_me) + (one.items_for_me == 1 ? " item for you" : " items for you");
        if (ImGui::Selectable((label + "##held").c_str(), false, 0, ImVec2(0, ImGui::GetFrameHeight())))
            open_shared_checkin(ctx, one.checkin_id);
        ui::remember(("held:" + one.held_on + ":" + one.checkin_id).c_str(), label, "row");
        ImGui::PopID();
    }
}
}  // namespace

void draw_my_one_on_ones_screen(Context& ctx) {
    const MyOneOnOnes& mine = my_one_on_ones_on_device();
    ui::heading("My 1:1s");
    if (mine.upcoming.empty() && mine.held.empty()) {
        ui::muted(ctx.last_synced_ms() ? "Nobody holds 1:1s with you in Tandem yet."
                                       : "Loading your 1:1s… (they appear after the first sync)");
        return;
    }
    for (const auto& next : mine.upcoming) draw_upcoming(ctx, next);
    draw_held(ctx, mine.held);
}

} // namespace tandem::client
