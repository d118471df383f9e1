#include "store/analytics_snapshot.h"

namespace tandem::server {

std::optional<AnalyticsSnapshot> read_analytics_snapshot(Store& store) {
    Statement query(store.database(), "SELECT covers_seq, bytes FROM analytics_snapshot WHERE id = 1");
    if (!query.step()) return std::nullopt;
    return AnalyticsSnapshot{query.integer(0), query.blob(1)};
}

void write_analytics_snapshot(Store& store, int64_t covers_seq, std::string_view bytes) {
    Statement upsert(store.database(),
                     "INSERT INTO analytics_snapshot(id, covers_seq, bytes) VALUES (1, ?, ?) "
                     "ON CONFLICT(id) DO UPDATE SET covers_seq = excluded.covers_seq, bytes = excluded.bytes "
                     "WHERE analytics_snapshot.covers_seq < excluded.covers_seq");
    upsert.bind(1, covers_seq).bind_blob(2, bytes).run();
}

void forget_analytics_snapshot(Store& store) {
    Statement(store.database(), "DELETE FROM analytics_snapshot").run();
}

int64_t last_erasure(Store& store) {
    Statement query(store.database(), "SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE action = 'people.erase'");
    return query.step() ? query.integer(0) : 0;
}

}  // namespace tandem::server
