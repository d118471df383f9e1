#include "features/analytics/analytics_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "features/surveys/survey_charts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client::charts {

namespace {

const ImU32 kGrid = IM_COL32(214, 218, 224, 255);

ImU32 ink() { return ImGui::GetColorU32(ImGuiCol_Text); }

float y_of(const Axis& axis, double value, float top, float bottom) {
    const double t = axis.high > axis.low ? (std::clamp(value, axis.low, axis.high) - axis.low) / (axis.high - axis.low) : 0;
    return bottom - (bottom - top) * float(t);
}

// A hover target at `centre`; while hovered its tooltip shows and is remembered for tests.
void hover_point(const std::string& id, const std::string& label, ImVec2 centre, const std::string& tip) {
    ImGui::SetCursorScreenPos(ImVec2(centre.x - 9, centre.y - 9));
    ImGui::InvisibleButton(id.c_str(), ImVec2(18, 18));
    ui::remember(id.c_str(), label, "point");
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", tip.c_str());
        ui::remember((id + ":tip").c_str(), tip, "tooltip");
    }
}

// Y axis: five ticks with their values and grid lines, left of `left`.
void y_axis(ImDrawList* draw, const Axis& axis, float x0, float left, float right, float top, float bottom) {
    for (int tick = 0; tick <= 4; ++tick) {
        const double value = axis.low + (axis.high - axis.low) * tick / 4.0;
        const float y = bottom - (bottom - top) * float(tick) / 4.0f;
        draw->AddLine(ImVec2(left, y), ImVec2(right, y), kGrid);
        const std::string text = axis.format(value);
        draw->AddText(ImVec2(x0, y - 7), ink(), text.c_str());
    }
    draw->AddLine(ImVec2(left, top), ImVec2(left, bottom), IM_COL32(150, 156, 166, 255));
}

// X labels, thinned so they do not overlap.
void x_axis(ImDrawList* draw, const std::vector<std::string>& labels, const std::function<float(size_t)>& x_of,
            float bottom, float room) {
    float widest = 0;
    for (const auto& label : labels) widest = std::max(widest, ImGui::CalcTextSize(label.c_str()).x);
    const size_t step = std::max<size_t>(1, size_t((widest + 8) * float(labels.size()) / std::max(1.0f, room)) + 1);
    for (size_t i = 0; i < labels.size(); i += step) {
        const float w = ImGui::CalcTextSize(labels[i].c_str()).x;
        draw->AddText(ImVec2(x_of(i) - w / 2, bottom + 4), ink(), labels[i].c_str());
    }
}

}  // namespace

std::string percent(double share) {
    char text[16];
    std::snprintf(text, sizeof text, "%.0f%%", share * 100.0);
    return text;
}

std::string decimal(double value) {
    char text[24];
    std::snprintf(text, sizeof text, value == std::floor(value) ? "%.0f" : "%.1f", value);
    return text;
}

void line_chart(const char* id, const std::vector<std::string>& x_labels, const std::vector<Series>& series,
                const Axis& axis, float height) {
    const float width = std::min(ImGui::GetContentRegionAvail().x, 720.0f), axis_width = 48;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float left = origin.x + axis_width, right = origin.x + width - 12, top = origin.y + 8,
                bottom = origin.y + height;
    y_axis(draw, axis, origin.x, left, right, top, bottom);
    const size_t n = x_labels.size();
    auto x_of = [&](size_t i) { return n <= 1 ? (left + right) / 2 : left + 10 + (right - left - 20) * float(i) / float(n - 1); };
    x_axis(draw, x_labels, x_of, bottom, right - left);
    for (const Series& line : series) {
        const ImU32 colour = ImGui::GetColorU32(line.colour);
        std::optional<ImVec2> previous;
        for (size_t i = 0; i < n && i < line.values.size(); ++i) {
            if (!line.values[i]) {
                previous.reset();  // a missing or hidden figure breaks the line rather than bridging it
                continue;
            }
            const ImVec2 point(x_of(i), y_of(axis, *line.values[i], top, bottom));
            if (previous) draw->AddLine(*previous, point, colour, 2.0f);
            draw->AddCircleFilled(point, 3.5f, colour);
            previous = point;
        }
    }
    // Hover targets after the drawing: one per point, naming every series' value at that x.
    for (const Series& line : series)
        for (size_t i = 0; i < n && i < line.values.size(); ++i) {
            if (!line.values[i]) continue;
            std::string tip = x_labels[i];
            for (const Series& other : series)
                tip += "\n" + other.name + ": " +
                       (i < other.values.size() && other.values[i] ? axis.format(*other.values[i]) : std::string("—"));
            hover_point(std::string("point:") + id + ":" + line.name + ":" + x_labels[i], x_labels[i],
                        ImVec2(x_of(i), y_of(axis, *line.values[i], top, bottom)), tip);
        }
    // The legend below the axis labels.
    ImGui::SetCursorScreenPos(ImVec2(left, bottom + 22));
    for (size_t s = 0; s < series.size(); ++s) {
        if (s) ImGui::SameLine(0, 18);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        draw->AddRectFilled(ImVec2(at.x, at.y + 5), ImVec2(at.x + 14, at.y + 9), ImGui::GetColorU32(series[s].colour));
        ImGui::Dummy(ImVec2(16, 10));
        ImGui::SameLine(0, 4);
        ui::muted(series[s].name);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, std::max(ImGui::GetCursorScreenPos().y, bottom + 44)));
    ImGui::Dummy(ImVec2(width, 4));
}

void bar_chart(const char* id, const std::vector<std::string>& labels, const std::vector<std::optional<double>>& values,
               const Axis& axis, const ImVec4& colour, float height) {
    const float width = std::min(ImGui::GetContentRegionAvail().x, 720.0f), axis_width = 48;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float left = origin.x + axis_width, right = origin.x + width - 12, top = origin.y + 18,
                bottom = origin.y + height;
    y_axis(draw, axis, origin.x, left, right, top, bottom);
    const size_t n = labels.size();
    const float slot = (right - left) / float(std::max<size_t>(1, n)), bar = std::min(48.0f, slot * 0.7f);
    auto x_of = [&](size_t i) { return left + slot * (float(i) + 0.5f); };
    x_axis(draw, labels, x_of, bottom, right - left);
    for (size_t i = 0; i < n; ++i) {
        const float x = x_of(i);
        if (i >= values.size() || !values[i]) {
            hatch(draw, ImVec2(x - bar / 2, bottom - 10), ImVec2(x + bar / 2, bottom));
            continue;
        }
        const float y = y_of(axis, *values[i], top, bottom);
        draw->AddRectFilled(ImVec2(x - bar / 2, y), ImVec2(x + bar / 2, bottom), ImGui::GetColorU32(colour), 2.0f);
        const std::string text = axis.format(*values[i]);
        const float w = ImGui::CalcTextSize(text.c_str()).x;
        draw->AddText(ImVec2(x - w / 2, y - 16), ink(), text.c_str());
        hover_point(std::string("point:") + id + ":" + labels[i], labels[i], ImVec2(x, (y + bottom) / 2),
                    labels[i] + ": " + text);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom + 24));
    ImGui::Dummy(ImVec2(width, 2));
}

void cohort_bars(const char* id, const std::vector<CohortMeasure>& measures, const std::string& high_label,
                 const std::string& low_label) {
    const float width = std::min(ImGui::GetContentRegionAvail().x, 720.0f), height = 150;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec4 high_colour = ui::theme::kAccent, low_colour{0.62f, 0.66f, 0.72f, 1};
    const float top = origin.y + 20, bottom = origin.y + height;
    const float slot = width / float(std::max<size_t>(1, measures.size())), bar = std::min(40.0f, slot * 0.3f);
    draw->AddLine(ImVec2(origin.x, bottom), ImVec2(origin.x + width, bottom), IM_COL32(150, 156, 166, 255));
    for (size_t m = 0; m < measures.size(); ++m) {
        const CohortMeasure& measure = measures[m];
        const float centre = origin.x + slot * (float(m) + 0.5f);
        const float label_width = ImGui::CalcTextSize(measure.name.c_str()).x;
        draw->AddText(ImVec2(centre - label_width / 2, bottom + 4), ink(), measure.name.c_str());
        const std::pair<const std::optional<double>*, const std::string*> sides[] = {{&measure.high, &high_label},
                                                                                    {&measure.low, &low_label}};
        for (int side = 0; side < 2; ++side) {
            const float x = centre + (side == 0 ? -bar - 2 : 2);
            const auto& value = *sides[side].first;
            if (!value) {
                hatch(draw, ImVec2(x, bottom - 10), ImVec2(x + bar, bottom));
                continue;
            }
            const float y = y_of(measure.axis, *value, top, bottom);
            draw->AddRectFilled(ImVec2(x, y), ImVec2(x + bar, bottom), ImGui::GetColorU32(side == 0 ? high_colour : low_colour), 2.0f);
            const std::string text = measure.axis.format(*value);
            const float w = ImGui::CalcTextSize(text.c_str()).x;
            draw->AddText(ImVec2(x + bar / 2 - w / 2, y - 16), ink(), text.c_str());
            hover_point(std::string("point:") + id + ":" + measure.name + ":" + (side == 0 ? "high" : "low"),
                        measure.name, ImVec2(x + bar / 2, (y + bottom) / 2),
                        measure.name + " · " + *sides[side].second + ": " + text);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom + 24));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    draw->AddRectFilled(ImVec2(at.x, at.y + 3), ImVec2(at.x + 14, at.y + 13), ImGui::GetColorU32(high_colour));
    ImGui::Dummy(ImVec2(16, 14));
    ImGui::SameLine(0, 4);
    ui::muted(high_label);
    ImGui::SameLine(0, 18);
    const ImVec2 at2 = ImGui::GetCursorScreenPos();
    draw->AddRectFilled(ImVec2(at2.x, at2.y + 3), ImVec2(at2.x + 14, at2.y + 13), ImGui::GetColorU32(low_colour));
    ImGui::Dummy(ImVec2(16, 14));
    ImGui::SameLine(0, 4);
    ui::muted(low_label);
}

void sparkline(const char* id, const std::string& title, const std::vector<std::string>& x_labels,
               const std::vector<std::optional<double>>& values, const Axis& axis, float width) {
    const float height = 56;
    ImGui::BeginGroup();
    ui::text(title);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float left = origin.x + 2, right = origin.x + width - 48, top = origin.y + 4, bottom = origin.y + height - 4;
    draw->AddRect(ImVec2(origin.x, origin.y), ImVec2(origin.x + width - 44, origin.y + height), kGrid, 3.0f);
    const size_t n = values.size();
    auto x_of = [&](size_t i) { return n <= 1 ? (left + right) / 2 : left + 4 + (right - left - 8) * float(i) / float(n - 1); };
    std::optional<ImVec2> previous;
    std::optional<double> last;
    for (size_t i = 0; i < n; ++i) {
        if (!values[i]) {
            previous.reset();
            continue;
        }
        const ImVec2 point(x_of(i), y_of(axis, *values[i], top, bottom));
        if (previous) draw->AddLine(*previous, point, ImGui::GetColorU32(ui::theme::kAccent), 1.5f);
        draw->AddCircleFilled(point, 2.0f, ImGui::GetColorU32(ui::theme::kAccent));
        previous = point;
        last = values[i];
    }
    const std::string last_text = last ? axis.format(*last) : std::string("—");
    draw->AddText(ImVec2(origin.x + width - 40, origin.y + height / 2 - 7), ink(), last_text.c_str());
    for (size_t i = 0; i < n && i < x_labels.size(); ++i)
        if (values[i])
            hover_point(std::string("point:") + id + ":" + x_labels[i], x_labels[i],
                        ImVec2(x_of(i), y_of(axis, *values[i], top, bottom)), title + " · " + x_labels[i] + ": " + axis.format(*values[i]));
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height + 4));
    ImGui::Dummy(ImVec2(width, 2));
    ImGui::EndGroup();
}

}  // namespace tandem::client::charts
