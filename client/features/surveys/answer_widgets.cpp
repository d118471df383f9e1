#include "features/surveys/answer_widgets.h"

#include <algorithm>
#include <optional>

#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct Scale {
    int from, to;
    const char *low, *high;
};
std::optional<Scale> scale_of(const std::string& kind) {
    if (kind == "likert5") return Scale{1, 5, "Strongly disagree", "Strongly agree"};
    if (kind == "agree7") return Scale{1, 7, "Strongly disagree", "Strongly agree"};
    if (kind == "scale0_10") return Scale{0, 10, "Not at all likely", "Extremely likely"};
    return std::nullopt;
}

}  // namespace

void draw_answer_widget(const Json& question, Json& chosen, std::string& text, const std::string& id_prefix,
                        float target_height) {
    const std::string kind = question.value("kind", "");
    if (auto scale = scale_of(kind)) {
        const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
        const int count = scale->to - scale->from + 1;
        const float width =
            std::max(target_height, std::min(96.0f, (ImGui::GetContentRegionAvail().x - 8 * count) / count));
        for (int v = scale->from; v <= scale->to; ++v) {
            if (v != scale->from) {
                ImGui::SameLine(0, 8);
                if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
            }
            const std::string label = std::to_string(v) + "##" + id_prefix + "-value-" + std::to_string(v);
            const bool on = chosen.is_number_integer() && chosen.get<int>() == v;
            if (on ? ui::primary_button(label.c_str(), ImVec2(width, target_height))
                   : ui::button(label.c_str(), ImVec2(width, target_height)))
                chosen = on ? Json() : Json(v);
        }
        ui::muted(std::to_string(scale->from) + " = " + scale->low + "   ·   " + std::to_string(scale->to) + " = " +
                  scale->high);
    } else if (kind == "choice") {
        for (const auto& option : question.value("choices", Json::array())) {
            const std::string choice = option.get<std::string>();
            const bool on = chosen == option;
            const std::string label = choice + "##" + id_prefix + "-choice-" + choice;
            if (on ? ui::primary_button(label.c_str(), ImVec2(-1, target_height))
                   : ui::button(label.c_str(), ImVec2(-1, target_height)))
                chosen = on ? Json() : option;
        }
    } else {
        if (text.empty() && chosen.is_string()) text = chosen.get<std::string>();
        if (ui::input_multiline(("##" + id_prefix + "-text").c_str(), text, 160))
            chosen = text.empty() ? Json() : Json(text);
        ui::muted("Optional. Please do not write names: comments are shown only when enough people wrote one.");
    }
}

} // namespace tandem::client
