// One held 1:1 as the report reads it: the shared notes, the agenda with who added each point, and the
// action items, of which the report ticks off their own (the manager sees it, and an item ticked here is no
// longer carried into the next 1:1). The manager's private note and mood mark never reach this device.
#include "feature_api/context.h"
#include "features/one_on_ones/one_on_ones.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {
void draw_item(Context& ctx, const ActionItemView& item, const std::string& from) {
    ImGui::PushID(item.item_id.c_str());
    ImGui::PushTextWrapPos(0.0f);
    const bool mine = item.owner_id == ctx.user().id;
    if (mine) {
        bool done = item.done;
        if (ui::checkbox(("##my-item-" + item.text).c_str(), done)) ctx.edit("action_item", item.item_id, {{"done", done}});
        ImGui::SameLine();
    } else {
        ImGui::Bullet();
    }
    ImGui::AlignTextToFramePadding();
    if (item.done) ui::muted(item.text);
    else ui::text(item.text);
    std::string detail = mine ? "yours" : owner_text(ctx, item.owner_id.empty() ? std::string("?") : item.owner_id);
    if (item.owner_id.empty()) detail = "your manager's";
    if (!from.empty()) detail += " · from the 1:1 of " + ctx.date_text(from);
    bool overdue = false;
    if (!item.done && !item.due_on.empty()) detail += " · " + item_due_text(ctx, item.due_on, overdue);
    if (item.done) detail += " · done";
    if (overdue) ui::text_colored(ui::theme::kOverdue, detail);
    else ui::muted(detail);
    ui::remember(("shared-item:" + item.text).c_str(), item.text + " · " + detail, "text",
                 item.done ? "done" : "open");
    ImGui::PopTextWrapPos();
    ImGui::PopID();
}
}  // namespace

void draw_shared_checkin_screen(Context& ctx) {
    const CheckInDetail& checkin = one_on_ones_on_device().shared;
    if (ui::link("< My 1:1s")) return ctx.open_screen(kMyOneOnOnesScreen);
    if (!checkin.found) return ui::muted("This 1:1 is no longer on this device.");
    const std::string holder = ctx.directory().name_of(checkin.holder_id, "your manager");
    ui::heading("1:1 with " + holder + " · " + day_text(ctx, checkin.held_on));
    if (!checkin.title.empty()) ui::text(checkin.title);
    ImGui::Spacing();
    ui::text("Shared notes");
    ImGui::PushTextWrapPos(0.0f);
    if (checkin.shared_notes.empty()) ui::muted("No shared notes.");
    else ui::text(checkin.shared_notes);
    ui::remember("shared-notes", checkin.shared_notes, "text");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    ui::text("Agenda");
    if (checkin.agenda.empty()) ui::muted("Nothing was on the agenda.");
    ImGui::PushTextWrapPos(0.0f);
    for (const auto& point : checkin.agenda) {
        const std::string& author = point.author_id.empty() ? checkin.holder_id : point.author_id;
        ImGui::Bullet();
        ui::text(point.text);
        ui::muted("added by " + (author == ctx.user().id ? std::string("you") : ctx.directory().name_of(author)) +
                  (point.done ? " · discussed" : ""));
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    ui::text("Action items");
    if (checkin.items.empty() && checkin.carried.empty()) ui::muted("No action items.");
    for (const auto& item : checkin.items) draw_item(ctx, item, "");
    for (const auto& carried : checkin.carried) draw_item(ctx, carried.item, carried.from_held_on);
}

} // namespace tandem::client
