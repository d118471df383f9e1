// Widgets the feedback and recognition screens share: choosing a person and a value, form text kept on the
// device, and a piece of feedback drawn for reading.
#include <algorithm>
#include <map>
#include <unordered_set>

#include "app/app.h"
#include "features/feedback/feedback.h"
#include "ui/theme.h"
#include "tandem/sync/entity.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {
bool contains_ignoring_case(const std::string& text, const std::string& part) {
    return lower_ascii(text).find(lower_ascii(part)) != std::string::npos;
}

const char* role_detail(const std::string& role) {
    return role == "manager" ? "manager" : role == "mentor" ? "mentor" : "HR";
}

std::vector<PersonChoice> build_people(App& app, People which) {
    const auto& views = app.views();
    const std::string me = app.user()->id;
    std::vector<PersonChoice> people;
    std::unordered_set<std::string> listed{me};
    auto add = [&](const std::string& id, std::string name, std::string detail) {
        if (listed.insert(id).second) people.push_back({id, std::move(name), std::move(detail)});
    };
    if (which == People::MeOrMyTeam) people.push_back({me, "Me", ""});
    if (which == People::FeedbackTo || which == People::RecognitionTo || which == People::MeOrMyTeam) {
        for (const auto& id : views.org.tree_of(me))
            if (id != me) add(id, views.name_of(id, "?"), "your team");
        std::sort(people.begin() + (which == People::MeOrMyTeam), people.end(),
                  [](const auto& a, const auto& b) { return a.name < b.name; });
    }
    if (which != People::MeOrMyTeam)
        for (const auto& colleague : views.feedback.colleagues) {
            const bool manager = colleague.role == "manager";
            if (manager || which == People::RecognitionTo || which == People::Askable)
                add(colleague.person_id, colleague.name,
                    which == People::Managers ? "" : role_detail(colleague.role));
        }
    // Anyone can be recognised: HR's device knows every person, so HR can pick anyone.
    if (which == People::RecognitionTo)
        for (const auto& [id, name] : views.person_names) add(id, name, "");
    return people;
}
}  // namespace

bool person_picker(const char* id, const std::vector<PersonChoice>& people, std::string& chosen) {
    static std::string filter;
    std::string label = "Choose a person";
    for (const auto& person : people)
        if (person.person_id == chosen) label = person.name;
    const std::string popup = std::string("pick-person-") + id;
    if (ui::button((label + "##" + id).c_str(), ImVec2(std::min(ImGui::GetContentRegionAvail().x, 360.0f), 0))) {
        filter.clear();
        ImGui::OpenPopup(popup.c_str());
    }
    bool changed = false;
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowSize(ImVec2(std::min(screen.x - 24, 460.0f), std::min(screen.y - 48, 520.0f)));
    if (ImGui::BeginPopupModal(popup.c_str(), nullptr, ImGuiWindowFlags_NoTitleBar)) {
        ui::heading("Who is it for?");
        ImGui::SetNextItemWidth(-1);
        ui::input_text("##person-filter", filter, "Type part of a name");
        ImGui::BeginChild("people", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() - 8));
        int shown = 0;
        for (const auto& person : people) {
            if (!filter.empty() && !contains_ignoring_case(person.name, filter)) continue;
            ++shown;
            const std::string text = person.name + (person.detail.empty() ? "" : " · " + person.detail) +
                                     "##person-" + person.person_id;
            if (ui::button(text.c_str(), ImVec2(-1, 0))) {
                changed = chosen != person.person_id;
                chosen = person.person_id;
                ImGui::CloseCurrentPopup();
            }
        }
        if (!shown) ui::muted("Nobody matches.");
        ImGui::EndChild();
        if (ui::button("Cancel##pick-person-cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    return changed;
}

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

TextDraft& form_text(App& app, const std::string& form_id, const char* field) {
    TextDraft& draft = app.drafts().field(form_id + "/" + field, app.device_draft(form_id, field));
    if (draft.entity.empty()) {
        draft.entity = kDeviceDraftEntity;
        draft.record_id = form_id;
        draft.field = field;
    }
    return draft;
}

bool draw_form_field(App& app, TextDraft& draft, const char* label, const char* hint, float height) {
    ui::text(label);
    if (hint) ui::muted(hint);
    const std::string id = "##" + draft.field;  // one form per screen, so the field names it
    bool changed = height > 0 ? ui::input_multiline(id.c_str(), draft.text, height)
                              : (ImGui::SetNextItemWidth(-1), ui::input_text(id.c_str(), draft.text));
    if (changed) app.typed(draft);
    if (ui::committed_edit()) app.commit_draft(draft);
    return changed;
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

const std::vector<PersonChoice>& people_to_choose(App& app, People which) {
    struct Built {
        uint64_t version = ~0ull;
        std::string user;
        std::vector<PersonChoice> people;
    };
    static std::map<People, Built> built;
    Built& list = built[which];
    if (list.version != app.views().version || list.user != app.user()->id)
        list = Built{app.views().version, app.user()->id, build_people(app, which)};
    return list.people;
}

} // namespace tandem::client
