#pragma once
// Per-field last-writer-wins merge. Each field remembers the (hlc, device_id) of the change that set it;
// a change wins a field when its stamp is greater. Deletion is a tombstone that, once set, stays set: a
// device that was offline for months and sends an edit to a deleted record cannot bring it back, and the
// record's fields still converge underneath so every replica holds the same state.
// The merge is commutative, associative and idempotent, so replicas that saw the same set of changes in
// any order, any number of times, hold the same record.
#include <string>

#include "tandem/base/change.h"

namespace tandem {

struct RecordState {
    std::string entity;
    std::string record_id;
    bool deleted = false;
    // field name -> {"v": value, "h": hlc, "d": device_id}
    Json fields = Json::object();

    Json value(const std::string& field) const;  // null when unset
    std::string text(const std::string& field) const;  // "" when unset or not a string
    Json values() const;                          // field name -> value, without stamps
    // The UTC day of the earliest stamp on any field: when the record was first written ("" if unknown).
    std::string written_on() const;
};

// Applies `change` to `state`; returns true when anything visible changed.
bool merge(RecordState& state, const Change& change);

} // namespace tandem
