#include "features/surveys/survey_charts.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client::charts {

namespace {
// Red (low) through amber to green (high): a scale that still reads in greyscale by lightness.
ImU32 score_colour(double score) {
    const float t = float(std::clamp(score, 0.0, 100.0) / 100.0);
    const ImVec4 low{0.84f, 0.33f, 0.29f, 1}, mid{0.96f, 0.76f, 0.36f, 1}, high{0.30f, 0.66f, 0.42f, 1};
    auto mix = [](const ImVec4& a, const ImVec4& b, float k) {
        return ImVec4(a.x + (b.x - a.x) * k, a.y + (b.y - a.y) * k, a.z + (b.z - a.z) * k, 1);
    };
    return ImGui::GetColorU32(t < 0.5f ? mix(low, mid, t * 2) : mix(mid, high, (t - 0.5f) * 2));
}

}  // namespace

void hatch(ImDrawList* draw, ImVec2 min, ImVec2 max) {
    draw->AddRectFilled(min, max, IM_COL32(236, 238, 242, 255));
    draw->PushClipRect(min, max, true);
    for (float x = min.x - (max.y - min.y); x < max.x; x += 8)
        draw->AddLine(ImVec2(x, max.y), ImVec2(x + (max.y - min.y), min.y), IM_COL32(170, 176, 186, 255), 1.0f);
    draw->PopClipRect();
}

std::optional<size_t> heatmap(const char* id, const std::vector<std::string>& columns,
                              const std::vector<HeatmapRow>& rows) {
    std::optional<size_t> clicked;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float width = ImGui::GetContentRegionAvail().x;
    const float label_width = std::min(260.0f, width * 0.38f);
    const float cell_width = std::max(48.0f, (width - label_width) / float(std::max<size_t>(1, columns.size())));
    const float row_height = 34, header = ImGui::GetTextLineHeightWithSpacing() * 1.6f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (size_t c = 0; c < columns.size(); ++c) {
        const ImVec2 at(origin.x + label_width + c * cell_width + 4, origin.y);
        draw->PushClipRect(at, ImVec2(at.x + cell_width - 6, at.y + header), true);
        draw->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), columns[c].c_str());
        draw->PopClipRect();
    }
    for (size_t r = 0; r < rows.size(); ++r) {
        const float y = origin.y + header + r * row_height;
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
        ImGui::PushID(int(r));
        if (ImGui::InvisibleButton("row", ImVec2(width, row_height - 2))) clicked = r;
        ui::remember((std::string(id) + ":" + rows[r].id).c_str(), rows[r].label, "row");
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        draw->PushClipRect(ImVec2(origin.x, y), ImVec2(origin.x + label_width - 6, y + row_height), true);
        draw->AddText(ImVec2(origin.x, y + 8), ImGui::GetColorU32(hovered ? ui::theme::kAccent : ImVec4(0.1f, 0.1f, 0.12f, 1)),
                      rows[r].label.c_str());
        draw->PopClipRect();
        for (size_t c = 0; c < columns.size() && c < rows[r].cells.size(); ++c) {
            const ImVec2 min(origin.x + label_width + c * cell_width, y), max(min.x + cell_width - 4, y + row_height - 4);
            const auto& value = rows[r].cells[c];
            if (!value) {
                hatch(draw, min, max);
                continue;
            }
            draw->AddRectFilled(min, max, score_colour(*value), 3.0f);
            char text[16];
            std::snprintf(text, sizeof text, "%.0f", *value);
            const ImVec2 size = ImGui::CalcTextSize(text);
            draw->AddText(ImVec2((min.x + max.x - size.x) / 2, (min.y + max.y - size.y) / 2), IM_COL32(20, 20, 24, 255), text);
            if (ImGui::IsMouseHoveringRect(min, max))
                ImGui::SetTooltip("%s · %s: %.1f of 100", rows[r].label.c_str(), columns[c].c_str(), *value);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + header + rows.size() * row_height + 4));
    // The legend: what the colours and the hatching mean.
    const ImVec2 legend = ImGui::GetCursorScreenPos();
    for (int i = 0; i <= 10; ++i)
        draw->AddRectFilled(ImVec2(legend.x + i * 16, legend.y), ImVec2(legend.x + i * 16 + 16, legend.y + 12),
                            score_colour(i * 10.0));
    hatch(draw, ImVec2(legend.x + 200, legend.y), ImVec2(legend.x + 232, legend.y + 12));
    ImGui::Dummy(ImVec2(0, 14));
    ui::muted("0 to 100 (eNPS and psychological safety rescaled)   ·   hatched: too few answers to show");
    return clicked;
}

void distribution_bar(const char* id, const std::vector<std::pair<std::string, long long>>& counts) {
    long long total = 0;
    for (const auto& [value, count] : counts) total += count;
    const float width = std::min(ImGui::GetContentRegionAvail().x, 560.0f), height = 22;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, ImVec2(width, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float x = origin.x;
    for (size_t i = 0; i < counts.size(); ++i) {
        if (total <= 0) break;
        const float w = width * float(counts[i].second) / float(total);
        if (w <= 0) continue;
        const double score = counts.size() > 1 ? 100.0 * double(i) / double(counts.size() - 1) : 50.0;
        const ImVec2 min(x, origin.y), max(x + w, origin.y + height);
        draw->AddRectFilled(min, max, score_colour(score));
        draw->AddRect(min, max, IM_COL32(255, 255, 255, 255));
        const ImVec2 size = ImGui::CalcTextSize(counts[i].first.c_str());
        if (size.x + 4 < w)
            draw->AddText(ImVec2(min.x + (w - size.x) / 2, min.y + (height - size.y) / 2), IM_COL32(20, 20, 24, 255),
                          counts[i].first.c_str());
        if (ImGui::IsMouseHoveringRect(min, max))
            ImGui::SetTooltip("%s: %lld of %lld", counts[i].first.c_str(), counts[i].second, total);
        x += w;
    }
}

void trend_line(const char* id, const std::vector<std::string>& rounds, const std::vector<std::optional<double>>& values,
                double low, double high) {
    const float width = std::min(ImGui::GetContentRegionAvail().x, 560.0f), height = 140, axis = 40;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, ImVec2(width, height + 20));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 grid = IM_COL32(210, 214, 220, 255), ink = ImGui::GetColorU32(ImGuiCol_Text);
    const float left = origin.x + axis, right = origin.x + width - 10, top = origin.y + 6, bottom = origin.y + height;
    for (int tick = 0; tick <= 4; ++tick) {  // y axis: five ticks with their values
        const double value = low + (high - low) * tick / 4.0;
        const float y = bottom - (bottom - top) * float(tick) / 4.0f;
        draw->AddLine(ImVec2(left, y), ImVec2(right, y), grid);
        char text[16];
        std::snprintf(text, sizeof text, "%.0f", value);
        draw->AddText(ImVec2(origin.x, y - 7), ink, text);
    }
    const size_t n = rounds.size();
    auto x_of = [&](size_t i) { return n <= 1 ? (left + right) / 2 : left + (right - left) * float(i) / float(n - 1); };
    auto y_of = [&](double v) { return bottom - (bottom - top) * float((v - low) / (high - low)); };
    std::optional<ImVec2> previous;
    for (size_t i = 0; i < n; ++i) {
        draw->AddText(ImVec2(x_of(i) - 12, bottom + 4), ink, rounds[i].c_str());
        if (!values[i]) {
            previous.reset();  // a hidden round breaks the line rather than bridging it
            continue;
        }
        const ImVec2 point(x_of(i), y_of(*values[i]));
        if (previous) draw->AddLine(*previous, point, ImGui::GetColorU32(ui::theme::kAccent), 2.0f);
        draw->AddCircleFilled(point, 4.0f, ImGui::GetColorU32(ui::theme::kAccent));
        if (ImGui::IsMouseHoveringRect(ImVec2(point.x - 8, point.y - 8), ImVec2(point.x + 8, point.y + 8)))
            ImGui::SetTooltip("%s: %.1f", rounds[i].c_str(), *values[i]);
        previous = point;
    }
}

} // namespace tandem::client::charts
