// The action items agreed in a 1:1: who owns each (the report, the manager, or someone else in the
// manager's team, as for survey actions), when it is due, and whether it is done.
#include <algorithm>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/one_on_ones/checkin_parts.h"
#include "features/one_on_ones/one_on_ones.h"
#include "tandem/base/dates.h"
#include "tandem/sync/entity.h"
#include "ui/date_field.h"
#include "ui/person_picker.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct NewItem {
    std::string checkin_id;  // the 1:1 the row was filled in for: another 1:1 starts with an empty row
    std::string text, due_on, owner_id;
    ui::DateFieldState due_field;
};
PerUser<NewItem> new_item;

// The report of this 1:1 first, then the manager, then the rest of the manager's team by name.
std::vector<PersonChoice> owners_for(Context& ctx, const CheckInDetail& checkin) {
    const auto& directory = ctx.directory();
    std::vector<PersonChoice> owners{{checkin.report_id, directory.name_of(checkin.report_id), "this 1:1"},
                                     {ctx.user().id, ctx.user().name + " (me)", ""}};
    for (const auto& report : directory.org.reports_of(ctx.user().id))
        if (report != checkin.report_id) owners.push_back({report, directory.name_of(report), "your team"});
    std::sort(owners.begin() + 2, owners.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return owners;
}

// Optional; the quick choices are the days items are usually due by: the next 1:1, a week, the month's end.
ui::DateFieldOptions due_options(Context& ctx, const CheckInDetail& checkin) {
    ui::DateFieldOptions options = ui::date_options(ctx, "Due");
    options.optional = true;
    const std::string today = ctx.today();
    for (const auto& report : one_on_ones_on_device().team)
        if (report.person_id == checkin.report_id) {
            const std::string next = checkin.planned || report.planned_on.empty() ? report.next_due : report.planned_on;
            if (next > today) options.quick.push_back({"Next 1:1", next});
        }
    options.quick.push_back({"In a week", add_days(today, 7)});
    options.quick.push_back({"End of month", add_days(add_months(today.substr(0, 8) + "01", 1), -1)});
    return options;
}

void draw_item(Context& ctx, const ActionItemView& item) {
    ImGui::PushID(item.item_id.c_str());
    bool done = item.done;
    // Unticking here also forgets the later 1:1 it was ticked in: it is open again, carried as before.
    if (ui::checkbox(("##done-" + item.text).c_str(), done))
        ctx.edit("action_item", item.item_id, done ? Json{{"done", true}} : Json{{"done", false}, {"done_in", nullptr}});
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (item.done) ui::muted(item.text);
    else ui::text(item.text);
    ImGui::SameLine();
    ui::muted(owner_text(ctx, item.owner_id));
    if (item.done && !item.done_in_on.empty()) {
        ImGui::SameLine();
        ui::muted("done in the 1:1 of " + ctx.date_text(item.done_in_on));
    } else if (!item.due_on.empty()) {
        bool overdue = false;
        const std::string due = item_due_text(ctx, item.due_on, overdue);
        ImGui::SameLine();
        if (overdue && !item.done) ui::text_colored(ui::theme::kOverdue, due);
        else ui::muted(due);
    }
    ImGui::SameLine();
    if (ui::link(("Remove##" + item.text).c_str())) ctx.edit("action_item", item.item_id, Json::object(), true);
    ImGui::PopID();
}

}  // namespace

void draw_action_items(Context& ctx, const CheckInDetail& checkin) {
    ui::heading("Action items");
    if (checkin.items.empty()) ui::muted("Nothing agreed yet.");
    for (const auto& item : checkin.items) draw_item(ctx, item);

    if (new_item.checkin_id != checkin.checkin_id) new_item = NewItem{checkin.checkin_id, "", "", ctx.user().id, {}};
    ImGui::SetNextItemWidth(-1);
    bool add = ui::input_text("##new-item", new_item.text, "Add an action item…", ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::AlignTextToFramePadding();
    ui::text("Owner");
    ImGui::SameLine();
    person_picker("item-owner", owners_for(ctx, checkin), new_item.owner_id);
    ImGui::SameLine();
    ui::date_field("item-due", new_item.due_field, new_item.due_on, due_options(ctx, checkin));
    ImGui::SameLine();
    add |= ui::button("Add##add-item", ImVec2(80, 0));
    if (add && !new_item.text.empty()) {
        if (!new_item.due_field.problem.empty()) return;  // said under the field; the row waits for a real day
        Json fields{{"checkin_id", checkin.checkin_id}, {"text", new_item.text}, {"done", false},
                    {"owner_id", new_item.owner_id}};
        if (!new_item.due_on.empty()) fields["due_on"] = new_item.due_on;
        if (!ctx.edit("action_item", ctx.new_record_id(), fields).problem) {
            held_by_writing(ctx, checkin);
            new_item.text.clear();
            new_item.due_on.clear();
        }
    }
}

} // namespace tandem::client
