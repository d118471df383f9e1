#include "tandem/guides/records.h"

namespace tandem {
const std::vector<const EntitySpec*>& guides_records() {
    static const std::vector<const EntitySpec*> records{&guide_spec(), &guide_version_spec(), &guide_feedback_spec()};
    return records;
}
} // namespace tandem
