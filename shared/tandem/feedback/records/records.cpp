#include "tandem/feedback/records.h"

namespace tandem {
const std::vector<const EntitySpec*>& feedback_records() {
    static const std::vector<const EntitySpec*> records{&value_tag_spec(), &feedback_spec(), &feedback_request_spec(), &recognition_spec(), &nomination_spec(), &spotlight_spec()};
    return records;
}
} // namespace tandem
