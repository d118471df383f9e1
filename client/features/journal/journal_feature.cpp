// What the journal adds to the app: the journal and the passphrase screen that seals it and private notes.
#include "app/app.h"
#include "features/journal/journal.h"

namespace tandem::client {

void forget_passphrase_form();  // sealing_screens.cpp

void register_journal(Registry& registry) {
    registry.add_screen({kJournalScreen, draw_journal_screen, {},
                         {{Role::Manager, "Journal"}, {Role::HrAdmin, "Journal"}, {Role::Mentor, "Journal"},
                          {Role::Employee, "Journal"}}});
    registry.add_screen({kPassphraseScreen, draw_passphrase_screen, {}, {}, kJournalScreen});
    registry.add_forget(forget_passphrase_form);
}

} // namespace tandem::client
