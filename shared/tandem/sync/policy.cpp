#include "tandem/sync/policy.h"

#include <initializer_list>

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
    case SubjectRule::ParentRecord:
        if (parent) return parent->subject_id;
        if (!spec.unattached_subject_field.empty()) {
            auto it = change.fields.find(spec.unattached_subject_field);
            return it != change.fields.end() && it->is_string() ? it->get<std::string>() : std::string();
        }
        return std::string();
    }
    return {};
}

std::string addressee_of_new_record(const EntitySpec& spec, const Change& change, const RecordMeta* linked) {
    return spec.addressee ? spec.addressee(change.fields, linked) : std::string();
}

namespace {

std::string text_field(const Change& change, const std::string& name) {
    auto it = change.fields.find(name);
    return it != change.fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// What every spec-level rule demands of a new record, whatever its write rule: the author field names the
// writer, and copied names are the named people's.
std::optional<Problem> check_creation(const Actor& actor, const EntitySpec& spec, const Change& change,
                                      const OrgChart& org) {
    if (!spec.author_field.empty() && text_field(change, spec.author_field) != actor.person_id)
        return forbidden("\"" + spec.author_field + "\" must be you: a " + spec.name + " is written in your name");
    for (const auto& [name_field, id_field] : spec.name_fields) {
        const std::string* name = org.name_of(text_field(change, id_field));
        if (!name || *name != text_field(change, name_field))
            return Problem{"invalid_change", "field \"" + name_field + "\" must be the name of the person in \"" +
                                                 id_field + "\""};
    }
    for (const auto& [field, role] : spec.role_fields) {
        const std::string person = text_field(change, field);
        if (!org.knows(person) || org.role_of(person) != role)
            return Problem{"invalid_change", "field \"" + field + "\" must name a person whose role is " +
                                                 to_string(role)};
    }
    return std::nullopt;
}

// After creation only the author changes a record (or deletes it).
std::optional<Problem> only_author_after(const Actor& actor, const EntitySpec& spec, const RecordMeta* existing) {
    if (existing && existing->author_id != actor.person_id)
        return forbidden("this " + spec.name + " was written by someone else");
    return std::nullopt;
}

std::optional<Problem> may_give_feedback(const Actor& actor, const EntitySpec& spec, const Change& change,
                                         const RecordMeta* existing, const OrgChart& org, const RecordMeta* linked) {
    if (existing) return only_author_after(actor, spec, existing);
    if (actor.role == Role::Employee) return forbidden("feedback is given by managers, mentors and HR");
    const std::string about = subject_of_new_record(spec, change, nullptr);
    if (about == actor.person_id) return forbidden("feedback is about someone else: ask for feedback instead");
    if (!org.knows(about)) return Problem{"invalid_change", "that person is not in the organisation"};
    if (!spec.linked_field.empty() && !text_field(change, spec.linked_field).empty()) {
        if (!linked) return Problem{"invalid_change", "the request this answers does not exist"};
        if (linked->addressee_id != actor.person_id) return forbidden("that request was not addressed to you");
        if (linked->subject_id != about)
            return Problem{"invalid_change", "an answer must be about the person the request names"};
        return std::nullopt;
    }
    if (!org.manages(actor.person_id, about) && org.role_of(about) != Role::Manager)
        return forbidden("feedback goes to someone in your team or to a peer manager");
    return std::nullopt;
}

std::optional<Problem> may_request(const Actor& actor, const EntitySpec& spec, const Change& change,
                                   const RecordMeta* existing, const OrgChart& org) {
    if (existing) {
        // The one who asked words the request; the one asked declines it. Neither writes the other's part.
        const bool author = existing->author_id == actor.person_id;
        if (!author && existing->addressee_id != actor.person_id)
            return forbidden("this " + spec.name + " was written by someone else");
        if (!author && change.deleted) return forbidden("only the person who asked may withdraw a request");
        for (const auto& [name, value] : change.fields.items()) {
            const FieldSpec* field = spec.field(name);
            if (field && field->addressee_sets != !author)
                return forbidden(author ? "only the person asked may decline a request"
                                        : "you may only decline this request or answer it with feedback");
        }
        return std::nullopt;
    }
    const std::string about = subject_of_new_record(spec, change, nullptr);
    if (actor.role == Role::Employee) {
        // An employee asks about their own work, and only the person who leads them: a question to a peer
        // or about a colleague would make feedback between employees, which Tandem does not carry.
        if (about != actor.person_id) return forbidden("ask for feedback about yourself");
        const std::string manager = org.manager_of(actor.person_id);
        if (manager.empty() || addressee_of_new_record(spec, change, nullptr) != manager)
            return forbidden("ask your own manager for feedback");
        return std::nullopt;
    }
    if (actor.role != Role::Manager) return forbidden("managers and employees ask for feedback");
    if (about != actor.person_id && !org.manages(actor.person_id, about))
        return forbidden("ask about yourself or someone in your team");
    const std::string asked = addressee_of_new_record(spec, change, nullptr);
    if (asked == actor.person_id || asked == about) return forbidden("ask someone else");
    const Role asked_role = org.role_of(asked);
    if (!org.knows(asked) || asked_role == Role::Employee)
        return forbidden("feedback can be asked of a manager, a mentor or HR");
    return std::nullopt;
}

// A manager is in a survey's audience when it invites the whole organisation, their own tree, a tree they
// are in, or a tree inside theirs: they will read the results of some of their teams. Anyone whose manager's
// team it invites is in it too, whatever their role: they answer it (docs/survey-tokens.md) and read its
// questions to do so; results stay behind their own rules, which give such a reader no group.
bool in_survey_audience(const Actor& actor, const std::string& audience, const OrgChart& org) {
    if (actor.role == Role::HrAdmin) return true;
    if (actor.person_id.empty()) return false;
    const std::string own_manager = org.manager_of(actor.person_id);
    const bool manages_others = actor.role == Role::Manager;
    if (audience == "org") return manages_others || !own_manager.empty();
    size_t start = 0;
    while (start < audience.size()) {
        size_t end = audience.find(',', start);
        if (end == std::string::npos) end = audience.size();
        const std::string invited = audience.substr(start, end - start);
        if (manages_others && (invited == actor.person_id || org.manages(invited, actor.person_id) ||
                               org.manages(actor.person_id, invited)))
            return true;
        if (!own_manager.empty() && (invited == own_manager || org.manages(invited, own_manager))) return true;
        start = end + 1;
    }
    return false;
}

// Changes that set nothing but `allowed` fields (a tick, a move onto a 1:1) and delete nothing.
bool sets_only(const Change& change, std::initializer_list<const char*> allowed) {
    if (change.deleted) return false;
    for (const auto& [name, value] : change.fields.items()) {
        bool ok = false;
        for (const char* field : allowed) ok = ok || name == field;
        if (!ok) return false;
    }
    return true;
}

// The agenda of a 1:1 is the two people's. Whether the 1:1 is still to come is the talking point's record
// rule (it needs the check-in's state); here: who.
std::optional<Problem> may_write_agenda(const Actor& actor, const EntitySpec& spec, const Change& change,
                                        const RecordMeta* existing, const RecordMeta* parent, const OrgChart& org) {
    if (actor.person_id.empty()) return forbidden("sign in to add to a 1:1's agenda");
    if (existing) {
        if (existing->author_id == actor.person_id) return std::nullopt;
        // The manager of the 1:1 ticks a point the report added, or moves it onto the 1:1 it was meant for;
        // the words stay the report's.
        if (existing->addressee_id == actor.person_id && org.manages(actor.person_id, existing->subject_id)) {
            if (sets_only(change, {"done", "checkin_id"})) return std::nullopt;
            return forbidden("the report added this talking point: you may tick it, not change or remove it");
        }
        return forbidden("this talking point was added by someone else");
    }
    if (parent) {
        if (parent->author_id == actor.person_id) {
            if (!org.manages(actor.person_id, parent->subject_id)) return forbidden("that person is not in your team");
            return std::nullopt;
        }
        if (parent->subject_id == actor.person_id) return std::nullopt;
        return forbidden("only the two people of this 1:1 add to its agenda");
    }
    // Before the 1:1 is planned: the report adds a point for their next 1:1 with their manager.
    const std::string report = text_field(change, spec.unattached_subject_field);
    if (report != actor.person_id)
        return forbidden("a talking point for a 1:1 not planned yet is added by the report, for themself");
    const std::string with = text_field(change, "with_id");
    if (with.empty() || with != org.manager_of(actor.person_id))
        return forbidden("your next 1:1 is with your manager: \"with_id\" must name them");
    return std::nullopt;
}

}  // namespace

std::optional<Problem> may_write(const Actor& actor, const EntitySpec& spec, const Change& change,
                                 const RecordMeta* existing, const RecordMeta* parent, const OrgChart& org,
                                 const RecordMeta* linked) {
    if (!existing && spec.write_rule != WriteRule::ServerOnly)
        if (auto problem = check_creation(actor, spec, change, org)) return problem;
    if (existing && change.deleted && spec.permanent)
        return forbidden("a " + spec.name + " is kept for good once written");
    // On every write, not only creation: an action handed to someone else must stay inside the team.
    if (!spec.assignee_field.empty() && change.fields.contains(spec.assignee_field)) {
        const std::string assignee = text_field(change, spec.assignee_field);
        if (assignee != actor.person_id && !org.manages(actor.person_id, assignee))
            return forbidden("\"" + spec.assignee_field + "\" must be you or someone in your team");
    }
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
        // The report ticks an item of their 1:1 (the item's record rule checks that they own it).
        if (existing && existing->subject_id == actor.person_id && parent->author_id != actor.person_id &&
            spec.field("owner_id")) {
            if (sets_only(change, {"done"})) return std::nullopt;
            return forbidden("you may tick an action item you own; the manager writes it");
        }
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
    case WriteRule::Giver: return may_give_feedback(actor, spec, change, existing, org, linked);
    case WriteRule::Colleague: {
        if (existing) return only_author_after(actor, spec, existing);
        // An employee writes only what everyone reads (a recognition on the wall); a word to HR alone (a
        // nomination) stays with the roles that run the culture programme.
        if (actor.role == Role::Employee && spec.read_rule != ReadRule::Everyone)
            return forbidden("a " + spec.name + " is written by managers, mentors and HR");
        const std::string about = subject_of_new_record(spec, change, nullptr);
        if (about == actor.person_id) return forbidden("a " + spec.name + " is about someone else");
        if (!org.knows(about)) return Problem{"invalid_change", "that person is not in the organisation"};
        return std::nullopt;
    }
    case WriteRule::Requester: return may_request(actor, spec, change, existing, org);
    case WriteRule::Participant:
        if (actor.role == Role::Employee || actor.person_id.empty())
            return forbidden("a " + spec.name + " is written by managers, mentors and HR");
        return only_author_after(actor, spec, existing);
    case WriteRule::SubjectOrHr: {
        if (existing) return only_author_after(actor, spec, existing);
        if (!parent) return Problem{"invalid_change", "the " + spec.subject_field + " record does not exist"};
        if (actor.role != Role::HrAdmin && parent->subject_id != actor.person_id)
            return forbidden("only HR and the person it concerns write on this " + parent->entity);
        return std::nullopt;
    }
    case WriteRule::AgendaMember: return may_write_agenda(actor, spec, change, existing, parent, org);
    case WriteRule::PairMember: {
        const RecordMeta* pair = existing ? existing : parent;
        if (!pair) return Problem{"invalid_change", "the " + spec.subject_field + " record does not exist"};
        if (actor.person_id.empty() ||
            (pair->subject_id != actor.person_id && pair->addressee_id != actor.person_id))
            return forbidden("only the mentor and the mentee of this pair write its " + spec.name + " records");
        return std::nullopt;
    }
    }
    return forbidden("no rule allows this change");
}

bool may_read_team_figures(const Actor& reader, const std::string& team_manager_id, const OrgChart& org) {
    if (reader.role == Role::HrAdmin) return true;
    return reader.role == Role::Manager &&
           (team_manager_id == reader.person_id || org.manages(reader.person_id, team_manager_id));
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
    case ReadRule::AuthorOrAddressee:
        return !actor.person_id.empty() &&
               (record.author_id == actor.person_id || record.addressee_id == actor.person_id);
    case ReadRule::SurveyAudience: return in_survey_audience(actor, record.addressee_id, org);
    case ReadRule::Staff: return !actor.person_id.empty() && actor.role != Role::Employee;
    case ReadRule::SubjectOrHr:
        return !actor.person_id.empty() && (actor.role == Role::HrAdmin || record.subject_id == actor.person_id);
    case ReadRule::PairOrHr:
        return !actor.person_id.empty() && (actor.role == Role::HrAdmin || record.subject_id == actor.person_id ||
                                            record.addressee_id == actor.person_id);
    case ReadRule::Pair:
        return !actor.person_id.empty() &&
               (record.subject_id == actor.person_id || record.addressee_id == actor.person_id);
    case ReadRule::OneToOne:
        if (actor.person_id.empty()) return false;
        if (record.subject_id == actor.person_id) return true;
        return (record.author_id == actor.person_id || record.addressee_id == actor.person_id) &&
               org.manages(actor.person_id, record.subject_id);
    }
    return false;
}

ReadScope read_scope(const Actor& actor) {
    ReadScope scope;
    // Every role has records of its own (sealing key, journal); a session without a person has none.
    scope.authored_by_actor = !actor.person_id.empty();
    scope.addressed_to_actor = !actor.person_id.empty();
    // Records about the actor: their own 1:1s as a report, feedback shared with them. An employee finds
    // everything they may read this way or in the types below, so their pull never walks the directory.
    scope.about_actor = !actor.person_id.empty();
    // Types others write that this actor may see some of; may_read then decides row by row (everyone sees
    // at least their own person record).
    for (const EntitySpec* spec : all_entities()) {
        const bool shared = (spec->read_rule == ReadRule::PersonDirectory && actor.role != Role::Employee) ||
                            spec->read_rule == ReadRule::Everyone ||
                            (spec->read_rule == ReadRule::AuthorOrHr && actor.role == Role::HrAdmin) ||
                            // Anyone may answer a survey that invites their team: may_read decides.
                            (spec->read_rule == ReadRule::SurveyAudience && !actor.person_id.empty()) ||
                            (spec->read_rule == ReadRule::Staff && actor.role != Role::Employee) ||
                            // Rows about the actor (their agreement, their mentoring as a mentee), or all of
                            // them for HR; the few rows of these types make a scan by type cheap.
                            spec->read_rule == ReadRule::SubjectOrHr || spec->read_rule == ReadRule::PairOrHr ||
                            spec->read_rule == ReadRule::Pair;
        if (shared) scope.shared_entities.push_back(spec->name);
    }
    return scope;
}

} // namespace tandem
