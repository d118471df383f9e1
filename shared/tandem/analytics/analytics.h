#pragma once
// People analytics (docs/api.md, People analytics): every figure is defined here once, on plain per-person
// facts, so the team rows, the series over time and the cohort comparison all count the same way. That section
// of docs/api.md lists each figure with its definition. Days are whole UTC days since 1970-01-01.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tandem/one_on_ones/cadence.h"

namespace tandem::analytics {

using Day = int32_t;
inline constexpr Day kNoEnd = INT32_MAX;  // a span still running, an employment not ended

struct DaySpan {
    Day first = 0, last = 0;  // inclusive
};
bool overlaps(const DaySpan& span, Day from, Day to);

// A cadence in force from a day on (the manager set or changed it then).
struct CadenceFrom {
    Day from = 0;
    Cadence cadence;
};

// The days a person's meetings were overdue: after the due date of the last meeting (or, before the first,
// of `joined`) until the day of the next one. The cadence in force on each day decides that day's due date,
// so a change of cadence moves the due date of the gap it falls in. Spans after the last meeting stay open
// (kNoEnd); `left` (kNoEnd when still employed) ends them. `held` and `cadences` ascending.
std::vector<DaySpan> overdue_spans(const std::vector<Day>& held, const std::vector<CadenceFrom>& cadences,
                                   Day joined, Day left = kNoEnd);
// Kept the cadence over [from, to]: no day of it overdue.
bool kept_cadence(const std::vector<DaySpan>& overdue, Day from, Day to);

// One period of employment; a re-hire opens a new one. Active from `start` up to the day before `exit`
// (on the exit date the person has gone, as at sign-in).
struct Employment {
    Day start = 0;  // 0: not known (treated as employed since ever)
    Day exit = kNoEnd;
    std::string exit_reason;  // voluntary | involuntary | other | ""
};
bool active_on(const std::vector<Employment>& employments, Day day);

// Folds the HRIS dates as imports change them: a start date after the recorded exit is a re-hire, and
// keeps the earlier employment whole.
class EmploymentHistory {
public:
    EmploymentHistory() = default;
    explicit EmploymentHistory(std::vector<Employment> employments) : employments_(std::move(employments)) {}  // as saved
    // The person's dates after an import (start 0: unknown; exit kNoEnd: none).
    void set(Day start, Day exit, const std::string& reason);
    const std::vector<Employment>& employments() const { return employments_; }

private:
    std::vector<Employment> employments_;
};

// A share with what it is a share of, so groups add up numerators and denominators rather than averaging shares.
struct Share {
    int64_t part = 0, whole = 0;
    std::optional<double> value() const {
        return whole > 0 ? std::optional<double>(double(part) / double(whole)) : std::nullopt;
    }
    Share& operator+=(const Share& other) {
        part += other.part;
        whole += other.whole;
        return *this;
    }
};

int64_t count_between(const std::vector<Day>& ascending, Day from, Day to);  // inclusive

struct ActionItemFact {
    Day due = kNoEnd;   // kNoEnd: no due date
    Day done = kNoEnd;  // the day it was marked done; kNoEnd while open
};

// What the figures are computed from, for one person.
struct PersonFacts {
    std::string person_id, manager_id;
    Day first_known = 0;  // the day the person record appeared: the 1:1 clock's start when the HRIS has no date
    std::vector<Employment> employments;
    std::vector<Day> checkins;               // 1:1s held with them, ascending
    std::vector<CadenceFrom> cadences;       // their managers' cadence for them, ascending
    std::vector<Day> feedback_given, feedback_received, recognitions_received;
    std::vector<ActionItemFact> action_items;  // from their 1:1s
    // As a mentee: sessions held and the pair's cadence (empty cadences: no mentor).
    std::vector<Day> mentoring_sessions;
    std::vector<CadenceFrom> mentoring_cadences;
    Day mentoring_since = 0, mentoring_until = kNoEnd;
    // Derived, cached by the owner of the facts.
    std::vector<DaySpan> overdue, mentoring_overdue;
    void derive();  // recomputes `overdue` and `mentoring_overdue`
    Day joined() const;
    Day left() const;
};

// The figures of a group of people over [from, to]. Who counts: people active on `to` for the per-head
// figures and shares; everyone of the group for exits. Survey indices come from elsewhere (survey results).
struct GroupFigures {
    int64_t headcount = 0;
    Share cadence;             // people whose 1:1s kept their cadence over the period
    int64_t checkins = 0;      // 1:1s held in the period with them
    int64_t feedback_given = 0, feedback_received = 0, recognitions = 0;
    Share action_items;        // items due in the period done on or before the due day
    Share mentoring;           // the group's mentored managers whose sessions kept the pair's cadence
    int64_t exits = 0, voluntary_exits = 0;
    Share retention;           // of those active a year before `to`, still active on `to`

    std::optional<double> per_head(int64_t count) const {
        return headcount > 0 ? std::optional<double>(double(count) / double(headcount)) : std::nullopt;
    }
    void add(const GroupFigures& other);
};

Day year_before(Day day);  // the same calendar day a year earlier (29 February → 28 February)
// Adds one person to `figures`. The person's `overdue` spans must be derived. `base` is year_before(to),
// passed in by loops over many people.
void add_person(GroupFigures& figures, const PersonFacts& person, Day from, Day to, Day base);
inline void add_person(GroupFigures& figures, const PersonFacts& person, Day from, Day to) {
    add_person(figures, person, from, to, year_before(to));
}
// Adds the manager who leads a team of the group: their own mentoring against the pair's cadence.
void add_leader(GroupFigures& figures, const PersonFacts& leader, Day from, Day to);

// Month by month: of the months each person was active at the month's end, the share in which their 1:1s
// kept their cadence (pooled over the people). The return splits teams by it: a whole year with no day
// overdue is rare, a month is the unit managers plan in.
Share cadence_by_month(const std::vector<const PersonFacts*>& people, const std::vector<DaySpan>& months);

// Buckets for series: calendar months or ISO weeks (Monday to Sunday) overlapping [from, to], cut to it.
enum class Bucket { Week, Month };
std::vector<DaySpan> buckets(Day from, Day to, Bucket bucket);

Day day_of(const std::string& iso);  // -1 for a bad date
std::string iso_of(Day day);

}  // namespace tandem::analytics
