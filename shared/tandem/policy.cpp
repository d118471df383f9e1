#include "tandem/policy.h"

namespace tandem {

namespace {
Problem forbidden(const std::string& why) { return Problem{"forbidden", why}; }
}  // namespace

std::string subject_of_new_record(const EntitySpec& spec, const Change& change, const RecordMeta* parent) {
    switch (spec.subject_rule) {
    case SubjectRule::Self: return change.record_id;
    case SubjectRule::PersonField: {
        auto it = change.fields.find(spec.subject_field);
        return it != change.fields.end() && it->is_string() ? it->get<std::string>() : std::string();
    }
    case SubjectRule::ParentRecord: return parent ? parent->subject_id : std::string();
    }
    return {};
}

std::optional<Problem> may_write(const Actor& actor, const EntitySpec& spec, const Change& change,
                                 const RecordMeta* existing, const RecordMeta* parent, const OrgChart& org) {
    switch (spec.write_rule) {
    case WriteRule::ServerOnly:
        return forbidden(spec.name + " records are managed by HR and cannot be changed from a device");
    case WriteRule::ManagerOfSubject: {
        if (actor.role != Role::Manager) return forbidden("only managers write " + spec.name + " records");
        if (existing && existing->author_id != actor.person_id)
            return forbidden("this " + spec.name + " was written by another manager");
        std::string subject = existing ? existing->subject_id : subject_of_new_record(spec, change, parent);
        if (!org.manages(actor.person_id, subject)) return forbidden("that person is not in your team");
        return std::nullopt;
    }
    case WriteRule::AuthorOfParent: {
        if (!parent) return Problem{"invalid_change", "the " + spec.subject_field + " record does not exist"};
        if (parent->author_id != actor.person_id)
            return forbidden("only the author of the check-in may add to it");
        if (existing && existing->author_id != actor.person_id)
            return forbidden("this " + spec.name + " was written by someone else");
        if (!org.manages(actor.person_id, parent->subject_id)) return forbidden("that person is not in your team");
        if (auto owner = change.fields.find("owner_id"); owner != change.fields.end() && owner->is_string()) {
            const auto& owner_id = owner->get_ref<const std::string&>();
            if (owner_id != actor.person_id && !org.manages(actor.person_id, owner_id))
                return forbidden("an action item's owner must be you or someone in your team");
        }
        return std::nullopt;
    }
    case WriteRule::HrOnly:
        if (actor.role != Role::HrAdmin) return forbidden(spec.name + " records are written by HR");
        return std::nullopt;
    case WriteRule::Owner: {
        std::string subject = existing ? existing->subject_id : subject_of_new_record(spec, change, parent);
        if (subject != actor.person_id) return forbidden("a " + spec.name + " can only be your own");
        if (existing && existing->author_id != actor.person_id)
            return forbidden("this " + spec.name + " belongs to someone else");
        return std::nullopt;
    }
    }
    return forbidden("no rule allows this change");
}

bool may_read(const Actor& actor, const RecordMeta& record, const OrgChart& org) {
    const EntitySpec* spec = find_entity(record.entity);
    if (!spec) return false;
    switch (spec->read_rule) {
    case ReadRule::PersonDirectory:
        return actor.role == Role::HrAdmin || record.subject_id == actor.person_id ||
               (actor.role == Role::Manager && org.manages(actor.person_id, record.subject_id));
    case ReadRule::AuthorManagesSubject:
        return record.author_id == actor.person_id && org.manages(actor.person_id, record.subject_id);
    case ReadRule::AuthorOnly: return record.author_id == actor.person_id;
    case ReadRule::Everyone: return !actor.person_id.empty();
    case ReadRule::AuthorOrHr: return record.author_id == actor.person_id || actor.role == Role::HrAdmin;
    }
    return false;
}

ReadScope read_scope(const Actor& actor) {
    ReadScope scope;
    // Every role has records of its own (sealing key, journal); a session without a person has none.
    scope.authored_by_actor = !actor.person_id.empty();
    // Types others write that this actor may see some of; may_read then decides row by row (everyone sees
    // at least their own person record).
    for (const EntitySpec* spec : all_entities()) {
        const bool shared = spec->read_rule == ReadRule::PersonDirectory || spec->read_rule == ReadRule::Everyone ||
                            (spec->read_rule == ReadRule::AuthorOrHr && actor.role == Role::HrAdmin);
        if (shared) scope.shared_entities.push_back(spec->name);
    }
    return scope;
}

} // namespace tandem
