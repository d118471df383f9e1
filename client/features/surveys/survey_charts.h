#pragma once
// Charts for survey results, drawn with ImDrawList (ImGui 1.86 has no charting and Debian packages none):
// a heatmap of groups by themes with hatched cells where anonymity hides a figure, a distribution bar per
// question, and a line of an index across rounds.
#include <optional>
#include <string>
#include <vector>

struct ImDrawList;
struct ImVec2;

namespace tandem::client::charts {

// Grey diagonal stripes: where a figure exists but may not be shown (too few answers) or is missing.
void hatch(ImDrawList* draw, ImVec2 min, ImVec2 max);

struct HeatmapRow {
    std::string id, label;
    std::vector<std::optional<double>> cells;  // 0..100, one per column; nullopt: hidden (hatched)
};
// Returns the row clicked, if any.
std::optional<size_t> heatmap(const char* id, const std::vector<std::string>& columns,
                              const std::vector<HeatmapRow>& rows);

// Counts per value as one bar of segments, labelled with the values; hover shows each count.
void distribution_bar(const char* id, const std::vector<std::pair<std::string, long long>>& counts);

// An index per round (nullopt: not shown that round), with axes from `low` to `high`.
void trend_line(const char* id, const std::vector<std::string>& rounds, const std::vector<std::optional<double>>& values,
                double low, double high);

} // namespace tandem::client::charts
