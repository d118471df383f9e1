#pragma once
// Read model for the reflection journal (docs/features.md, Journal): the prompts, and one person's entries.
// Entry text stays sealed here; only the device holding the key opens it.
#include <string>
#include <vector>

#include "tandem/sync/store.h"

namespace tandem {

struct JournalEntryView {
    std::string entry_id, written_on, prompt, sealed_text;
    int self_rating = 0;  // 0: not rated
};

// Newest first.
std::vector<JournalEntryView> journal_entries(Store& store, const std::string& owner_id);

// The reflection prompts the app offers, in the order it offers them.
const std::vector<std::string>& reflection_prompts();

} // namespace tandem
