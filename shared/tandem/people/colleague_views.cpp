#include "tandem/people/colleague_views.h"

#include <algorithm>

namespace tandem {

std::vector<ColleagueView> colleague_views(Store& store) {
    std::vector<ColleagueView> colleagues;
    for (const auto& record : store.records_of("colleague")) {
        if (record.state.deleted) continue;
        ColleagueView colleague{record.state.text("person_id"), record.state.text("name")};
        parse_role(record.state.text("role"), colleague.role);
        colleagues.push_back(std::move(colleague));
    }
    std::sort(colleagues.begin(), colleagues.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return colleagues;
}

} // namespace tandem
