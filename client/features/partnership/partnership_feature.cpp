// What partnership adds to the app: the program board, agreements and mentoring (a mentor's home).
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/partnership/partnership.h"

namespace tandem::client {

namespace {
PerUser<PartnershipViews> views;

void rebuild(const ViewSource& source) {
    views.programs = program_views(source.store, source.user_id);
    views.agreements = agreement_views(source.store);
    views.own_adherence.clear();
    for (const auto& agreement : views.agreements)
        if (agreement.manager_id == source.user_id && agreement.in_force >= 0)
            views.own_adherence[agreement.agreement_id] = agreement_adherence(
                agreement, manager_activity(source.store, source.user_id, source.today, nullptr), source.today);
    views.mentoring = mentoring_pairs(source.store, source.today);
    views.mentoring_coverage = mentoring_coverage(source.store, views.mentoring);
    views.mentors.clear();
    for (const auto& [id, name] : source.directory.person_names)
        if (source.directory.org.role_of(id) == Role::Mentor) views.mentors.emplace_back(id, name);
}
}  // namespace

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
    registry.add_views(rebuild);
}

const PartnershipViews& partnership_on_device() { return views; }

void open_program(Context& ctx, const std::string& program_id) {
    ctx.open_screen(kProgramScreen, [program_id](Context&) { views.program_id = program_id; });
}

void open_agreement(Context& ctx, const std::string& agreement_id) {
    ctx.open_screen(kAgreementScreen,
                    [agreement_id](Context&) { views.agreement_id = agreement_id; });
}

void open_mentoring_pair(Context& ctx, const std::string& pair_id) {
    ctx.open_screen(kMentoringScreen, [pair_id](Context&) { views.pair_id = pair_id; });
}

} // namespace tandem::client
