#pragma once
// Where HR and managers build things together (product.md capabilities 7, 8 and 10): the program board
// and a program's discussion, manager agreements with versions, signatures and adherence, and mentoring.
namespace tandem::client {
class App;
void draw_programs_screen(App& app);    // the board by stage
void draw_program_screen(App& app);     // one program: goal, links, ratings, discussion, adoption
void draw_agreements_screen(App& app);  // HR: every agreement and a new one; a manager: theirs
void draw_agreement_screen(App& app);   // versions side by side, amendments, signatures, adherence
void draw_mentoring_screen(App& app);   // HR: pairing and coverage; mentors and mentees: their pairs
// On a manager's home screen: what waits for them here (a signature, their view on a program, an overdue
// mentoring session), each with a way there.
void draw_partnership_to_dos(App& app);
} // namespace tandem::client
