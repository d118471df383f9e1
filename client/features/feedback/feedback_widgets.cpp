// Widgets the feedback and recognition screens share: choosing a value, whom a recognition may name, and a
// piece of feedback drawn for reading. (Choosing a person and form text are everyone's: ui/person_picker.h, ui/form_text.h.)
#include <unordered_set>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/feedback/feedback.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

void next_in_row(float item_width, float right_edge) {
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + item_width > right_edge) ImGui::NewLine();
}

void value_picker(const char* id, const FeedbackWorld& world, std::string& chosen) {
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const auto& tag : world.value_tags) {
        if (tag.archived && tag.tag_id != chosen) continue;
        const std::string label = tag.name + "##" + id + "-" + tag.tag_id;
        const float width = ImGui::CalcTextSize(tag.name.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!first) next_in_row(width, right);
        first = false;
        const bool selected = tag.tag_id == chosen;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ui::theme::kAccentHover);
        if (ui::button(label.c_str())) chosen = selected ? std::string() : tag.tag_id;
        if (selected) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered() && !tag.description.empty()) ImGui::SetTooltip("%s", tag.description.c_str());
    }
    if (first) ui::muted("HR has not set up any values yet.");
}

const std::vector<PersonChoice>& people_to_recognise(Context& ctx) {
    struct Built {
        uint64_t version = ~0ull;
        std::vector<PersonChoice> people;
    };
    static PerUser<Built> built;  // rebuilt when data changed, not every frame: the wall can be long
    if (built.version == ctx.views_version()) return built.people;
    built.version = ctx.views_version();
    built.people = people_to_choose(ctx, People::AnyoneButMe);
    std::unordered_set<std::string> listed{ctx.user().id};
    for (const auto& person : built.people) listed.insert(person.person_id);
    auto add = [&](const std::string& id, const std::string& name) {
        if (!id.empty() && !name.empty() && listed.insert(id).second) built.people.push_back({id, name, "on the wall"});
    };
    for (const auto& item : feedback_on_device().recognitions) {
        add(item.about_id, item.about_name);
        add(item.from_id, item.from_name);
    }
    return built.people;
}

std::string giver_name(Context& ctx, const RecognitionView& item) {
    return ctx.directory().name_of(item.from_id, item.from_name.empty() ? "a former colleague" : item.from_name);
}

void draw_sbi(const SituationBehaviourImpact& text) {
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX());
    auto part = [](const char* label, const std::string& value) {
        if (value.empty()) return;
        ui::text_colored(ui::theme::kMuted, label);
        ImGui::SameLine();
        ui::text(value);
    };
    part("Situation:", text.situation);
    part("Behaviour:", text.behaviour);
    part("Impact:", text.impact);
    part("Next step:", text.next_step);
    ImGui::PopTextWrapPos();
}

} // namespace tandem::client
