// Editing one 1:1. The notes fields are drafts in App (see drafts.h): committed when the field is left or
// typing pauses. The date is a small form of its own: it commits only once it is a valid date.
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/journal/journal.h"
#include "features/one_on_ones/one_on_ones.h"
#include "tandem/sync/entity.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct FormField {
    std::string text;
    bool dirty = false;
};

struct EditorState {
    std::string checkin_id;
    uint64_t views_version = 0;
    FormField held_on, new_item, new_item_due, new_point;
    std::string date_error;
};

PerUser<EditorState> editor;

void load_form(const CheckInDetail& checkin, uint64_t version) {
    if (editor.checkin_id != checkin.checkin_id) {
        editor = EditorState();
        editor.checkin_id = checkin.checkin_id;
    }
    if (editor.views_version == version) return;
    editor.views_version = version;
    if (!editor.held_on.dirty) editor.held_on.text = checkin.held_on;
}

// A notes field bound to its draft: typing marks it, leaving the field commits it.
void draw_notes_field(Context& ctx, const char* id, TextDraft& draft, float height) {
    if (ui::input_multiline(id, draft.text, height)) ctx.typed(draft);
    if (ui::committed_edit()) ctx.commit_draft(draft);
}

TextDraft& shared_notes_draft(Context& ctx, const CheckInDetail& checkin) {
    TextDraft& draft = ctx.draft("shared_notes@" + checkin.checkin_id, checkin.shared_notes);
    draft.entity = "checkin";
    draft.record_id = checkin.checkin_id;
    draft.field = "shared_notes";
    return draft;
}

// The private note is created by its first commit: its id is chosen once, when the draft is made.
TextDraft& private_note_draft(Context& ctx, const CheckInDetail& checkin) {
    TextDraft& draft = ctx.draft("private_note@" + checkin.checkin_id, one_on_ones_on_device().private_note_text);
    if (draft.entity.empty()) {
        draft.entity = "private_note";
        draft.field = "text";
    }
    if (!checkin.private_note_id.empty()) {
        draft.record_id = checkin.private_note_id;
    } else if (draft.record_id.empty()) {
        draft.record_id = ctx.new_record_id();
        draft.create_fields = Json{{"checkin_id", checkin.checkin_id}};
    }
    return draft;
}

void draw_mood(Context& ctx, const CheckInDetail& checkin) {
    ui::text("Mood");
    for (int mood = 1; mood <= 5; ++mood) {
        ImGui::SameLine();
        const bool selected = checkin.mood == mood;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ui::theme::kAccentHover);
        const std::string label = std::to_string(mood) + "##mood" + std::to_string(mood);
        if (ui::button(label.c_str(), ImVec2(44, 0)))
            ctx.edit("checkin", checkin.checkin_id, {{"mood", selected ? Json() : Json(mood)}});
        if (selected) ImGui::PopStyleColor();
    }
    const char* hint = checkin.mood ? "(tap again to clear)" : "(optional, 1 = low, 5 = great)";
    ImGui::SameLine();
    // Narrow screens: the hint goes on its own line rather than being cut off.
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(hint).x) ImGui::NewLine();
    ui::muted(hint);
}

// The agenda: open items carried from earlier 1:1s (ticking one closes it where it was agreed), then this
// meeting's talking points in order, each tickable and movable, and a field to add one.
void draw_agenda(Context& ctx, const CheckInDetail& checkin) {
    ui::heading("Agenda");
    if (checkin.carried.empty() && checkin.agenda.empty()) ui::muted("Nothing on the agenda yet.");
    for (const auto& carried : checkin.carried) {
        ImGui::PushID(carried.item.item_id.c_str());
        bool done = false;
        if (ui::checkbox(("##carried-" + carried.item.text).c_str(), done))
            ctx.edit("action_item", carried.item.item_id, {{"done", true}});
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ui::text(carried.item.text);
        ImGui::SameLine();
        ui::muted("open since the 1:1 of " + ctx.date_text(carried.from_held_on) +
                  (carried.item.due_on.empty() ? "" : ", due " + ctx.date_text(carried.item.due_on)));
        ImGui::PopID();
    }
    for (const AgendaItem& item : ctx.features().agenda_items())
        if (item.where == AgendaItem::Where::AboveTalkingPoints) item.draw(ctx, checkin);
    // A table keeps the move and remove buttons in one column, however long each point is; long points wrap.
    const float actions_width = ImGui::CalcTextSize("Up Down Remove").x + ImGui::GetStyle().FramePadding.x * 6 + 24;
    if (!checkin.agenda.empty() && ImGui::BeginTable("agenda", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("point", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("actions", ImGuiTableColumnFlags_WidthFixed, actions_width);
        for (size_t i = 0; i < checkin.agenda.size(); ++i) {
            const TalkingPointView& point = checkin.agenda[i];
            ImGui::PushID(point.point_id.c_str());
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
            ImGui::PopTextWrapPos();
            ImGui::TableNextColumn();
            // Moving swaps positions with the neighbour: two edits, one per point, each merged on its own.
            for (int direction : {-1, 1}) {
                const size_t other = i + size_t(direction);
                if (other < checkin.agenda.size()) {
                    const std::string label = std::string(direction < 0 ? "Up##up-" : "Down##down-") + point.text;
                    if (ui::link(label.c_str())) {
                        ctx.edit("talking_point", point.point_id, {{"position", checkin.agenda[other].position}});
                        ctx.edit("talking_point", checkin.agenda[other].point_id, {{"position", point.position}});
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
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    for (const AgendaItem& item : ctx.features().agenda_items())
        if (item.where == AgendaItem::Where::BelowTalkingPoints) item.draw(ctx, checkin);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 100);
    bool add = ui::input_text("##new-point", editor.new_point.text, "Add a talking point…",
                              ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    add |= ui::button("Add##add-point", ImVec2(80, 0));
    if (add && !editor.new_point.text.empty()) {
        const int position = checkin.agenda.empty() ? 1000 : checkin.agenda.back().position + 1000;
        if (!ctx.edit("talking_point", ctx.new_record_id(),
                      {{"checkin_id", checkin.checkin_id}, {"text", editor.new_point.text}, {"position", position},
                       {"done", false}})
                 .problem)
            editor.new_point.text.clear();
    }
}

void draw_action_items(Context& ctx, const CheckInDetail& checkin) {
    ui::heading("Action items");
    if (checkin.items.empty()) ui::muted("Nothing agreed yet.");
    for (const auto& item : checkin.items) {
        ImGui::PushID(item.item_id.c_str());
        bool done = item.done;
        if (ui::checkbox(("##done-" + item.text).c_str(), done))
            ctx.edit("action_item", item.item_id, {{"done", done}});
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        if (item.done)
            ui::muted(item.text);
        else
            ui::text(item.text);
        if (!item.due_on.empty()) {
            ImGui::SameLine();
            ui::muted("due " + ctx.date_text(item.due_on));
        }
        ImGui::SameLine();
        if (ui::link(("Remove##" + item.text).c_str())) ctx.edit("action_item", item.item_id, Json::object(), true);
        ImGui::PopID();
    }
    const float due_width = 150;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - due_width - 100);
    bool add = ui::input_text("##new-item", editor.new_item.text, "Add an action item…",
                              ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(due_width);
    ui::input_text("##new-item-due", editor.new_item_due.text, "due YYYY-MM-DD");
    ImGui::SameLine();
    add |= ui::button("Add", ImVec2(80, 0));
    if (add && !editor.new_item.text.empty()) {
        Json fields{{"checkin_id", checkin.checkin_id}, {"text", editor.new_item.text}, {"done", false},
                    {"owner_id", ctx.user().id}};
        if (!editor.new_item_due.text.empty()) {
            if (!is_iso_date(editor.new_item_due.text)) {
                ctx.set_notice("The due date must look like 2026-12-01.");
                return;
            }
            fields["due_on"] = editor.new_item_due.text;
        }
        if (!ctx.edit("action_item", ctx.new_record_id(), fields).problem) {
            editor.new_item.text.clear();
            editor.new_item_due.text.clear();
        }
    }
}

}  // namespace

void draw_checkin_screen(Context& ctx) {
    const CheckInDetail& checkin = one_on_ones_on_device().checkin;
    if (ui::link("‹ All 1:1s")) return open_history(ctx, one_on_ones_on_device().report_id);
    if (!checkin.found) {
        ui::muted("This 1:1 no longer exists (it may have been deleted on another device).");
        return;
    }
    load_form(checkin, ctx.views_version());
    ui::heading("1:1 with " + one_on_ones_on_device().report_name);

    ImGui::BeginChild("editor", ImVec2(0, 0));
    ui::text("Date");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160);
    if (ui::input_text("##held-on", editor.held_on.text, "YYYY-MM-DD")) editor.held_on.dirty = true;
    if (ui::committed_edit()) {
        if (is_iso_date(editor.held_on.text)) {
            editor.date_error.clear();
            if (!ctx.edit("checkin", checkin.checkin_id, {{"held_on", editor.held_on.text}}).problem)
                editor.held_on.dirty = false;
        } else {
            editor.date_error = "Use a date like 2026-11-23.";
        }
    }
    if (!editor.date_error.empty()) {
        ImGui::SameLine();
        ui::text_colored(ui::theme::kOverdue, editor.date_error);
    } else if (is_iso_date(editor.held_on.text)) {
        ImGui::SameLine();
        ui::muted(ctx.date_text(editor.held_on.text));
    }
    draw_mood(ctx, checkin);
    ImGui::Spacing();
    draw_agenda(ctx, checkin);
    ImGui::Spacing();

    ui::text("Shared notes (visible to both of you)");
    draw_notes_field(ctx, "##shared-notes", shared_notes_draft(ctx, checkin), 160);

    ui::text("Private notes (only you, sealed on this device)");
    if (draw_unlock_panel(ctx, "Private notes")) {
        if (!checkin.private_note_id.empty() && one_on_ones_on_device().private_note_status != OpenStatus::Opened)
            ui::text_colored(ui::theme::kOverdue, "Your private note on this 1:1 cannot be opened: its stored form "
                                                  "is damaged. Typing here replaces it.");
        draw_notes_field(ctx, "##private-notes", private_note_draft(ctx, checkin), 100);
    }

    ImGui::Spacing();
    draw_action_items(ctx, checkin);
    ImGui::Spacing();
    ImGui::Separator();
    if (ui::danger_button("Delete this 1:1")) ImGui::OpenPopup("confirm-delete");
    if (ImGui::BeginPopupModal("confirm-delete", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ui::text("Delete this 1:1, its notes and action items?");
        if (ui::danger_button("Delete")) {
            ctx.edit("checkin", checkin.checkin_id, Json::object(), true);
            ImGui::CloseCurrentPopup();
            open_history(ctx, one_on_ones_on_device().report_id);
        }
        ImGui::SameLine();
        if (ui::button("Keep it")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::EndChild();
}

} // namespace tandem::client
