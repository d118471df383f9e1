#include "feature_api/drafts.h"

namespace tandem::client {

TextDraft& Drafts::field(const std::string& key, const std::string& stored) {
    TextDraft& draft = drafts_[key];
    if (!draft.dirty && draft.text != stored) draft.text = stored;
    return draft;
}

void Drafts::typed(TextDraft& draft, uint64_t now) {
    if (!draft.dirty) ++dirty_count_;
    draft.dirty = true;
    draft.last_keystroke = now;
}

void Drafts::commit_one(TextDraft& draft, const std::function<bool(TextDraft&)>& commit) {
    if (!draft.dirty || draft.entity.empty()) return;
    if (!commit(draft)) return;
    draft.dirty = false;
    draft.create_fields = Json();
    --dirty_count_;
}

void Drafts::commit(uint64_t now, bool everything, const std::function<bool(TextDraft&)>& commit) {
    if (!dirty_count_) return;
    for (auto& [key, draft] : drafts_)
        if (draft.dirty && (everything || now - draft.last_keystroke >= kDraftPauseMs)) commit_one(draft, commit);
}

void Drafts::clear() {
    drafts_.clear();
    dirty_count_ = 0;
}

} // namespace tandem::client
