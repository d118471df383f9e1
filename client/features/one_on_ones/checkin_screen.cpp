// Editing one 1:1. A 1:1 is planned (prepared, counting for nothing) until the manager says it was held, or
// writes notes on or after its date. The notes fields are drafts in App (see drafts.h): committed when the
// field is left or typing pauses. The date commits only once it is a day that exists (ui/date_field.h).
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/journal/journal.h"
#include "features/one_on_ones/checkin_parts.h"
#include "features/one_on_ones/one_on_ones.h"
#include "tandem/base/dates.h"
#include "tandem/sync/entity.h"
#include "ui/date_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct EditorState {
    std::string checkin_id;
    ui::DateFieldState held_on;
    bool held_by_writing = false;  // the edit that holds a planned 1:1 on its first notes was made
};

PerUser<EditorState> editor;

void load_form(const CheckInDetail& checkin) {
    if (editor.checkin_id == checkin.checkin_id) return;
    editor = EditorState();
    editor.checkin_id = checkin.checkin_id;
}

// A text field bound to its draft: typing marks it, leaving the field commits it.
void draw_notes_field(Context& ctx, const CheckInDetail& checkin, const char* id, TextDraft& draft, float height) {
    if (ui::input_multiline(id, draft.text, height)) {
        ctx.typed(draft);
        held_by_writing(ctx, checkin);
    }
    if (ui::committed_edit()) ctx.commit_draft(draft);
}

TextDraft& checkin_draft(Context& ctx, const CheckInDetail& checkin, const char* field, const std::string& stored) {
    TextDraft& draft = ctx.draft(std::string(field) + "@" + checkin.checkin_id, stored);
    draft.entity = "checkin";
    draft.record_id = checkin.checkin_id;
    draft.field = field;
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

// Planned: when, and the manager's word that it took place. Held: when, and a way to take that back.
void draw_held_status(Context& ctx, const CheckInDetail& checkin) {
    ImGui::AlignTextToFramePadding();
    if (!checkin.planned) {
        ui::text("Held " + (checkin.held_on == ctx.today() ? "today" : "on " + day_text(ctx, checkin.held_on)));
        ImGui::SameLine();
        if (ui::link("Not held yet##unhold")) mark_planned(ctx, checkin);
        return;
    }
    const bool late = checkin.held_on < ctx.today();
    ui::text_colored(late ? ui::theme::kOverdue : ui::theme::kWarning,
                     std::string(late ? "Planned for " : "Planned · ") + day_text(ctx, checkin.held_on) +
                         (late ? ", not held yet" : ""));
    ImGui::SameLine();
    // Held before its planned day: it took place today, so that is its date.
    if (ui::primary_button(checkin.held_on == ctx.today() ? "Mark as held##held-today" : "Mark as held today##held-today"))
        mark_held(ctx, checkin, ctx.today());
    if (late) {
        ImGui::SameLine();
        if (ui::button(("Held on " + ctx.date_text(checkin.held_on) + "##held-as-planned").c_str()))
            mark_held(ctx, checkin, checkin.held_on);
    }
}

// A planned 1:1 moves to any day; a held one took place, so not after today.
void draw_date(Context& ctx, const CheckInDetail& checkin) {
    ui::DateFieldOptions options = ui::date_options(ctx, checkin.planned ? "Planned for" : "Date");
    const std::string today = ctx.today();
    if (checkin.planned) {
        options.quick = {{"Today", today}, {"Tomorrow", add_days(today, 1)}, {"In a week", add_days(today, 7)}};
    } else {
        options.max = today;
        options.quick = {{"Today", today}, {"Yesterday", add_days(today, -1)}};
    }
    std::string on = checkin.held_on;
    if (ui::date_field("held-on", editor.held_on, on, options))
        ctx.edit("checkin", checkin.checkin_id, {{"held_on", on}});
}

void draw_mood(Context& ctx, const CheckInDetail& checkin) {
    ui::text("Mood");
    for (int mood = 1; mood <= 5; ++mood) {
        ImGui::SameLine();
        const bool selected = checkin.mood == mood;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ui::theme::kAccentHover);
        const std::string label = std::to_string(mood) + "##mood" + std::to_string(mood);
        if (ui::button(label.c_str(), ImVec2(44, 0))) {
            ctx.edit("checkin", checkin.checkin_id, {{"mood", selected ? Json() : Json(mood)}});
            held_by_writing(ctx, checkin);
        }
        if (selected) ImGui::PopStyleColor();
    }
    const char* hint = checkin.mood ? "(tap again to clear)" : "(optional, 1 = low, 5 = great)";
    ImGui::SameLine();
    // Narrow screens: the hint goes on its own line rather than being cut off.
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(hint).x) ImGui::NewLine();
    ui::muted(hint);
}

// An untouched planned 1:1 goes without a question: nothing is lost. Anything else asks first.
void draw_delete(Context& ctx, const CheckInDetail& checkin) {
    if (checkin.planned && checkin.untouched()) {
        if (ui::button("Discard this planned 1:1")) {
            ctx.edit("checkin", checkin.checkin_id, Json::object(), true);
            open_history(ctx, one_on_ones_on_device().report_id);
        }
        return;
    }
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
}

}  // namespace

void held_by_writing(Context& ctx, const CheckInDetail& checkin) {
    if (!checkin.planned || checkin.held_on > ctx.today() || editor.held_by_writing) return;
    editor.held_by_writing = true;
    mark_held(ctx, checkin, checkin.held_on);
}

void draw_checkin_screen(Context& ctx) {
    const CheckInDetail& checkin = one_on_ones_on_device().checkin;
    if (ui::link("‹ All 1:1s")) return open_history(ctx, one_on_ones_on_device().report_id);
    if (!checkin.found) {
        ui::muted("This 1:1 no longer exists (it may have been deleted on another device).");
        return;
    }
    load_form(checkin);
    ui::heading("1:1 with " + one_on_ones_on_device().report_name);

    ui::begin_scrolled("editor", checkin.checkin_id);
    draw_held_status(ctx, checkin);
    draw_date(ctx, checkin);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 480.0f));
    TextDraft& title = checkin_draft(ctx, checkin, "title", checkin.title);
    if (ui::input_text("##title", title.text, "Title (optional), for example: Quarterly review")) ctx.typed(title);
    if (ui::committed_edit()) ctx.commit_draft(title);
    draw_mood(ctx, checkin);
    ImGui::Spacing();
    draw_agenda(ctx, checkin);
    ImGui::Spacing();

    ui::text("Shared notes (visible to both of you)");
    draw_notes_field(ctx, checkin, "##shared-notes", checkin_draft(ctx, checkin, "shared_notes", checkin.shared_notes),
                     160);

    ui::text("Private notes (only you, sealed on this device)");
    if (draw_unlock_panel(ctx, "Private notes")) {
        if (!checkin.private_note_id.empty() && one_on_ones_on_device().private_note_status != OpenStatus::Opened)
            ui::text_colored(ui::theme::kOverdue, "Your private note on this 1:1 cannot be opened: its stored form "
                                                  "is damaged. Typing here replaces it.");
        draw_notes_field(ctx, checkin, "##private-notes", private_note_draft(ctx, checkin), 100);
    }

    ImGui::Spacing();
    draw_action_items(ctx, checkin);
    ImGui::Spacing();
    ImGui::Separator();
    draw_delete(ctx, checkin);
    ui::end_scrolled("editor");
}

} // namespace tandem::client
