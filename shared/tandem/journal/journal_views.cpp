#include "tandem/journal/journal_views.h"

#include <algorithm>

namespace tandem {

std::vector<JournalEntryView> journal_entries(Store& store, const std::string& owner_id) {
    std::vector<JournalEntryView> entries;
    for (const auto& record : store.records_about(owner_id)) {
        if (record.state.entity != "journal_entry" || record.state.deleted) continue;
        Json rating = record.state.value("self_rating");
        entries.push_back(JournalEntryView{record.state.record_id, record.state.text("written_on"),
                                           record.state.text("prompt"), record.state.text("text"),
                                           rating.is_number_integer() ? rating.get<int>() : 0});
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.written_on != b.written_on ? a.written_on > b.written_on : a.entry_id > b.entry_id;
    });
    return entries;
}

const std::vector<std::string>& reflection_prompts() {
    static const std::vector<std::string> prompts{
        "What did I do well as a manager this week, and how do I know?",
        "Which skill, if I grew it next, would make the biggest difference to my team?",
        "Where did I give my team trust this week, and where did I hold it back?",
        "How did I react the last time someone brought me a mistake or bad news?",
        "What feedback did I hear recently, and what am I doing with it?",
        "Which conversation am I putting off, and what is the delay costing?",
        "What do I want my team to remember about working with me?",
    };
    return prompts;
}

} // namespace tandem
