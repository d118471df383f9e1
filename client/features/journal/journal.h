#pragma once
// The reflection journal and the passphrase that seals it and private notes (docs/security-and-privacy.md,
// Sealed notes).
#include <string>
#include <vector>

#include "feature_api/note_sealing.h"
#include "tandem/journal/journal_views.h"

namespace tandem::client {
class Context;
class Registry;

// One entry of the user's journal, opened when their key is unlocked.
struct OpenedJournalEntry {
    JournalEntryView entry;
    OpenStatus status = OpenStatus::NotSealed;
    std::string text;
};

inline constexpr const char* kJournalScreen = "journal";
inline constexpr const char* kPassphraseScreen = "journal/passphrase";

void register_journal(Registry& registry);
// The user's journal as this device holds it, rebuilt when data changed or the key was unlocked.
const std::vector<OpenedJournalEntry>& journal_on_device();
void draw_journal_screen(Context& ctx);
void draw_passphrase_screen(Context& ctx);
// While notes are locked or not set up: explains and offers unlock or set-up. True once unlocked, so the
// caller draws the notes themselves. `what` names them ("Private notes", "Your journal entries").
bool draw_unlock_panel(Context& ctx, const char* what);
} // namespace tandem::client
