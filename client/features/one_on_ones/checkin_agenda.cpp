// A 1:1's agenda. Items left open by earlier 1:1s come first: ticking one closes it here, and this 1:1 keeps
// it as "done in this 1:1" (with undo) rather than letting it vanish. Then the meeting's talking points in
// order, each tickable and movable, and a field to add one.
#include <algorithm>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/one_on_ones/checkin_parts.h"
#include "features/one_on_ones/one_on_ones.h"
#include "tandem/sync/entity.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

PerUser<std::string> new_point;

// "from the 1:1 of Nov 19, 2026 · you · overdue since Nov 26, 2026", the overdue part in the warning colour.
void draw_item_detail(Context& ctx, const CarriedItemView& carried, bool closed) {
    ImGui::SameLine();
    ui::muted("from the 1:1 of " + ctx.date_text(carried.from_held_on) + " · " +
              owner_text(ctx, carried.item.owner_id));
    if (closed) {
        ImGui::SameLine();
        ui::text_colored(ui::theme::kGood, "done in this 1:1");
        return;
    }
    if (carried.item.due_on.empty()) return;
    bool overdue = false;
    const std::string due = item_due_text(ctx, carried.item.due_on, overdue);
    ImGui::SameLine();
    if (overdue) ui::text_colored(ui::theme::kOverdue, due);
    else ui::muted(due);
}

void draw_carried(Context& ctx, const CheckInDetail& checkin) {
    ImGui::PushTextWrapPos(0.0f);
    for (const auto& carried : checkin.carried) {
        ImGui::PushID(carried.item.item_id.c_str());
        bool done = false;
        if (ui::checkbox(("##carried-" + carried.item.text).c_str(), done)) {
            ctx.edit("action_item", carried.item.item_id, {{"done", true}, {"done_in", checkin.checkin_id}});
            held_by_writing(ctx, checkin);
        }
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ui::text(carried.item.text);
        draw_item_detail(ctx, carried, false);
        ImGui::PopID();
    }
    for (const auto& closed : checkin.closed_here) {
        ImGui::PushID(closed.item.item_id.c_str());
        bool done = true;
        if (ui::checkbox(("##closed-" + closed.item.text).c_str(), done))  // undo: open again, carried on
            ctx.edit("action_item", closed.item.item_id, {{"done", false}, {"done_in", nullptr}});
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ui::muted(closed.item.text);
        draw_item_detail(ctx, closed, true);
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

// A point the report added is theirs to word and place: the manager ticks it and sees who added it.
bool added_by_report(const CheckInDetail& checkin, const TalkingPointView& point) {
    return !point.author_id.empty() && point.author_id == checkin.report_id;
}

void draw_talking_point(Context& ctx, const CheckInDetail& checkin, size_t i) {
    const TalkingPointView& point = checkin.agenda[i];
    const bool theirs = added_by_report(checkin, point);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    bool done = point.done;
    if (ui::checkbox(("##point-" + point.text).c_str(), done))
        ctx.edit("talking_point", point.point_id, {{"done", done}});
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0.0f);
    const std::string source = point.source.empty() ? "" : "  (" + point.source + ")";
    if (point.done) ui::muted(point.text + source);
    else ui::text(point.text);
    if (!point.done && !source.empty()) {
        ImGui::SameLine(0, 0);
        ui::muted(source);
    }
    if (theirs) {
        const std::string by = "added by " + ctx.directory().name_of(point.author_id);
        ImGui::SameLine();
        ui::muted("· " + by);
        ui::remember(("point-by:" + point.text).c_str(), point.text + " · " + by, "text");
    }
    ImGui::PopTextWrapPos();
    ImGui::TableNextColumn();
    if (theirs) return;
    // Moving swaps positions with the neighbour: two edits, one per point, each merged on its own. The
    // report's points are theirs to place, so past one of those the manager's point steps just beyond it.
    for (int direction : {-1, 1}) {
        const size_t other = i + size_t(direction);
        if (other < checkin.agenda.size()) {
            const std::string label = std::string(direction < 0 ? "Up##up-" : "Down##down-") + point.text;
            if (ui::link(label.c_str())) {
                if (added_by_report(checkin, checkin.agenda[other])) {
                    ctx.edit("talking_point", point.point_id,
                             {{"position", std::max(0, checkin.agenda[other].position + direction)}});
                } else {
                    ctx.edit("talking_point", point.point_id, {{"position", checkin.agenda[other].position}});
                    ctx.edit("talking_point", checkin.agenda[other].point_id, {{"position", point.position}});
                }
            }
        } else {  // keeps Remove in the same place on the first and last rows
            ImGui::Dummy(ImVec2(ImGui::CalcTextSize(direction < 0 ? "Up" : "Down").x +
                                    ImGui::GetStyle().FramePadding.x * 2,
                                ImGui::GetFrameHeight()));
        }
        ImGui::SameLine();
    }
    if (ui::link(("Remove##point-" + point.text).c_str()))
        ctx.edit("talking_point", point.point_id, Json::object(), true);
}

}  // namespace

void draw_agenda(Context& ctx, const CheckInDetail& checkin) {
    // What the report added before this 1:1 was planned moves onto it now that the manager has it open.
    for (const auto& point : checkin.agenda)
        if (point.unattached) ctx.edit("talking_point", point.point_id, {{"checkin_id", checkin.checkin_id}});
    ui::heading("Agenda");
    if (checkin.carried.empty() && checkin.closed_here.empty() && checkin.agenda.empty())
        ui::muted("Nothing on the agenda yet.");
    draw_carried(ctx, checkin);
    for (const AgendaItem& item : ctx.features().agenda_items())
        if (item.where == AgendaItem::Where::AboveTalkingPoints) item.draw(ctx, checkin);
    // A table keeps the move and remove buttons in one column, however long each point is; long points wrap.
    const float actions_width = ImGui::CalcTextSize("Up Down Remove").x + ImGui::GetStyle().FramePadding.x * 6 + 24;
    if (!checkin.agenda.empty() && ImGui::BeginTable("agenda", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("point", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("actions", ImGuiTableColumnFlags_WidthFixed, actions_width);
        for (size_t i = 0; i < checkin.agenda.size(); ++i) {
            ImGui::PushID(checkin.agenda[i].point_id.c_str());
            draw_talking_point(ctx, checkin, i);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    for (const AgendaItem& item : ctx.features().agenda_items())
        if (item.where == AgendaItem::Where::BelowTalkingPoints) item.draw(ctx, checkin);
    std::string& text = new_point;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 100);
    bool add = ui::input_text("##new-point", text, "Add a talking point…", ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    add |= ui::button("Add##add-point", ImVec2(80, 0));
    if (add && !text.empty()) {
        const int position = checkin.agenda.empty() ? 1000 : checkin.agenda.back().position + 1000;
        if (!ctx.edit("talking_point", ctx.new_record_id(),
                      {{"checkin_id", checkin.checkin_id}, {"text", text}, {"position", position}, {"done", false}})
                 .problem)
            text.clear();
    }
}

} // namespace tandem::client
