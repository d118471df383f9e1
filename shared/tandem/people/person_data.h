#pragma once
// A person's data on request (docs/api.md, Export and erasure): everything the organisation's store holds
// about them, and its erasure, so that no byte of their name, e-mail or the text about them stays in it.
// The server adds what lives outside the store (accounts, invitations, sessions, the audit entry).
#include <cstdint>
#include <optional>
#include <string>

#include "tandem/base/change.h"
#include "tandem/sync/org_chart.h"
#include "tandem/sync/store.h"

namespace tandem {

// The person record and every live record about them or whose work they own, as
// {"person", "records", "exported_at", "note"}; none when there is no such person (or they were erased).
// Words private to a mentoring pair are withheld: HR runs the export, and those are the pair's alone.
std::optional<Json> export_person_data(Store& store, const std::string& person_id, const std::string& exported_at);

// Why a person cannot be erased yet; none when they can.
enum class ErasureRefusal { NoSuchPerson, HasReports, LastHrAdmin };
std::optional<ErasureRefusal> erasure_refusal(Store& store, const std::string& person_id);

// Erases the person (call inside a transaction, after erasure_refusal said none): every record about them
// loses its fields and becomes a tombstone that reaches each device that could read it (`org_before` is
// the org chart from before the erasure: who could see them), names they left in others' records are
// blanked in the records and the log, work they owned in others' 1:1s is released, and the log keeps only
// the ids of changes about them. Returns how many records were about them.
int erase_person_data(Store& store, const std::string& person_id, const OrgChart& org_before, uint64_t now_millis);

} // namespace tandem
