// The ledger's snapshot: a restored ledger goes on folding exactly as the one that was saved (through
// changes that take back or overwrite what the snapshot holds), and anything but an intact snapshot of the
// known version restores to nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <sstream>

#include "tandem/analytics/activity_ledger.h"
#include "tandem/base/dates.h"
#include "tandem/base/hlc.h"

namespace tandem::analytics {
namespace {

// Every fact of a person, derived spans included, as one comparable and readable line.
std::string describe(const PersonFacts& p) {
    std::ostringstream out;
    auto days = [&](const char* name, const std::vector<Day>& values) {
        out << name << '[';
        for (Day day : values) out << day << ' ';
        out << "] ";
    };
    auto cadences = [&](const char* name, const std::vector<CadenceFrom>& values) {
        out << name << '[';
        for (const auto& c : values) out << c.from << ':' << int(c.cadence.every) << '/' << c.cadence.days << ' ';
        out << "] ";
    };
    auto spans = [&](const char* name, const std::vector<DaySpan>& values) {
        out << name << '[';
        for (const auto& s : values) out << s.first << '-' << s.last << ' ';
        out << "] ";
    };
    out << p.person_id << " manager " << p.manager_id << " first_known " << p.first_known << " employments[";
    for (const auto& e : p.employments) out << e.start << '-' << e.exit << ':' << e.exit_reason << ' ';
    out << "] ";
    days("checkins", p.checkins);
    cadences("cadences", p.cadences);
    days("given", p.feedback_given);
    days("received", p.feedback_received);
    days("recognitions", p.recognitions_received);
    out << "items[";
    for (const auto& item : p.action_items) out << item.due << '>' << item.done << ' ';
    out << "] ";
    days("sessions", p.mentoring_sessions);
    cadences("mentoring", p.mentoring_cadences);
    out << "mentored " << p.mentoring_since << '-' << p.mentoring_until << ' ';
    spans("overdue", p.overdue);
    spans("mentoring_overdue", p.mentoring_overdue);
    return out.str();
}

void expect_same_people(const ActivityLedger& expected, const ActivityLedger& actual) {
    EXPECT_EQ(actual.people(), expected.people());
    EXPECT_EQ(actual.records(), expected.records());
    expected.for_each_person([&](const PersonFacts& person) {
        const PersonFacts* other = actual.find(person.person_id);
        ASSERT_NE(other, nullptr) << person.person_id;
        EXPECT_EQ(describe(*other), describe(person));
    });
}

// Changes as a busy organisation logs them, from a fixed seed: people who join, leave and come back, 1:1s
// held, moved, un-held and deleted, cadences changed, action items ticked and un-ticked later, feedback,
// mentoring pairs that end or go, erasures; now and then a late change stamped before ones already folded.
class ChangeMaker {
public:
    explicit ChangeMaker(unsigned seed) : random_(seed) {}

    Change next() {
        clock_ += pick(3);
        if (people_.size() < 3) return person(new_id(), {{"manager_id", any(people_)}, {"start_date", date()}});
        switch (pick(16)) {
        case 0: return person(new_id(), {{"manager_id", any(people_)}, {"start_date", date()}});
        case 1: return person(any(people_), {{"exit_date", date()}, {"exit_reason", pick(2) ? "voluntary" : "other"}});
        case 2: return person(any(people_), {{"start_date", date()}, {"exit_date", nullptr}});  // re-hired
        case 3: return record("checkin", checkins_, {{"report_id", any(people_)}, {"held_on", date()},
                                                     {"status", pick(4) ? "held" : "planned"}});
        case 4: return update("checkin", checkins_, pick(2) ? Json{{"held_on", date()}} : Json{{"status", "held"}});
        case 5: return removal("checkin", checkins_);
        case 6: return record("cadence", cadences_, {{"report_id", any(people_)}, {"every", every()}, {"days", 3 + pick(20)}});
        case 7: return update("cadence", cadences_, {{"every", every()}, {"days", 3 + pick(20)}});
        case 8: return record("action_item", items_, {{"checkin_id", any(checkins_)}, {"due_on", date()}, {"done", false}});
        case 9: return update("action_item", items_, {{"done", pick(3) > 0}});
        case 10: return record("feedback", feedback_, {{"from_id", any(people_)}, {"about_id", any(people_)}, {"given_on", date()}});
        case 11: return record("recognition", feedback_, {{"about_id", any(people_)}, {"given_on", date()}});
        case 12: return record("mentoring_pair", pairs_, {{"mentee_id", any(people_)}, {"started_on", date()},
                                                          {"cadence_days", 7 + pick(21)}});
        case 13: return pick(3) ? update("mentoring_pair", pairs_, {{"ended_on", date()}, {"cadence_days", 7 + pick(21)}})
                                : removal("mentoring_pair", pairs_);
        case 14: return record("mentoring_session", sessions_, {{"pair_id", any(pairs_)}, {"held_on", date()}});
        default: {
            if (pick(8)) return update("checkin", checkins_, {{"held_on", date()}});
            Change erased = person(any(people_), Json::object());
            erased.deleted = true;
            return erased;
        }
        }
    }

private:
    int pick(int below) { return int(random_() % unsigned(below)); }
    std::string any(const std::vector<std::string>& ids) { return ids.empty() ? "" : ids[size_t(pick(int(ids.size())))]; }
    std::string new_id() {
        char id[40];
        std::snprintf(id, sizeof id, "00000000-0000-7000-8000-%012x", ++ids_);
        // A few ids that are not UUIDs, as old clients wrote: they take the ledger's hashed keys.
        return ids_ % 17 == 0 ? "legacy-" + std::to_string(ids_) : id;
    }
    std::string date() { return iso_from_days(clock_ - 40 + pick(60)); }
    const char* every() {
        static const char* const kinds[] = {"week", "fortnight", "month", "days"};
        return kinds[pick(4)];
    }

    Change stamped(const char* entity, const std::string& id, Json fields) {
        Change out;
        out.entity = entity;
        out.record_id = id;
        const int64_t day = pick(10) ? clock_ : clock_ - 1 - pick(5);  // sometimes older than what came before
        out.hlc = Hlc{uint64_t(day) * 86400000ULL + uint64_t(pick(86400)) * 1000ULL, uint16_t(pick(4))}.to_string();
        out.fields = std::move(fields);
        return out;
    }
    Change person(const std::string& id, Json fields) {
        if (std::find(people_.begin(), people_.end(), id) == people_.end()) people_.push_back(id);
        return stamped("person", id, std::move(fields));
    }
    Change record(const char* entity, std::vector<std::string>& ids, Json fields) {
        ids.push_back(new_id());
        return stamped(entity, ids.back(), std::move(fields));
    }
    Change update(const char* entity, std::vector<std::string>& ids, Json fields) {
        if (ids.empty()) return record(entity, ids, std::move(fields));
        return stamped(entity, any(ids), std::move(fields));
    }
    Change removal(const char* entity, std::vector<std::string>& ids) {
        Change out = stamped(entity, any(ids), Json::object());
        out.deleted = true;
        return out;
    }

    std::mt19937 random_;
    int64_t clock_ = days_from_iso("2025-01-01");
    unsigned ids_ = 0;
    std::vector<std::string> people_, checkins_, cadences_, items_, feedback_, pairs_, sessions_;
};

TEST(LedgerSnapshot, ARestoredLedgerFoldsLaterChangesAsTheSavedOneDoes) {
    for (unsigned seed : {1u, 2u, 3u}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        ChangeMaker changes(seed);
        ActivityLedger original;
        for (int i = 0; i < 600; ++i) original.apply(changes.next());
        original.refresh();
        size_t met = 0, items = 0, mentored = 0, left = 0;
        original.for_each_person([&](const PersonFacts& person) {
            met += !person.checkins.empty();
            items += !person.action_items.empty();
            mentored += !person.mentoring_cadences.empty();
            left += person.left() != kNoEnd;
        });
        ASSERT_TRUE(met && items && mentored && left) << "the changes reach every kind of fact";

        const std::string bytes = original.save();
        auto restored = ActivityLedger::restore(bytes);
        ASSERT_TRUE(restored.has_value());
        expect_same_people(original, *restored);
        EXPECT_EQ(restored->save(), bytes) << "saving what was restored gives the same snapshot";

        for (int i = 0; i < 600; ++i) {
            const Change change = changes.next();
            original.apply(change);
            restored->apply(change);
        }
        original.refresh();
        restored->refresh();
        expect_same_people(original, *restored);
    }
}

TEST(LedgerSnapshot, AnEmptyLedgerRoundTrips) {
    auto restored = ActivityLedger::restore(ActivityLedger().save());
    ASSERT_TRUE(restored.has_value());
    EXPECT_EQ(restored->people(), 0u);
    EXPECT_EQ(restored->records(), 0u);
}

TEST(LedgerSnapshot, TruncatedCorruptedOrUnknownSnapshotsRestoreToNothing) {
    ChangeMaker changes(7);
    ActivityLedger ledger;
    for (int i = 0; i < 40; ++i) ledger.apply(changes.next());
    ledger.refresh();
    const std::string bytes = ledger.save();
    ASSERT_TRUE(ActivityLedger::restore(bytes).has_value());

    for (size_t size = 0; size < bytes.size(); ++size)
        EXPECT_FALSE(ActivityLedger::restore(std::string_view(bytes).substr(0, size)).has_value()) << size;
    for (size_t at = 0; at < bytes.size(); ++at) {
        std::string corrupted = bytes;
        corrupted[at] = char(corrupted[at] ^ 0x5a);
        EXPECT_FALSE(ActivityLedger::restore(corrupted).has_value()) << at;
    }
    std::string newer = bytes;
    newer[0] = char(newer[0] + 1);  // the version comes first
    EXPECT_FALSE(ActivityLedger::restore(newer).has_value());
    EXPECT_FALSE(ActivityLedger::restore(bytes + '\0').has_value());
    EXPECT_FALSE(ActivityLedger::restore(std::string(64, '\xff')).has_value());
}

// The snapshot's trailing checksum (FNV-1a 64, little-endian) recomputed, so that a corrupted body reaches
// the structural checks: those must hold on their own, whatever bytes a snapshot holds.
std::string resealed(std::string bytes) {
    bytes.resize(bytes.size() - 8);
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ULL;
    for (int i = 0; i < 8; ++i) bytes.push_back(char(uint8_t(hash >> (8 * i))));
    return bytes;
}

TEST(LedgerSnapshot, ACorruptedBodyBehindAValidChecksumNeverReadsOutOfBounds) {
    ChangeMaker changes(11);
    ActivityLedger ledger;
    for (int i = 0; i < 40; ++i) ledger.apply(changes.next());
    ledger.refresh();
    const std::string bytes = ledger.save();
    ASSERT_TRUE(ActivityLedger::restore(resealed(bytes)).has_value());
    std::mt19937 random(5);
    for (size_t at = 0; at + 8 < bytes.size(); ++at)
        for (uint8_t value : {uint8_t(0), uint8_t(0x7f), uint8_t(0x80), uint8_t(0xff), uint8_t(random())}) {
            std::string corrupted = bytes;
            corrupted[at] = char(value);
            // Restoring may succeed (a day changed is still a ledger); what it restores must fold and save.
            if (auto restored = ActivityLedger::restore(resealed(corrupted))) {
                ChangeMaker more(12);
                for (int i = 0; i < 20; ++i) restored->apply(more.next());
                restored->refresh();
                EXPECT_TRUE(ActivityLedger::restore(restored->save()).has_value());
            }
        }
    EXPECT_FALSE(ActivityLedger::restore(resealed(bytes.substr(0, bytes.size() / 2) + std::string(8, '\0'))).has_value());
}

}  // namespace
}  // namespace tandem::analytics
