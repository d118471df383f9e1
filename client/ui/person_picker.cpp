#include "ui/person_picker.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "tandem/sync/entity.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {
bool contains_ignoring_case(const std::string& text, const std::string& part) {
    return lower_ascii(text).find(lower_ascii(part)) != std::string::npos;
}

const char* role_detail(Role role) {
    return role == Role::Manager ? "manager" : role == Role::Mentor ? "mentor" : "HR";
}

std::vector<PersonChoice> build_people(Context& ctx, People which) {
    const auto& directory = ctx.directory();
    const std::string me = ctx.user().id;
    std::vector<PersonChoice> people;
    std::unordered_set<std::string> listed{me};
    auto add = [&](const std::string& id, std::string name, std::string detail) {
        if (listed.insert(id).second) people.push_back({id, std::move(name), std::move(detail)});
    };
    if (which == People::MeOrMyTeam) people.push_back({me, "Me", ""});
    if (which == People::FeedbackTo || which == People::AnyoneButMe || which == People::MeOrMyTeam) {
        for (const auto& id : directory.org.tree_of(me))
            if (id != me) add(id, directory.name_of(id, "?"), "your team");
        std::sort(people.begin() + (which == People::MeOrMyTeam), people.end(),
                  [](const auto& a, const auto& b) { return a.name < b.name; });
    }
    if (which != People::MeOrMyTeam)
        for (const auto& colleague : directory.colleagues) {
            const bool manager = colleague.role == Role::Manager;
            if (manager || which == People::AnyoneButMe || which == People::Askable)
                add(colleague.person_id, colleague.name,
                    which == People::Managers ? "" : role_detail(colleague.role));
        }
    // Anyone can be recognised: HR's device knows every person, so HR can pick anyone.
    if (which == People::AnyoneButMe)
        for (const auto& [id, name] : directory.person_names) add(id, name, "");
    return people;
}
}  // namespace

bool person_picker(const char* id, const std::vector<PersonChoice>& people, std::string& chosen) {
    static PerUser<std::string> filter;
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

const std::vector<PersonChoice>& people_to_choose(Context& ctx, People which) {
    struct Built {
        uint64_t version = ~0ull;
        std::vector<PersonChoice> people;
    };
    // Per user: sign-out empties it, so a list is never another person's.
    static PerUser<std::map<People, Built>> built;
    Built& list = built[which];
    if (list.version != ctx.views_version()) list = Built{ctx.views_version(), build_people(ctx, which)};
    return list.people;
}

} // namespace tandem::client
