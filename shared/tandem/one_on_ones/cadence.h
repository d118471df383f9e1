#pragma once
// When the next 1:1 with a report is due: from the last one held and the cadence the manager set for that
// report (fortnightly until they set one). Pure date arithmetic, shared by every screen and the server.
#include <string>

#include "tandem/sync/store.h"

namespace tandem {

struct Cadence {
    enum class Every { Week, Fortnight, Month, Days };
    Every every = Every::Fortnight;
    int days = 14;  // Every::Days only

    static Cadence from_record(const RecordState& record);  // a cadence record's fields
    std::string describe() const;                           // "Every week", "Every 10 days"
};

// `last_held` empty: never met, so due today.
std::string next_due(const std::string& last_held, const Cadence& cadence, const std::string& today);

} // namespace tandem
