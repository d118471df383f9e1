#pragma once
// The facts analytics counts on, folded from the changes the server logged, in log order. The log is the
// only place the history lives (when a cadence changed, the day an action item was ticked, an exit before a
// re-hire), and folding it change by change keeps every figure up to date on write instead of scanning
// records per request. Per field the newest clock wins, as in merging, so a late-arriving older change
// does not undo a newer one.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tandem/analytics/analytics.h"
#include "tandem/analytics/record_table.h"
#include "tandem/base/change.h"

namespace tandem::analytics {

class ActivityLedger {
public:
    void apply(const Change& change);
    void reserve(size_t records) { records_.reserve(records); }
    // Re-derives the overdue spans of everyone touched since the last call.
    void refresh();

    const PersonFacts* find(const std::string& person_id) const;
    size_t people() const { return index_of_.size(); }
    size_t records() const { return records_.size(); }
    template <class Visit> void for_each_person(Visit&& visit) const {
        for (const auto& [id, at] : index_of_) visit(people_[size_t(at)]);
    }

    // A versioned binary snapshot (ledger_snapshot.cpp), so a restarting server folds only the changes
    // logged after it. A restored ledger folds later changes exactly as the saved one would have; restore
    // returns nullopt for an unknown version or any malformed, truncated or corrupted input.
    std::string save() const;
    static std::optional<ActivityLedger> restore(std::string_view bytes);

private:
    using Key = std::array<uint64_t, 2>;  // a record id, packed (UUIDs are 16 bytes)
    enum class Kind : uint8_t { Checkin, Cadence, ActionItem, Feedback, Recognition, Pair, Session };
    // What one record contributes, so a later change or deletion can take it back.
    struct RecordFact {
        Kind kind = Kind::Checkin;
        int32_t person = -1, other = -1;  // report/mentee/about; the giver of feedback
        Day day = kNoEnd;                 // held, given, written; a pair's start
        Day due = kNoEnd, done = kNoEnd, until = kNoEnd;
        int32_t cadence_days = 0;         // a pair's; a cadence record's `days`
        Cadence::Every every = Cadence::Every::Fortnight;  // a cadence record's
        bool planned = false;             // a 1:1 prepared and not yet held
        uint64_t stamp_day = 0, stamp_done = 0, stamp_due = 0, stamp_status = 0;
        Key parent{};                     // an action item's 1:1, a session's pair
    };
    struct PersonState {  // the HRIS fields as last written, and the history they make
        Day start = 0, exit = kNoEnd;
        std::string reason;
        EmploymentHistory history;
    };

    static Key key_of(const std::string& record_id);
    int32_t person_index(const std::string& person_id, Day first_seen);
    void apply_person(const Change& change, Day day);
    void take_back(const RecordFact& fact);
    void put(const RecordFact& fact);
    void touch(int32_t person);

    std::unordered_map<std::string, int32_t> index_of_;
    std::vector<PersonFacts> people_;
    std::vector<PersonState> person_states_;
    std::vector<char> dirty_;
    std::vector<int32_t> dirty_list_;
    RecordTable<RecordFact> records_;
};

}  // namespace tandem::analytics
