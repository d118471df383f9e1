#include "tandem/one_on_ones/records.h"

namespace tandem {
const std::vector<const EntitySpec*>& one_on_ones_records() {
    static const std::vector<const EntitySpec*> records{&action_item_spec(), &cadence_spec(), &checkin_spec(), &private_note_spec(), &talking_point_spec()};
    return records;
}
} // namespace tandem
