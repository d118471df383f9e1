#include "tandem/partnership/records.h"

namespace tandem {
const std::vector<const EntitySpec*>& partnership_records() {
    static const std::vector<const EntitySpec*> records{&agreement_spec(), &agreement_version_spec(), &agreement_comment_spec(), &agreement_signature_spec(), &mentoring_pair_spec(), &mentoring_session_spec(), &mentoring_note_spec(), &mentoring_topic_spec(), &program_spec(), &program_comment_spec(), &program_rating_spec(), &program_vote_spec()};
    return records;
}
} // namespace tandem
