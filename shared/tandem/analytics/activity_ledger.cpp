#include "tandem/analytics/activity_ledger.h"

#include <algorithm>
#include <functional>

#include "tandem/base/dates.h"
#include "tandem/base/hlc.h"

namespace tandem::analytics {

namespace {

uint64_t stamp_of(const Hlc& hlc) { return (hlc.millis << 16) | hlc.counter; }

void insert_sorted(std::vector<Day>& days, Day day) { days.insert(std::upper_bound(days.begin(), days.end(), day), day); }

void erase_one(std::vector<Day>& days, Day day) {
    auto it = std::lower_bound(days.begin(), days.end(), day);
    if (it != days.end() && *it == day) days.erase(it);
}

Day date_field(const Json& fields, const char* name, Day otherwise) {
    auto it = fields.find(name);
    if (it == fields.end()) return otherwise;
    if (!it->is_string()) return kNoEnd;  // set to null
    const Day day = day_of(it->get<std::string>());
    return day < 0 ? kNoEnd : day;
}

std::string text_field(const Json& fields, const char* name) {
    auto it = fields.find(name);
    return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool has(const Json& fields, const char* name) { return fields.find(name) != fields.end(); }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

Cadence::Every every_of(const std::string& every) {
    if (every == "week") return Cadence::Every::Week;
    if (every == "month") return Cadence::Every::Month;
    if (every == "days") return Cadence::Every::Days;
    return Cadence::Every::Fortnight;
}

Cadence cadence_of(Cadence::Every every, int days) {
    Cadence cadence;
    cadence.every = every;
    if (every == Cadence::Every::Days) cadence.days = days > 0 ? days : 14;
    return cadence;
}

// Keeps one cadence per day (the last set that day wins) in day order.
void add_cadence(std::vector<CadenceFrom>& cadences, CadenceFrom entry) {
    auto it = std::lower_bound(cadences.begin(), cadences.end(), entry.from,
                               [](const CadenceFrom& c, Day day) { return c.from < day; });
    if (it != cadences.end() && it->from == entry.from) *it = entry;
    else cadences.insert(it, entry);
}

}  // namespace

ActivityLedger::Key ActivityLedger::key_of(const std::string& record_id) {
    Key key{0, 0};
    int nibbles = 0;
    for (char c : record_id) {
        if (c == '-') continue;
        const int value = hex_value(c);
        if (value < 0 || nibbles == 32) {  // not a UUID: fall back to a hash of the text
            const size_t hash = std::hash<std::string>{}(record_id);
            return Key{uint64_t(hash), uint64_t(hash) * 31 + record_id.size()};
        }
        key[size_t(nibbles / 16)] = (key[size_t(nibbles / 16)] << 4) | uint64_t(value);
        ++nibbles;
    }
    return key;
}

int32_t ActivityLedger::person_index(const std::string& person_id, Day first_seen) {
    if (person_id.empty()) return -1;
    auto [it, added] = index_of_.emplace(person_id, int32_t(people_.size()));
    if (added) {
        PersonFacts facts;
        facts.person_id = person_id;
        facts.first_known = first_seen;
        people_.push_back(std::move(facts));
        person_states_.emplace_back();
        dirty_.push_back(0);
    }
    return it->second;
}

const PersonFacts* ActivityLedger::find(const std::string& person_id) const {
    auto it = index_of_.find(person_id);
    return it == index_of_.end() ? nullptr : &people_[size_t(it->second)];
}

void ActivityLedger::touch(int32_t person) {
    if (person < 0 || dirty_[size_t(person)]) return;
    dirty_[size_t(person)] = 1;
    dirty_list_.push_back(person);
}

void ActivityLedger::refresh() {
    for (int32_t person : dirty_list_) {
        people_[size_t(person)].derive();
        dirty_[size_t(person)] = 0;
    }
    dirty_list_.clear();
}

void ActivityLedger::apply_person(const Change& change, Day day) {
    if (change.deleted) {  // erased: nothing about them counts any more
        auto it = index_of_.find(change.record_id);
        if (it == index_of_.end()) return;
        const int32_t at = it->second;
        PersonFacts blank;
        blank.person_id = change.record_id;
        people_[size_t(at)] = std::move(blank);
        person_states_[size_t(at)] = PersonState{};
        people_[size_t(at)].employments.push_back({1, 1, ""});  // never active
        return;
    }
    const int32_t at = person_index(change.record_id, day);
    PersonFacts& person = people_[size_t(at)];
    PersonState& state = person_states_[size_t(at)];
    const Json& fields = change.fields;
    if (has(fields, "manager_id")) person.manager_id = text_field(fields, "manager_id");
    if (has(fields, "start_date") || has(fields, "exit_date") || has(fields, "exit_reason") ||
        person.employments.empty()) {
        const Day start = date_field(fields, "start_date", state.start);
        state.start = start == kNoEnd ? 0 : start;
        state.exit = date_field(fields, "exit_date", state.exit);
        if (has(fields, "exit_reason")) state.reason = text_field(fields, "exit_reason");
        state.history.set(state.start, state.exit, state.exit == kNoEnd ? "" : state.reason);
        person.employments = state.history.employments();
    }
    touch(at);
}

void ActivityLedger::put(const RecordFact& fact) {
    if (fact.person < 0) return;
    PersonFacts& person = people_[size_t(fact.person)];
    switch (fact.kind) {
    case Kind::Checkin:  // a planned 1:1 counts once it is held
        if (!fact.planned) insert_sorted(person.checkins, fact.day);
        break;
    case Kind::Feedback:
        insert_sorted(person.feedback_received, fact.day);
        if (fact.other >= 0) insert_sorted(people_[size_t(fact.other)].feedback_given, fact.day);
        break;
    case Kind::Recognition: insert_sorted(person.recognitions_received, fact.day); break;
    case Kind::Session: insert_sorted(person.mentoring_sessions, fact.day); break;
    case Kind::ActionItem: person.action_items.push_back({fact.due, fact.done}); break;
    case Kind::Pair:
        person.mentoring_since = fact.day;
        person.mentoring_until = fact.until;
        break;
    case Kind::Cadence: break;  // a cadence stays in the history once set
    }
    touch(fact.person);
}

void ActivityLedger::take_back(const RecordFact& fact) {
    if (fact.person < 0) return;
    PersonFacts& person = people_[size_t(fact.person)];
    switch (fact.kind) {
    case Kind::Checkin:
        if (!fact.planned) erase_one(person.checkins, fact.day);
        break;
    case Kind::Feedback:
        erase_one(person.feedback_received, fact.day);
        if (fact.other >= 0) erase_one(people_[size_t(fact.other)].feedback_given, fact.day);
        break;
    case Kind::Recognition: erase_one(person.recognitions_received, fact.day); break;
    case Kind::Session: erase_one(person.mentoring_sessions, fact.day); break;
    case Kind::ActionItem: {
        auto& items = person.action_items;
        auto it = std::find_if(items.begin(), items.end(),
                               [&](const ActionItemFact& item) { return item.due == fact.due && item.done == fact.done; });
        if (it != items.end()) items.erase(it);
        break;
    }
    case Kind::Pair:  // its cadence history stays unless the pair itself is deleted (see apply)
        person.mentoring_since = 0;
        person.mentoring_until = kNoEnd;
        break;
    case Kind::Cadence: break;
    }
    touch(fact.person);
}

void ActivityLedger::apply(const Change& change) {
    const auto hlc = Hlc::parse(change.hlc);
    const uint64_t stamp = hlc ? stamp_of(*hlc) : 0;
    const Day day = hlc ? day_of(iso_from_millis(hlc->millis)) : 0;
    if (change.entity == "person") return apply_person(change, day);

    Kind kind;
    if (change.entity == "checkin") kind = Kind::Checkin;
    else if (change.entity == "cadence") kind = Kind::Cadence;
    else if (change.entity == "action_item") kind = Kind::ActionItem;
    else if (change.entity == "feedback") kind = Kind::Feedback;
    else if (change.entity == "recognition") kind = Kind::Recognition;
    else if (change.entity == "mentoring_pair") kind = Kind::Pair;
    else if (change.entity == "mentoring_session") kind = Kind::Session;
    else return;

    const Key key = key_of(change.record_id);
    const RecordFact* found = records_.find(key);
    if (change.deleted) {
        if (!found) return;
        take_back(*found);
        if (found->kind == Kind::Pair && found->person >= 0)
            people_[size_t(found->person)].mentoring_cadences.clear();
        records_.erase(key);
        return;
    }
    const bool created = !found;
    RecordFact fact = created ? RecordFact{} : *found;
    fact.kind = kind;
    const Json& fields = change.fields;
    // Applies a date field when this change is newer than the one that last set it.
    auto newer = [&](uint64_t& field_stamp) {
        if (stamp < field_stamp) return false;
        field_stamp = stamp;
        return true;
    };

    switch (kind) {
    case Kind::Checkin:
        if (created) fact.person = person_index(text_field(fields, "report_id"), day);
        if (has(fields, "held_on") && newer(fact.stamp_day)) fact.day = date_field(fields, "held_on", fact.day);
        if (has(fields, "status") && newer(fact.stamp_status)) fact.planned = text_field(fields, "status") == "planned";
        break;
    case Kind::Cadence: {
        if (created) fact.person = person_index(text_field(fields, "report_id"), day);
        if (has(fields, "every")) fact.every = every_of(text_field(fields, "every"));
        if (has(fields, "days")) fact.cadence_days = fields["days"].is_number_integer() ? fields["days"].get<int>() : 0;
        if (fact.person >= 0) {
            add_cadence(people_[size_t(fact.person)].cadences, {day, cadence_of(fact.every, fact.cadence_days)});
            touch(fact.person);
        }
        records_.put(key, fact);
        return;
    }
    case Kind::ActionItem:
        if (created) {
            const RecordFact* parent = records_.find(key_of(text_field(fields, "checkin_id")));
            fact.person = parent ? parent->person : -1;
        }
        if (has(fields, "due_on") && newer(fact.stamp_due)) fact.due = date_field(fields, "due_on", fact.due);
        if (has(fields, "done") && newer(fact.stamp_done)) {
            const bool done = fields["done"].is_boolean() && fields["done"].get<bool>();
            fact.done = done ? (fact.done == kNoEnd ? day : fact.done) : kNoEnd;
        }
        break;
    case Kind::Feedback:
        if (created) {
            fact.person = person_index(text_field(fields, "about_id"), day);
            fact.other = person_index(text_field(fields, "from_id"), day);
            fact.day = day;  // the day it was written, unless it says when it was given
        }
        if (has(fields, "given_on") && newer(fact.stamp_day)) fact.day = date_field(fields, "given_on", fact.day);
        break;
    case Kind::Recognition:
        if (created) fact.person = person_index(text_field(fields, "about_id"), day);
        if (has(fields, "given_on") && newer(fact.stamp_day)) fact.day = date_field(fields, "given_on", fact.day);
        break;
    case Kind::Pair:
        if (created) fact.person = person_index(text_field(fields, "mentee_id"), day);
        if (has(fields, "started_on") && newer(fact.stamp_day)) fact.day = date_field(fields, "started_on", fact.day);
        if (has(fields, "ended_on") && newer(fact.stamp_done)) fact.until = date_field(fields, "ended_on", kNoEnd);
        if (has(fields, "cadence_days") && fields["cadence_days"].is_number_integer() && fact.person >= 0) {
            fact.cadence_days = fields["cadence_days"].get<int>();
            Cadence cadence;
            cadence.every = Cadence::Every::Days;
            cadence.days = fact.cadence_days;
            // The first cadence holds from the pair's start; a later change from the day it was made.
            add_cadence(people_[size_t(fact.person)].mentoring_cadences,
                        {created && fact.day != kNoEnd ? std::min(fact.day, day) : day, cadence});
        }
        break;
    case Kind::Session:
        if (created) {
            const RecordFact* pair = records_.find(key_of(text_field(fields, "pair_id")));
            fact.person = pair ? pair->person : -1;
        }
        if (has(fields, "held_on") && newer(fact.stamp_day)) fact.day = date_field(fields, "held_on", fact.day);
        break;
    }
    if (!created) take_back(*found);
    records_.put(key, fact);
    if (fact.kind == Kind::ActionItem || fact.day != kNoEnd) put(fact);
}

}  // namespace tandem::analytics
