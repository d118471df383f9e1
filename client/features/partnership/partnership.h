#pragma once
// Where HR and managers build things together (docs/features.md, Partnership): the program board and a
// program's discussion, manager agreements with versions, signatures and adherence, and mentoring.
namespace tandem::client {
class App;
void draw_programs_screen(App& app);    // the board by stage
void draw_program_screen(App& app);     // one program: goal, links, ratings, discussion, adoption
void draw_agreements_screen(App& app);  // HR: every agreement and a new one; a manager: theirs
void draw_agreement_screen(App& app);   // versions side by side, amendments, signatures, adherence
void draw_mentoring_screen(App& app);   // HR: pairing and coverage; mentors and mentees: their pairs
} // namespace tandem::client
