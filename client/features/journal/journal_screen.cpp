// The reflection journal: a prompt, a sealed answer that saves itself as it is typed, an optional 1-5
// rating of oneself, the trend of those ratings, and past entries. Everything here is opened on the device.
#include <algorithm>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/journal/journal.h"
#include "tandem/base/dates.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct JournalScreenState {
    std::string entry_id;  // the entry being written; created by its first commit
    size_t prompt = 0;
};
PerUser<JournalScreenState> journal_state;

const OpenedJournalEntry* find_entry(const std::string& id) {
    for (const auto& entry : journal_on_device())
        if (entry.entry.entry_id == id) return &entry;
    return nullptr;
}

// Ratings by date, oldest left: a line with its points, the 1-5 scale, and the value under the pointer.
void draw_rating_trend(const std::vector<OpenedJournalEntry>& journal) {
    std::vector<std::pair<int64_t, int>> points;
    for (const auto& entry : journal)
        if (entry.entry.self_rating) points.emplace_back(days_from_iso(entry.entry.written_on), entry.entry.self_rating);
    if (points.empty()) return;
    std::sort(points.begin(), points.end());
    ui::text("How I rated myself");
    const float label_width = ImGui::CalcTextSize("5").x + 8;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::min(ImGui::GetContentRegionAvail().x, 640.0f), height = 110;
    ImGui::InvisibleButton("rating-trend", ImVec2(width, height));
    ui::remember("rating-trend", std::to_string(points.size()) + " ratings", "chart");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 plot_min(origin.x + label_width, origin.y + 6), plot_max(origin.x + width - 8, origin.y + height - 6);
    const ImU32 grid = ImGui::GetColorU32(ImVec4(0.85f, 0.87f, 0.90f, 1)), line = ImGui::GetColorU32(ui::theme::kAccent);
    auto y_of = [&](int rating) { return plot_max.y - (rating - 1) / 4.0f * (plot_max.y - plot_min.y); };
    for (int rating = 1; rating <= 5; ++rating) {
        draw->AddLine(ImVec2(plot_min.x, y_of(rating)), ImVec2(plot_max.x, y_of(rating)), grid);
        draw->AddText(ImVec2(origin.x, y_of(rating) - ImGui::GetFontSize() / 2), ImGui::GetColorU32(ui::theme::kMuted),
                      std::to_string(rating).c_str());
    }
    const int64_t first = points.front().first, span = std::max<int64_t>(1, points.back().first - first);
    auto x_of = [&](int64_t day) {
        return points.size() == 1 ? (plot_min.x + plot_max.x) / 2
                                  : plot_min.x + float(day - first) / float(span) * (plot_max.x - plot_min.x);
    };
    for (size_t i = 1; i < points.size(); ++i)
        draw->AddLine(ImVec2(x_of(points[i - 1].first), y_of(points[i - 1].second)),
                      ImVec2(x_of(points[i].first), y_of(points[i].second)), line, 2.0f);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const std::pair<int64_t, int>* hovered = nullptr;
    for (const auto& point : points) {
        const ImVec2 at(x_of(point.first), y_of(point.second));
        draw->AddCircleFilled(at, 4.5f, line);
        if (ImGui::IsItemHovered() && std::abs(mouse.x - at.x) < 12 && std::abs(mouse.y - at.y) < 12) hovered = &point;
    }
    if (hovered) ImGui::SetTooltip("%s: %d of 5", iso_from_days(hovered->first).c_str(), hovered->second);
}

void draw_new_entry(Context& ctx) {
    const auto& prompts = reflection_prompts();
    if (journal_state.entry_id.empty()) journal_state.entry_id = ctx.new_record_id();
    const OpenedJournalEntry* existing = find_entry(journal_state.entry_id);
    const std::string prompt = existing ? existing->entry.prompt : prompts[journal_state.prompt % prompts.size()];

    ui::heading("Today's reflection");
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    ui::text(prompt);
    ImGui::PopTextWrapPos();
    // The line stays when the entry is created, so nothing under the pointer moves mid-tap.
    if (existing) {
        ImGui::AlignTextToFramePadding();
        ui::muted("This entry answers this prompt.");
    } else if (ui::link("Another prompt")) {
        ++journal_state.prompt;
    }

    TextDraft& draft = ctx.draft("journal@" + journal_state.entry_id, existing ? existing->text : "");
    if (draft.entity.empty()) {
        draft.entity = "journal_entry";
        draft.record_id = journal_state.entry_id;
        draft.field = "text";
    }
    if (!existing)
        draft.create_fields = Json{{"owner_id", ctx.user().id}, {"written_on", ctx.today()}, {"prompt", prompt}};
    if (ui::input_multiline("##journal-text", draft.text, 120)) ctx.typed(draft);
    if (ui::committed_edit()) ctx.commit_draft(draft);

    ui::text("How did I do? (optional)");
    const int current = existing ? existing->entry.self_rating : 0;
    for (int rating = 1; rating <= 5; ++rating) {
        ImGui::SameLine();
        const bool selected = current == rating;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ui::theme::kAccentHover);
        const std::string label = std::to_string(rating) + "##rating" + std::to_string(rating);
        if (ui::button(label.c_str(), ImVec2(44, 0))) {
            if (existing) {
                ctx.edit("journal_entry", journal_state.entry_id, {{"self_rating", selected ? Json() : Json(rating)}});
            } else {  // the rating creates the entry, with whatever has been typed so far
                draft.create_fields["self_rating"] = rating;
                ctx.typed(draft);
                ctx.commit_draft(draft);
            }
        }
        if (selected) ImGui::PopStyleColor();
    }
    if (existing && ui::button("Start another entry##new-entry")) {
        journal_state.entry_id.clear();
        ++journal_state.prompt;
    }
}

void draw_past_entries(const Context&) {
    ui::heading("Earlier entries");
    bool any = false;
    for (const auto& entry : journal_on_device()) {
        if (entry.entry.entry_id == journal_state.entry_id) continue;
        any = true;
        ImGui::PushID(entry.entry.entry_id.c_str());
        ui::muted(entry.entry.written_on + (entry.entry.self_rating
                                                ? " · rated " + std::to_string(entry.entry.self_rating) + " of 5"
                                                : std::string()));
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
        if (!entry.entry.prompt.empty()) ui::muted(entry.entry.prompt);
        if (entry.status == OpenStatus::Opened)
            ui::text(entry.text);
        else
            ui::text_colored(ui::theme::kOverdue, "This entry cannot be opened: its stored form is damaged.");
        ImGui::PopTextWrapPos();
        ImGui::Separator();
        ImGui::PopID();
    }
    if (!any) ui::muted("Nothing yet. Entries appear here once written.");
}

}  // namespace

void draw_journal_screen(Context& ctx) {
    ui::heading("Journal");
    ui::muted("Private to you and sealed on this device: no one else, not HR, can read it.");
    ImGui::Spacing();
    if (!draw_unlock_panel(ctx, "Your journal entries")) return;
    ImGui::BeginChild("journal", ImVec2(0, 0));
    draw_rating_trend(journal_on_device());
    ImGui::Spacing();
    draw_new_entry(ctx);
    ImGui::Spacing();
    draw_past_entries(ctx);
    ImGui::EndChild();
}

} // namespace tandem::client
