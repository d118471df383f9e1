// What 1:1s add to the app: a manager's team as their home, one report's history and the check-in.
#include "app/app.h"
#include "features/one_on_ones/one_on_ones.h"

namespace tandem::client {

void register_one_on_ones(Registry& registry) {
    registry.add_screen({kTeamScreen, draw_team_screen, {}, {{Role::Manager, "My team"}}});
    registry.add_screen({kHistoryScreen, draw_history_screen, {}, {}, kTeamScreen});
    registry.add_screen({kCheckInScreen, draw_checkin_screen, {}, {}, kTeamScreen});
    registry.set_home(Role::Manager, kTeamScreen);
    registry.set_home(Role::Employee, kTeamScreen);
}

} // namespace tandem::client
