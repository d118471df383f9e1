#pragma once
// What a record type is: its fields, how to find the person it concerns, and which policy rules apply.
// Adding a record type means writing one EntitySpec in its domain's records/ folder and listing it in that
// domain's records.cpp; validation, merge, storage, sync and permission checks then work for it unchanged.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/base/change.h"
#include "tandem/sync/merge.h"
#include "tandem/sync/org_chart.h"

namespace tandem {

enum class FieldType {
    Text,      // UTF-8 string up to max_length bytes
    Date,      // "YYYY-MM-DD"
    Bool,
    Integer,   // within [min_value, max_value]
    PersonId,  // UUID of a person record
    RecordId,  // UUID of a record of type `references`
    Choice,    // one of `choices`
};

struct FieldSpec {
    std::string name;
    FieldType type = FieldType::Text;
    bool nullable = false;
    bool required = false;   // must be set when the record is created
    bool immutable = false;  // may not change after creation (keys that decide who may see the record)
    bool addressee_sets = false;  // the addressee may change it (declining a request); the author not
    bool author_only = false;  // kept from every reader but the author (a manager's mood mark on a 1:1)
    size_t max_length = 0;   // Text only
    long min_value = 0, max_value = 0;  // Integer only
    std::string references;             // RecordId only: the entity referred to
    std::vector<std::string> choices;   // Choice only
    // Text only: a shape the value must have beyond length and UTF-8 (sealed text, key parameters).
    bool (*shape)(std::string_view) = nullptr;
    const char* shape_rule = nullptr;   // how the refusal explains the shape

    static FieldSpec text(std::string name, size_t max_length);
    static FieldSpec date(std::string name);
    static FieldSpec boolean(std::string name);
    static FieldSpec integer(std::string name, long min_value, long max_value);
    static FieldSpec person(std::string name);
    static FieldSpec record(std::string name, std::string references);
    static FieldSpec choice(std::string name, std::vector<std::string> choices);
    // Text that must be sealed on the device (docs/api.md, Sealed text): the server stores it but can never
    // read it.
    static FieldSpec sealed_text(std::string name, size_t max_length);
    static FieldSpec shaped_text(std::string name, size_t max_length, bool (*shape)(std::string_view),
                                 const char* shape_rule);
    FieldSpec with_null() const { FieldSpec f = *this; f.nullable = true; return f; }
    FieldSpec on_create() const { FieldSpec f = *this; f.required = true; return f; }
    FieldSpec fixed() const { FieldSpec f = *this; f.immutable = true; return f; }
    FieldSpec by_addressee() const { FieldSpec f = *this; f.addressee_sets = true; return f; }
    FieldSpec private_to_author() const { FieldSpec f = *this; f.author_only = true; return f; }
};

// Whose people data a record is: the anchor of every read and write rule.
enum class SubjectRule {
    Self,         // the record is a person: its subject is itself
    PersonField,  // `subject_field` holds the person id
    ParentRecord  // `subject_field` holds a parent record id; the subject is the parent's subject
};

enum class WriteRule {
    ServerOnly,          // only the server writes it (demo, import); clients are always refused
    ManagerOfSubject,    // a manager whose team holds the subject; afterwards only the record's author
    AuthorOfParent,      // whoever wrote the parent record
    Owner,               // anyone, about themself only (the subject is the writer); afterwards only them
    HrOnly,              // HR admins (any of them may edit what another wrote: HR works as a team)
    Giver,               // feedback: about someone in the writer's tree or a peer manager, or answering a
                         // request addressed to the writer; afterwards only the author
    Colleague,           // anyone but an employee, about anyone else in the organisation; then only the author
    Requester,           // a manager, about themself or their tree, asking a manager, mentor or HR; then the
                         // author edits, the addressee only sets its by_addressee() fields
    Participant,         // anyone but an employee, in their own name (a comment on a program); then only the author
    SubjectOrHr,         // HR, or the person the parent record concerns (a manager on their agreement); then
                         // only the author
    PairMember,          // either person of a mentoring pair: its subject (the mentee) or addressee (the mentor)
    AgendaMember,        // a 1:1's agenda: its manager, or its report on a 1:1 still to come (before it is
                         // planned too, addressed to their manager); afterwards the author edits, the
                         // manager only ticks it or puts it on the 1:1 it was meant for
};

enum class ReadRule {
    PersonDirectory,     // the person themself, their managers up the line, and HR admins
    AuthorManagesSubject,  // the author, while the subject is still in their team
    AuthorOnly,          // private to whoever wrote it
    Everyone,            // every signed-in person (HR's templates and playbooks)
    AuthorOrHr,          // its author and HR (a manager's rating of a template)
    AuthorOrAddressee,   // its author and the one person it is addressed to (see EntitySpec::addressee)
    SurveyAudience,      // HR, managers whose tree the audience (the addressee: "org" or manager ids) touches, and
                         // anyone whose manager's team it invites (they answer it)
    Staff,               // HR, managers and mentors, not employees (programs and the discussion about them)
    SubjectOrHr,         // the person it concerns and HR (a manager's agreement)
    PairOrHr,            // the subject, the addressee and HR (a mentoring pair and that its sessions happened)
    Pair,                // the subject and the addressee only, never HR (what a mentoring pair said)
    OneToOne,            // a 1:1 and what hangs off it: the report it is about, always; its manager (author or
                         // addressee) while the report is in their team
};

struct RecordMeta;

// What a record rule sees when the server judges a change (after the write rule allowed it): the rules
// that field specs cannot state because they need the record as it stands, the records it names, or the
// server's today (a signature's day, a survey threshold that may only rise).
struct RuleContext {
    const Change& change;
    const RecordState* existing;  // null when the change creates the record
    std::function<std::optional<RecordState>(const std::string& record_id)> load;  // any stored record
    std::string today;            // the server's UTC day, YYYY-MM-DD
    std::string writer_id = {};   // who pushed the change
    std::string author_id = {};   // who wrote the record first (empty when the change creates it)
    // The value the record will hold for `field` once the change applies (the change's, else the stored one).
    Json after(const std::string& field) const;
    // The value it holds now (null when creating or unset).
    Json before(const std::string& field) const;
};

struct EntitySpec {
    std::string name;
    std::vector<FieldSpec> fields;
    SubjectRule subject_rule = SubjectRule::Self;
    std::string subject_field;
    WriteRule write_rule = WriteRule::ServerOnly;
    ReadRule read_rule = ReadRule::AuthorOnly;
    // The field naming whoever writes the record (a giver, a nominator): on creation it must be the writer,
    // so a device that shows "from" never shows a name the writer chose.
    std::string author_field = {};
    // The one person besides the author who may read the record, decided at creation from fixed fields;
    // `linked` is the record named by `linked_field` (a request the feedback answers), when there is one,
    // else the parent record of a ParentRecord type.
    std::string (*addressee)(const Json& fields, const RecordMeta* linked) = nullptr;
    std::string linked_field = {};
    // Text fields that copy a person's name, each with the field naming that person: the name must be that
    // person's on creation (a recognition wall shows names of people the reader has no record of).
    std::vector<std::pair<std::string, std::string>> name_fields = {};
    // The field naming who will do it (an action's owner): the writer or someone in the writer's tree.
    std::string assignee_field = {};
    // Fields naming a person who must hold a role (a mentoring pair's mentor is a mentor), checked on creation.
    std::vector<std::pair<std::string, Role>> role_fields = {};
    // Never deleted once written: history both sides rely on (an agreement version, a signature).
    bool permanent = false;
    // Text fields that may hold the name of the person in the paired field but are typed by hand, so not
    // checked like name_fields (a session's facilitator): erasing that person blanks them too.
    std::vector<std::pair<std::string, std::string>> typed_name_fields = {};
    // A rule about the whole record, judged on the server only; a refusal is the change's error.
    std::optional<Problem> (*record_rule)(const RuleContext&) = nullptr;
    // For a ParentRecord type whose parent may come later (a talking point for a 1:1 not planned yet): the
    // person field holding the subject while `subject_field` is empty.
    std::string unattached_subject_field = {};

    const FieldSpec* field(std::string_view name) const;
};

const EntitySpec* find_entity(std::string_view name);
// Every record type this program is built with. Defined by the catalog (tandem/catalog.cpp), above every
// domain, so the data path knows the types without depending on the domains that define them.
const std::vector<const EntitySpec*>& all_entities();

// Checks every field a change sets against the spec; `creating` adds the required-field check.
std::optional<Problem> validate_fields(const EntitySpec& spec, const Json& fields, bool creating);
// Fields marked fixed() that `fields` would change on an existing record: those decide who may see it (a
// check-in's report) or are history (a published guide version), so the server and devices refuse both.
std::optional<Problem> check_fixed_fields(const EntitySpec& spec, const Json& fields, const RecordState& existing);
bool is_iso_date(std::string_view text);
bool is_valid_utf8(const std::string& text);
// A-Z to a-z, other bytes as they are: e-mails and ids compare ignoring case this way everywhere.
std::string lower_ascii(std::string text);
// A byte below 0x20 or DEL: no name, id or address may hold one.
bool has_control_characters(std::string_view text);

} // namespace tandem
