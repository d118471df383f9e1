#include "tandem/journal/records.h"

namespace tandem {
const std::vector<const EntitySpec*>& journal_records() {
    static const std::vector<const EntitySpec*> records{&journal_entry_spec(), &sealing_key_spec()};
    return records;
}
} // namespace tandem
