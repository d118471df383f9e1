#include "analytics/survey_index_cache.h"

namespace tandem::server {

namespace {

// Entries kept at most: HR's (one per survey) and the managers' who read lately. A large tree's entry is a
// few megabytes, so this bounds the cache to some hundreds of megabytes at the very worst.
constexpr size_t kMostSlots = 64;

}  // namespace

bool SurveyIndexCache::Inputs::same_as(const Inputs& other) const {
    const bool same_org = !org.owner_before(other.org) && !other.org.owner_before(org) && !org.expired();
    return same_org && survey_changes == other.survey_changes && org_tally == other.org_tally;
}

SurveyIndexCache::Inputs SurveyIndexCache::current_inputs(Store& store, const std::shared_ptr<const OrgChart>& org,
                                                          const std::string& survey_id) {
    Inputs inputs;
    inputs.org = org;
    // Through the (entity, seq) index: a few rows.
    Statement changes(store.database(),
                      "SELECT COALESCE(MAX(seq), 0) FROM change_log WHERE entity IN ('survey', 'survey_question')");
    if (changes.step()) inputs.survey_changes = changes.integer(0);
    Statement tally(store.database(), "SELECT counts FROM survey_tally WHERE survey_id = ? AND group_key = 'org'");
    tally.bind(1, survey_id);
    if (tally.step()) inputs.org_tally = tally.blob(0);
    return inputs;
}

std::shared_ptr<SurveyIndexCache::Slot> SurveyIndexCache::slot_for(const std::string& survey_id,
                                                                    const std::string& root) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& slot = slots_[{survey_id, root}];
    if (!slot) {
        slot = std::make_shared<Slot>();
        // Over the bound, the least recently used goes; a reader still holding it finishes with its copy.
        if (slots_.size() > kMostSlots) {
            auto oldest = slots_.end();
            for (auto it = slots_.begin(); it != slots_.end(); ++it)
                if (it->second != slot && (oldest == slots_.end() || it->second->last_used < oldest->second->last_used))
                    oldest = it;
            if (oldest != slots_.end()) slots_.erase(oldest);
        }
    }
    slot->last_used = ++uses_;
    return slot;
}

std::vector<ShownIndices> SurveyIndexCache::indices(Store& store, const std::shared_ptr<const OrgChart>& org,
                                                    const std::string& survey_id, const std::string& root,
                                                    const std::vector<std::string>& groups) {
    // The inputs before the figures: an answer or a change landing in between makes the figures newer than
    // the inputs they are kept under, so the next reader computes them again; never the other way round.
    Inputs inputs = current_inputs(store, org, survey_id);
    const std::shared_ptr<Slot> slot = slot_for(survey_id, root);
    std::shared_ptr<const Entry> entry;
    {
        std::lock_guard<std::mutex> computing(slot->computing);
        if (!slot->entry || !slot->entry->inputs.same_as(inputs)) {
            auto fresh = std::make_shared<Entry>();
            fresh->by_group = shown_indices_of_every_group(store, *org, survey_id, root);
            fresh->inputs = std::move(inputs);
            slot->entry = std::move(fresh);
        }
        entry = slot->entry;
    }
    std::vector<ShownIndices> out(groups.size());
    for (size_t i = 0; i < groups.size(); ++i) {
        auto found = entry->by_group.find(groups[i]);
        if (found != entry->by_group.end()) out[i] = found->second;  // outside the reader's forest: all null
    }
    return out;
}

size_t SurveyIndexCache::entries() {
    std::lock_guard<std::mutex> lock(mutex_);
    return slots_.size();
}

}  // namespace tandem::server
