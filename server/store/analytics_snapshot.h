#pragma once
// The analytics ledger's snapshot row (analytics_snapshot: one row, id 1), beside the log it was folded
// from. Here in store/ rather than analytics/ because erasure (people/) must drop it too, and people/ does
// not depend on analytics/.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tandem/sync/store.h"

namespace tandem::server {

struct AnalyticsSnapshot {
    int64_t covers_seq = 0;  // the last change_log seq folded into it
    std::string bytes;       // ActivityLedger::save()
};

std::optional<AnalyticsSnapshot> read_analytics_snapshot(Store& store);
// Keeps whichever snapshot covers more of the log, so instances sharing a database never go back.
void write_analytics_snapshot(Store& store, int64_t covers_seq, std::string_view bytes);
// After an erasure: the snapshot may hold the erased person's ids and days, so the next start folds from
// the rewritten log instead. Call inside the erasure's transaction.
void forget_analytics_snapshot(Store& store);
// The newest erasure's audit entry (0: none), so an index that started before it knows its ledger may still
// hold the erased person and must not be saved.
int64_t last_erasure(Store& store);

}  // namespace tandem::server
