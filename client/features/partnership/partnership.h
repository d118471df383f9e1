#pragma once
// Where HR and managers build things together (docs/features.md, Partnership): the program board and a
// program's discussion, manager agreements with versions, signatures and adherence, and mentoring.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "tandem/partnership/agreements.h"
#include "tandem/partnership/mentoring_views.h"
#include "tandem/partnership/program_views.h"

namespace tandem::client {
class Context;
class Registry;

// What the partnership screens draw from, rebuilt when data changed, and what they have open.
struct PartnershipViews {
    std::vector<ProgramView> programs;
    // Agreements, with the adherence this device can measure: a manager's own, from their own records.
    std::vector<AgreementView> agreements;
    std::map<std::string, std::vector<CommitmentAdherence>> own_adherence;  // agreement id -> figures
    std::vector<MentoringPairView> mentoring;
    std::vector<MentoringCoverage> mentoring_coverage;  // HR: every manager, paired or not
    std::vector<std::pair<std::string, std::string>> mentors;  // id, name: people HR may pair a manager with
    std::string program_id, agreement_id, pair_id;             // what the screens have open
};

inline constexpr const char* kProgramsScreen = "partnership/programs";
inline constexpr const char* kProgramScreen = "partnership/program";
inline constexpr const char* kAgreementsScreen = "partnership/agreements";
inline constexpr const char* kAgreementScreen = "partnership/agreement";
inline constexpr const char* kMentoringScreen = "partnership/mentoring";

void register_partnership(Registry& registry);
const PartnershipViews& partnership_on_device();
void open_program(Context& ctx, const std::string& program_id);
void open_agreement(Context& ctx, const std::string& agreement_id);
void open_mentoring_pair(Context& ctx, const std::string& pair_id);
void draw_programs_screen(Context& ctx);    // the board by stage
void draw_program_screen(Context& ctx);     // one program: goal, links, ratings, discussion, adoption
void draw_agreements_screen(Context& ctx);  // HR: every agreement and a new one; a manager: theirs
void draw_agreement_screen(Context& ctx);   // versions side by side, amendments, signatures, adherence
void draw_mentoring_screen(Context& ctx);   // HR: pairing and coverage; mentors and mentees: their pairs
} // namespace tandem::client
