#include "analytics/analytics_index.h"

#include <algorithm>

namespace tandem::server {

void AnalyticsIndex::catch_up(Store& store) {
    constexpr int kBatch = 20000;
    Statement read(store.database(),
                   "SELECT seq, body FROM change_log WHERE seq > ? AND entity IN ('person', 'checkin', 'cadence', "
                   "'action_item', 'feedback', 'recognition', 'mentoring_pair', 'mentoring_session') "
                   "ORDER BY seq LIMIT ?");
    const int64_t last = store.last_seq();
    if (seq_ == 0) ledger_.reserve(size_t(last));  // the first fold: about one record per logged change
    while (seq_ < last) {
        read.reset();
        read.bind(1, seq_).bind(2, int64_t(kBatch));
        int rows = 0;
        while (read.step()) {
            ++rows;
            seq_ = read.integer(0);
            Json body = Json::parse(read.text(1), nullptr, false);
            if (!body.is_object()) continue;  // a body rewritten by an erasure
            Change change;
            change.entity = body.value("entity", "");
            change.record_id = body.value("record_id", "");
            change.hlc = body.value("hlc", "");
            change.deleted = body.value("deleted", false);
            auto fields = body.find("fields");
            if (fields != body.end() && fields->is_object()) change.fields = std::move(*fields);
            ledger_.apply(change);
        }
        if (rows < kBatch) seq_ = std::max(seq_, last);  // the rest of the log holds nothing analytics reads
    }
    ledger_.refresh();
    ready_ = true;
}

std::vector<std::string> members_of(const OrgChart& org, const std::string& group) {
    if (group.rfind("team:", 0) == 0) return org.reports_of(group.substr(5));
    if (group.rfind("tree:", 0) == 0) {
        auto tree = org.tree_of(group.substr(5));
        if (!tree.empty()) tree.erase(tree.begin());  // the manager themself is not in their tree's group
        return tree;
    }
    return {};
}

analytics::GroupFigures figures_of(const analytics::ActivityLedger& ledger, const std::vector<std::string>& people,
                                   analytics::Day from, analytics::Day to) {
    analytics::GroupFigures figures;
    const analytics::Day base = analytics::year_before(to);
    for (const auto& id : people)
        if (const auto* person = ledger.find(id)) analytics::add_person(figures, *person, from, to, base);
    return figures;
}

}  // namespace tandem::server
