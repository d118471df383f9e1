// What partnership adds to the app: the program board, agreements and mentoring (a mentor's home).
#include "app/app.h"
#include "features/partnership/partnership.h"

namespace tandem::client {

void register_partnership(Registry& registry) {
    registry.add_screen({kProgramsScreen, draw_programs_screen, {},
                         {{Role::HrAdmin, "Programs"}, {Role::Manager, "Programs"}, {Role::Mentor, "Programs"}}});
    registry.add_screen({kProgramScreen, draw_program_screen, {}, {}, kProgramsScreen});
    registry.add_screen({kAgreementsScreen, draw_agreements_screen, {},
                         {{Role::HrAdmin, "Agreements"}, {Role::Manager, "Agreement"}}});
    registry.add_screen({kAgreementScreen, draw_agreement_screen, {}, {}, kAgreementsScreen});
    registry.add_screen({kMentoringScreen, draw_mentoring_screen, {},
                         {{Role::HrAdmin, "Mentoring"}, {Role::Manager, "Mentoring"}, {Role::Mentor, "Mentoring"}}});
    registry.set_home(Role::Mentor, kMentoringScreen);
}

void open_program(App& app, const std::string& program_id) {
    app.open_screen(kProgramScreen, [program_id](App&, TeamViews& views) { views.program_id = program_id; });
}

void open_agreement(App& app, const std::string& agreement_id) {
    app.open_screen(kAgreementScreen,
                    [agreement_id](App&, TeamViews& views) { views.agreement_id = agreement_id; });
}

void open_mentoring_pair(App& app, const std::string& pair_id) {
    app.open_screen(kMentoringScreen, [pair_id](App&, TeamViews& views) { views.pair_id = pair_id; });
}

} // namespace tandem::client
