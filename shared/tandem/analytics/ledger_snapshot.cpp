// ActivityLedger::save and restore. Layout (version 1), all integers LEB128 varints, signed ones zigzagged:
//   version, people, each person (facts, then the HRIS state), records, each record, FNV-1a 64 of the rest.
// Days are stored as 0 for kNoEnd and zigzag+1 otherwise; ascending day lists as deltas. Records are written
// in order of their day stamp so each stamp is a small delta from the previous one: the stamps are most of a
// record, and a snapshot of millions of records should stay a fraction of the log it replaces.
#include <algorithm>

#include "tandem/analytics/activity_ledger.h"

namespace tandem::analytics {

namespace {

constexpr uint64_t kVersion = 1;
constexpr size_t kChecksumBytes = 8;
constexpr int64_t kLargestStep = int64_t(UINT32_MAX);  // between two int32 days; larger is malformed

uint64_t fnv1a(std::string_view bytes) {
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ULL;
    return hash;
}

uint64_t zigzag(int64_t value) { return (uint64_t(value) << 1) ^ uint64_t(value >> 63); }
int64_t unzigzag(uint64_t value) { return int64_t(value >> 1) ^ -int64_t(value & 1); }

class Writer {
public:
    std::string out;
    void varint(uint64_t value) {
        while (value >= 0x80) {
            out.push_back(char(uint8_t(value) | 0x80));
            value >>= 7;
        }
        out.push_back(char(value));
    }
    void signed_int(int64_t value) { varint(zigzag(value)); }
    void day(Day value) { varint(value == kNoEnd ? 0 : zigzag(value) + 1); }
    void text(const std::string& value) {
        varint(value.size());
        out += value;
    }
    void fixed64(uint64_t value) {
        for (int i = 0; i < 8; ++i) out.push_back(char(uint8_t(value >> (8 * i))));
    }
    void days(const std::vector<Day>& values) {
        varint(values.size());
        int64_t previous = 0;
        for (Day value : values) {
            signed_int(int64_t(value) - previous);
            previous = value;
        }
    }
    void cadences(const std::vector<CadenceFrom>& values) {
        varint(values.size());
        for (const auto& value : values) {
            day(value.from);
            varint(uint64_t(value.cadence.every));
            signed_int(value.cadence.days);
        }
    }
    void employments(const std::vector<Employment>& values) {
        varint(values.size());
        for (const auto& value : values) {
            day(value.start);
            day(value.exit);
            text(value.exit_reason);
        }
    }
};

// Every read checks the bounds; the first failure sticks, so callers test `ok` once per item.
class Reader {
public:
    explicit Reader(std::string_view bytes) : at_(bytes.data()), end_(bytes.data() + bytes.size()) {}
    bool ok = true;
    bool done() const { return at_ == end_; }

    uint64_t varint() {
        uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at_ == end_) return fail();
            const uint8_t byte = uint8_t(*at_++);
            value |= uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return value;
        }
        return fail();
    }
    int64_t signed_int() { return unzigzag(varint()); }
    int32_t int32() { return narrow(signed_int()); }
    Day day() {
        const uint64_t value = varint();
        return value == 0 ? kNoEnd : plausible(unzigzag(value - 1));
    }
    // A real day is within a few thousand years of 1970: anything else is damage, and would overflow the
    // day arithmetic of the figures (a day after kNoEnd - 1, say).
    Day plausible(int64_t day) {
        constexpr int64_t kFarthest = 1'000'000;
        if (day < -kFarthest || day > kFarthest) return Day(fail());
        return Day(day);
    }
    // A count of items of at least one byte each: larger than what is left is malformed (and would be a
    // huge allocation).
    size_t count() {
        const uint64_t value = varint();
        if (value > uint64_t(end_ - at_)) return size_t(fail());
        return size_t(value);
    }
    std::string text() {
        const size_t size = count();
        if (!ok) return {};
        std::string value(at_, size);
        at_ += size;
        return value;
    }
    uint64_t fixed64() {
        if (end_ - at_ < 8) return fail();
        uint64_t value = 0;
        for (int i = 0; i < 8; ++i) value |= uint64_t(uint8_t(at_[i])) << (8 * i);
        at_ += 8;
        return value;
    }
    std::vector<Day> days() {
        std::vector<Day> values(count());
        int64_t previous = 0;
        for (Day& value : values) {
            const int64_t step = signed_int();
            if (step < -kLargestStep || step > kLargestStep) return fail(), std::vector<Day>();
            value = plausible(previous += step);
        }
        return values;
    }
    Cadence::Every every() {
        const uint64_t value = varint();
        if (value > uint64_t(Cadence::Every::Days)) fail();
        return Cadence::Every(value);
    }
    std::vector<CadenceFrom> cadences() {
        std::vector<CadenceFrom> values(count());
        for (auto& value : values) {
            value.from = day();
            value.cadence.every = every();
            value.cadence.days = int32();
        }
        return values;
    }
    std::vector<Employment> employments() {
        std::vector<Employment> values(count());
        for (auto& value : values) {
            value.start = day();
            value.exit = day();
            value.exit_reason = text();
        }
        return values;
    }
    uint64_t fail() {
        ok = false;
        at_ = end_;
        return 0;
    }

private:
    int32_t narrow(int64_t value) {
        if (value < INT32_MIN || value > INT32_MAX) return int32_t(fail());
        return int32_t(value);
    }
    const char* at_;
    const char* end_;
};

void write_facts(Writer& out, const PersonFacts& person) {
    out.text(person.person_id);
    out.text(person.manager_id);
    out.day(person.first_known);
    out.employments(person.employments);
    out.days(person.checkins);
    out.cadences(person.cadences);
    out.days(person.feedback_given);
    out.days(person.feedback_received);
    out.days(person.recognitions_received);
    out.varint(person.action_items.size());
    for (const auto& item : person.action_items) {
        out.day(item.due);
        out.day(item.done);
    }
    out.days(person.mentoring_sessions);
    out.cadences(person.mentoring_cadences);
    out.day(person.mentoring_since);
    out.day(person.mentoring_until);
}

PersonFacts read_facts(Reader& in) {
    PersonFacts person;
    person.person_id = in.text();
    person.manager_id = in.text();
    person.first_known = in.day();
    person.employments = in.employments();
    person.checkins = in.days();
    person.cadences = in.cadences();
    person.feedback_given = in.days();
    person.feedback_received = in.days();
    person.recognitions_received = in.days();
    person.action_items.resize(in.count());
    for (auto& item : person.action_items) {
        item.due = in.day();
        item.done = in.day();
    }
    person.mentoring_sessions = in.days();
    person.mentoring_cadences = in.cadences();
    person.mentoring_since = in.day();
    person.mentoring_until = in.day();
    return person;
}

bool same_employments(const std::vector<Employment>& a, const std::vector<Employment>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Employment& x, const Employment& y) {
        return x.start == y.start && x.exit == y.exit && x.exit_reason == y.exit_reason;
    });
}

// Which optional parts of a record follow.
constexpr uint64_t kPlanned = 1, kStampDone = 2, kStampDue = 4, kStampStatus = 8, kParent = 16, kAllFlags = 31;

}  // namespace

std::string ActivityLedger::save() const {
    Writer out;
    out.out.reserve(people_.size() * 64 + records_.size() * 24);
    out.varint(kVersion);
    out.varint(people_.size());
    for (size_t at = 0; at < people_.size(); ++at) {
        write_facts(out, people_[at]);
        const PersonState& state = person_states_[at];
        out.day(state.start);
        out.day(state.exit);
        out.text(state.reason);
        // The history is the person's employments except after an erasure; store it only when it differs.
        const bool same = same_employments(state.history.employments(), people_[at].employments);
        out.varint(same ? 1 : 0);
        if (!same) out.employments(state.history.employments());
    }

    std::vector<const RecordTable<RecordFact>::Entry*> records;
    records.reserve(records_.size());
    for (const auto& entry : records_) records.push_back(&entry);
    std::sort(records.begin(), records.end(), [](const auto* a, const auto* b) {
        return a->second.stamp_day != b->second.stamp_day ? a->second.stamp_day < b->second.stamp_day
                                                           : a->first < b->first;
    });
    out.varint(records.size());
    uint64_t previous_stamp = 0;
    for (const auto* entry : records) {
        const RecordFact& fact = entry->second;
        out.fixed64(entry->first[0]);
        out.fixed64(entry->first[1]);
        out.varint(uint64_t(fact.kind));
        const uint64_t flags = (fact.planned ? kPlanned : 0) | (fact.stamp_done ? kStampDone : 0) |
                               (fact.stamp_due ? kStampDue : 0) | (fact.stamp_status ? kStampStatus : 0) |
                               (fact.parent != Key{} ? kParent : 0);
        out.varint(flags);
        out.varint(uint64_t(int64_t(fact.person) + 1));
        out.varint(uint64_t(int64_t(fact.other) + 1));
        out.day(fact.day);
        out.day(fact.due);
        out.day(fact.done);
        out.day(fact.until);
        out.signed_int(fact.cadence_days);
        out.varint(uint64_t(fact.every));
        out.varint(fact.stamp_day - previous_stamp);
        previous_stamp = fact.stamp_day;
        // The other stamps are usually that of the same change: store them relative to the day stamp.
        if (fact.stamp_done) out.signed_int(int64_t(fact.stamp_done - fact.stamp_day));
        if (fact.stamp_due) out.signed_int(int64_t(fact.stamp_due - fact.stamp_day));
        if (fact.stamp_status) out.signed_int(int64_t(fact.stamp_status - fact.stamp_day));
        if (fact.parent != Key{}) {
            out.fixed64(fact.parent[0]);
            out.fixed64(fact.parent[1]);
        }
    }
    out.fixed64(fnv1a(out.out));
    return std::move(out.out);
}

std::optional<ActivityLedger> ActivityLedger::restore(std::string_view bytes) {
    if (bytes.size() < kChecksumBytes) return std::nullopt;
    const std::string_view body = bytes.substr(0, bytes.size() - kChecksumBytes);
    if (Reader(bytes.substr(body.size())).fixed64() != fnv1a(body)) return std::nullopt;
    Reader in(body);
    if (in.varint() != kVersion || !in.ok) return std::nullopt;

    ActivityLedger ledger;
    const size_t people = in.count();
    ledger.people_.reserve(people);
    ledger.person_states_.reserve(people);
    for (size_t at = 0; at < people && in.ok; ++at) {
        PersonFacts facts = read_facts(in);
        PersonState state;
        state.start = in.day();
        state.exit = in.day();
        state.reason = in.text();
        const uint64_t same = in.varint();
        if (same > 1) return std::nullopt;
        state.history = EmploymentHistory(same ? facts.employments : in.employments());
        if (!in.ok || !ledger.index_of_.emplace(facts.person_id, int32_t(at)).second) return std::nullopt;
        facts.derive();
        ledger.people_.push_back(std::move(facts));
        ledger.person_states_.push_back(std::move(state));
    }
    ledger.dirty_.assign(ledger.people_.size(), 0);

    const auto person_ref = [&]() {
        const uint64_t value = in.varint();
        if (value > people) in.fail();
        return int32_t(int64_t(value) - 1);
    };
    const size_t records = in.count();
    // Room beyond the snapshot for the log folded after it: a full vector would copy every record on the
    // first one added. Capacity not yet written to costs no memory.
    std::vector<RecordTable<RecordFact>::Entry> entries;
    entries.reserve(records + records / 8 + 1024);
    uint64_t stamp = 0;
    for (size_t i = 0; i < records && in.ok; ++i) {
        Key key{in.fixed64(), in.fixed64()};
        RecordFact fact;
        const uint64_t kind = in.varint();
        if (kind > uint64_t(Kind::Session)) return std::nullopt;
        fact.kind = Kind(kind);
        const uint64_t flags = in.varint();
        if (flags & ~kAllFlags) return std::nullopt;
        fact.planned = flags & kPlanned;
        fact.person = person_ref();
        fact.other = person_ref();
        fact.day = in.day();
        fact.due = in.day();
        fact.done = in.day();
        fact.until = in.day();
        fact.cadence_days = in.plausible(in.signed_int());
        fact.every = in.every();
        fact.stamp_day = stamp += in.varint();
        if (flags & kStampDone) fact.stamp_done = fact.stamp_day + uint64_t(in.signed_int());
        if (flags & kStampDue) fact.stamp_due = fact.stamp_day + uint64_t(in.signed_int());
        if (flags & kStampStatus) fact.stamp_status = fact.stamp_day + uint64_t(in.signed_int());
        if (flags & kParent) fact.parent = {in.fixed64(), in.fixed64()};
        if (!in.ok) return std::nullopt;
        entries.emplace_back(key, fact);
    }
    if (!in.ok || !in.done()) return std::nullopt;
    if (!ledger.records_.adopt(std::move(entries))) return std::nullopt;  // a record twice
    return ledger;
}

}  // namespace tandem::analytics
