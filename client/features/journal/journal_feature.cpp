// What the journal adds to the app: the journal and the passphrase screen that seals it and private notes.
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/journal/journal.h"

namespace tandem::client {

namespace {
PerUser<std::vector<OpenedJournalEntry>> journal;

void rebuild(const ViewSource& source) {
    journal.clear();
    for (auto& entry : journal_entries(source.store, source.user_id)) {
        OpenedText opened = source.sealing.open(entry.sealed_text);
        journal.push_back(OpenedJournalEntry{std::move(entry), opened.status, std::move(opened.text)});
    }
}
}  // namespace

void register_journal(Registry& registry) {
    registry.add_screen({kJournalScreen, draw_journal_screen, {},
                         {{Role::Manager, "Journal"}, {Role::HrAdmin, "Journal"}, {Role::Mentor, "Journal"},
                          {Role::Employee, "Journal"}}});
    registry.add_screen({kPassphraseScreen, draw_passphrase_screen, {}, {}, kJournalScreen});
    registry.add_views(rebuild);
}

const std::vector<OpenedJournalEntry>& journal_on_device() { return journal; }

} // namespace tandem::client
