#include "tandem/people/records.h"

namespace tandem {
const std::vector<const EntitySpec*>& people_records() {
    static const std::vector<const EntitySpec*> records{&colleague_spec(), &person_spec()};
    return records;
}
} // namespace tandem
