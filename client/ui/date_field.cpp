#include "ui/date_field.h"

#include <algorithm>
#include <utility>

#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID: whether the person is typing in the field
#include <misc/cpp/imgui_stdlib.h>

#include "feature_api/context.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::ui {

namespace {

constexpr float kCell = 40;  // a day is a touch target: at least 36 CSS px
constexpr float kGap = 4;

struct Field {
    const std::string id;
    DateFieldState& state;
    std::string& iso;
    const DateFieldOptions& options;

    std::string words(const std::string& day) const {
        return day.empty() || !options.words ? day : options.words(day);
    }
    bool allowed(const std::string& day) const {
        return (options.min.empty() || day >= options.min) && (options.max.empty() || day <= options.max);
    }
    // The text becomes the locale's words for the date taken, so what was typed reads back as understood.
    bool take(const std::string& day) {
        state.problem.clear();
        state.text = words(day);
        state.shown = day;
        if (day == iso) return false;
        iso = day;
        return true;
    }
    bool commit_typed() {
        if (state.text.find_first_not_of(" \t") == std::string::npos && options.optional) return take("");
        const TypedDate read = read_typed_date(state.text, options.style, options.today);
        if (!read.problem.empty()) state.problem = read.problem;
        else if (!options.min.empty() && read.iso < options.min)
            state.problem = "Choose a day on or after " + words(options.min) + ".";
        else if (!options.max.empty() && read.iso > options.max)
            state.problem = "Choose a day on or before " + words(options.max) + ".";
        else return take(read.iso);
        return false;
    }
};

void draw_calendar_icon(ImVec2 min, ImVec2 max) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 color = ImGui::GetColorU32(theme::kMuted);
    const ImVec2 c((min.x + max.x) / 2, (min.y + max.y) / 2);
    const float w = 8, h = 7;
    draw->AddRect(ImVec2(c.x - w, c.y - h), ImVec2(c.x + w, c.y + h), color, 2, 0, 1.5f);
    draw->AddLine(ImVec2(c.x - w, c.y - h + 4), ImVec2(c.x + w, c.y - h + 4), color, 1.5f);
    for (int row = 0; row < 2; ++row)
        for (int col = 0; col < 3; ++col)
            draw->AddRectFilled(ImVec2(c.x - 5 + col * 4.5f, c.y + row * 3.5f), ImVec2(c.x - 3 + col * 4.5f, c.y + 2 + row * 3.5f), color);
}

bool month_button(const char* glyph, const std::string& id) {
    const bool pressed = ImGui::Button((std::string(glyph) + "##" + id).c_str(), ImVec2(kCell, kCell));
    remember(id.c_str(), glyph, "button");
    return pressed;
}

bool day_button(Field& field, const std::string& day, int number) {
    const bool chosen = day == field.iso, today = day == field.options.today;
    int colors = 0;
    if (chosen) {
        ImGui::PushStyleColor(ImGuiCol_Button, theme::kAccent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::kAccentHover);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        colors = 3;
    } else if (today) {
        ImGui::PushStyleColor(ImGuiCol_Border, theme::kAccent);
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
        colors = 2;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, today ? 2.0f : 0.0f);
    ImGui::BeginDisabled(!field.allowed(day));
    const bool pressed = ImGui::Button((std::to_string(number) + "##" + day).c_str(), ImVec2(kCell, kCell));
    ImGui::EndDisabled();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(colors);
    // Keyboard navigation starts on the chosen day (or today), not the first button of the popup.
    if ((chosen || (today && field.iso.empty())) && ImGui::IsWindowAppearing()) ImGui::SetItemDefaultFocus();
    remember((field.id + "-day-" + day).c_str(), std::to_string(number), "button");
    return pressed;
}

bool draw_calendar(Field& field) {
    std::string& month = field.state.month;
    const int year = std::stoi(month.substr(0, 4)), number = std::stoi(month.substr(5, 2));
    const float width = 7 * kCell + 6 * kGap;
    bool committed = false;

    if (month_button("‹", field.id + "-prev")) month = add_months(month, -1);
    ImGui::SameLine();
    const std::string title = std::string(month_name(number)) + " " + std::to_string(year);
    const ImVec2 title_size = ImGui::CalcTextSize(title.c_str());
    const float left = ImGui::GetStyle().WindowPadding.x;
    const float row_y = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(left + (width - title_size.x) / 2, row_y + (kCell - title_size.y) / 2));
    text(title);
    ImGui::SameLine(left + width - kCell);
    ImGui::SetCursorPosY(row_y);
    if (month_button("›", field.id + "-next")) month = add_months(month, 1);

    static const char* const weekdays[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
    for (int i = 0; i < 7; ++i) {
        if (i) ImGui::SameLine(left + i * (kCell + kGap));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (kCell - ImGui::CalcTextSize(weekdays[i]).x) / 2);
        ImGui::TextColored(theme::kMuted, "%s", weekdays[i]);
    }
    // Weeks start on Monday: blank cells before the 1st, then one button per day.
    const int blanks = weekday(month), days = days_in_month(year, number);
    for (int cell = 0; cell < blanks + days; ++cell) {
        if (cell % 7) ImGui::SameLine();
        if (cell < blanks) {
            ImGui::Dummy(ImVec2(kCell, kCell));
            continue;
        }
        const std::string day = add_days(month, cell - blanks);
        if (day_button(field, day, cell - blanks + 1)) {
            committed = field.take(day);
            ImGui::CloseCurrentPopup();
        }
    }

    float row = width;  // quick choices flow in rows as wide as the grid
    for (size_t n = 0; n < field.options.quick.size(); ++n) {
        const QuickDate& quick = field.options.quick[n];
        const float button = ImGui::CalcTextSize(quick.label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
        if (row + kGap + button <= width) ImGui::SameLine();
        else row = -kGap;
        row += kGap + button;
        ImGui::BeginDisabled(!field.allowed(quick.iso));
        if (ui::button((quick.label + "##" + field.id + "-" + std::to_string(n)).c_str(), ImVec2(0, kCell))) {
            committed = field.take(quick.iso);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
    }
    return committed;
}

}  // namespace

bool date_field(const char* id, DateFieldState& state, std::string& iso, const DateFieldOptions& options) {
    Field field{id, state, iso, options};
    const std::string input_id = "##" + field.id;
    // The date changed under the field (a reset form, another device's edit): show it, unless the person
    // is typing there now.
    if (state.shown != iso && ImGui::GetActiveID() != ImGui::GetID(input_id.c_str())) field.take(iso);
    bool committed = false;

    const ImVec2 field_min = ImGui::GetCursorScreenPos();
    const std::string hint = date_example(options.style, options.today);
    ImGui::SetNextItemWidth(options.width);
    // Selecting all on entry: typing replaces the locale's words rather than editing them.
    ImGui::InputTextWithHint(input_id.c_str(), hint.c_str(), &state.text, ImGuiInputTextFlags_AutoSelectAll);
    remember((options.label + input_id).c_str(), options.label, "input", state.text);
    if (committed_edit()) committed = field.commit_typed();
    const float field_bottom = ImGui::GetItemRectMax().y;

    const std::string calendar = field.id + "-calendar";
    ImGui::SameLine(0, kGap);
    if (ImGui::Button(("##" + calendar).c_str(), ImVec2(ImGui::GetFrameHeight() + 8, 0))) {
        state.month = (iso.empty() ? options.today : iso).substr(0, 8) + "01";
        ImGui::OpenPopup(calendar.c_str());
    }
    draw_calendar_icon(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    remember(calendar.c_str(), "Calendar", "button");
    if (!options.label.empty()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(options.label.c_str());
    }

    // Below the field, or above it when the screen has no room below (a field near the bottom, a phone).
    const float calendar_height = 24 + ImGui::GetTextLineHeight() + 8 * (kCell + kGap);
    const bool room_below = field_bottom + kGap + calendar_height <= ImGui::GetIO().DisplaySize.y;
    if (room_below || field_min.y - kGap < calendar_height)
        ImGui::SetNextWindowPos(ImVec2(field_min.x, field_bottom + kGap), ImGuiCond_Appearing);
    else
        ImGui::SetNextWindowPos(ImVec2(field_min.x, field_min.y - kGap), ImGuiCond_Appearing, ImVec2(0, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 12));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(kGap, kGap));
    if (ImGui::BeginPopup(calendar.c_str())) {
        committed = draw_calendar(field) || committed;
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);

    if (!state.problem.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(options.width, 320.0f));
        text_colored(theme::kOverdue, state.problem);
        ImGui::PopTextWrapPos();
    }
    return committed;
}

DateFieldOptions date_options(client::Context& ctx, std::string label) {
    DateFieldOptions options;
    options.label = std::move(label);
    options.today = ctx.today();
    options.style = ctx.date_style();
    options.words = [&ctx](const std::string& iso) { return ctx.date_text(iso); };
    return options;
}

}  // namespace tandem::ui
