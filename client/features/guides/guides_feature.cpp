// What guides add to the app: the list of templates and playbooks, one guide, and the picker on a 1:1's
// agenda that adds a guide's prompts.
#include "app/app.h"
#include "features/guides/guides.h"

namespace tandem::client {

void register_guides(Registry& registry) {
    registry.add_screen({kGuidesScreen, draw_guides_screen, {},
                         {{Role::Manager, "Guides"}, {Role::HrAdmin, "Guides"}, {Role::Mentor, "Guides"},
                          {Role::Employee, "Guides"}}});
    registry.add_screen({kGuideScreen, draw_guide_screen, {}, {}, kGuidesScreen});
    registry.add_agenda_item({"guides/picker", AgendaItem::Where::BelowTalkingPoints, draw_guide_picker});
}

void open_guide(App& app, const std::string& guide_id) {
    app.open_screen(kGuideScreen, [guide_id](App&, TeamViews& views) { views.guide_id = guide_id; });
}

} // namespace tandem::client
