#pragma once
// Who may read and write what, as pure functions. The server enforces them on every change it accepts and
// every change it returns; a device uses the same answers to hide what its user cannot do.
#include <optional>
#include <string>
#include <vector>

#include "tandem/base/change.h"
#include "tandem/sync/entity.h"
#include "tandem/sync/org_chart.h"

namespace tandem {

struct Actor {
    std::string person_id;
    Role role = Role::Employee;
};

// What the store already knows about a record, the inputs every rule needs.
struct RecordMeta {
    std::string entity;
    std::string author_id;
    std::string subject_id;
    std::string addressee_id;  // empty unless the spec names an addressee
};

// `existing` is the record as stored (absent when the change creates it); `parent` is the record named by
// the spec's subject_field when the subject comes from a parent; `linked` the record named by the spec's
// linked_field. Returns the refusal, if any.
std::optional<Problem> may_write(const Actor& actor, const EntitySpec& spec, const Change& change,
                                 const RecordMeta* existing, const RecordMeta* parent, const OrgChart& org,
                                 const RecordMeta* linked = nullptr);

bool may_read(const Actor& actor, const RecordMeta& record, const OrgChart& org);

// Figures about a team or a tree, named by the manager who leads it (analytics, program adoption): HR reads
// every team; a manager their own and those inside their tree, never upwards or sideways; nobody else any.
bool may_read_team_figures(const Actor& reader, const std::string& team_manager_id, const OrgChart& org);

// A coarse filter the store turns into SQL so a pull scans only candidate rows; may_read decides exactly.
struct ReadScope {
    bool authored_by_actor = false;           // rows the actor wrote
    bool addressed_to_actor = false;          // rows addressed to the actor (feedback, requests)
    bool about_actor = false;                 // rows whose subject is the actor (their 1:1s as a report)
    std::vector<std::string> shared_entities;  // rows of these types whoever wrote them (people, guides...)
};
ReadScope read_scope(const Actor& actor);

// The person a new record concerns, per the spec's SubjectRule; empty when it cannot be known.
std::string subject_of_new_record(const EntitySpec& spec, const Change& change, const RecordMeta* parent);
// The person a new record is addressed to, per the spec's addressee rule; empty for most types.
std::string addressee_of_new_record(const EntitySpec& spec, const Change& change, const RecordMeta* linked);

} // namespace tandem
