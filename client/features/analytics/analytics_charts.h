#pragma once
// Charts for people analytics, drawn with ImDrawList: line charts with axes, ticks and hover values (one or
// more series, gaps where a figure is hidden or missing), grouped bars for the cohort comparison, bars per
// team, and small sparklines for small multiples. Every hoverable point is also an item the browser tests
// can find ("point:<chart>:<label>"), and its tooltip text is remembered as a "tooltip" while shown.
#include <imgui.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tandem::client::charts {

struct Series {
    std::string name;
    ImVec4 colour;
    std::vector<std::optional<double>> values;  // one per x label
};

// How a value reads on an axis and in a tooltip ("48%", "1.5", "62.5").
using Format = std::function<std::string(double)>;
std::string percent(double share);  // 0..1 as "48%"
std::string decimal(double value);  // "1.5"

struct Axis {
    double low = 0, high = 1;
    Format format = decimal;
};

void line_chart(const char* id, const std::vector<std::string>& x_labels, const std::vector<Series>& series,
                const Axis& axis, float height = 160);

// Bars per label (vertical), each with its value written above it; nullopt draws a hatched stub.
void bar_chart(const char* id, const std::vector<std::string>& labels, const std::vector<std::optional<double>>& values,
               const Axis& axis, const ImVec4& colour, float height = 140);

// Two bars per measure (higher and lower cohort), each measure on its own scale.
struct CohortMeasure {
    std::string name;
    std::optional<double> high, low;
    Axis axis;
};
void cohort_bars(const char* id, const std::vector<CohortMeasure>& measures, const std::string& high_label,
                 const std::string& low_label);

// A small line without axes for small multiples: its last value written beside it.
void sparkline(const char* id, const std::string& title, const std::vector<std::string>& x_labels,
               const std::vector<std::optional<double>>& values, const Axis& axis, float width);

}  // namespace tandem::client::charts
