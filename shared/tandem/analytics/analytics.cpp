#include "tandem/analytics/analytics.h"

#include <algorithm>

#include "tandem/base/dates.h"

namespace tandem::analytics {

bool overlaps(const DaySpan& span, Day from, Day to) { return span.first <= to && span.last >= from; }

Day day_of(const std::string& iso) {
    if (iso.size() != 10) return -1;
    const int64_t days = days_from_iso(iso);
    return days < 0 || days > 200000 ? -1 : Day(days);
}

std::string iso_of(Day day) { return iso_from_days(day); }

namespace {

// The due day of the next meeting after one held on `last`.
Day due_after(Day last, const Cadence& cadence) {
    switch (cadence.every) {
    case Cadence::Every::Week: return last + 7;
    case Cadence::Every::Fortnight: return last + 14;
    case Cadence::Every::Month: return day_of(add_months(iso_of(last), 1));
    case Cadence::Every::Days: return last + cadence.days;
    }
    return last + 14;
}

void append_merged(std::vector<DaySpan>& spans, DaySpan span) {
    if (!spans.empty() && spans.back().last != kNoEnd && spans.back().last + 1 >= span.first) {
        spans.back().last = std::max(spans.back().last, span.last);
        return;
    }
    spans.push_back(span);
}

}  // namespace

std::vector<DaySpan> overdue_spans(const std::vector<Day>& held, const std::vector<CadenceFrom>& cadences, Day joined,
                                   Day left) {
    std::vector<DaySpan> spans;
    // Overdue days of the gap after a meeting on `ref` until `until` (exclusive), cut where the cadence changes.
    auto gap = [&](Day ref, Day until) {
        if (ref >= until) return;  // no day between them (and ref may be kNoEnd, where ref + 1 overflows)
        Day a = ref + 1;
        // The cadence in force on day a, and the index of the next change.
        size_t next = size_t(std::upper_bound(cadences.begin(), cadences.end(), a,
                                              [](Day day, const CadenceFrom& c) { return day < c.from; }) -
                             cadences.begin());
        while (a < until) {
            const Cadence cadence = next == 0 ? Cadence{} : cadences[next - 1].cadence;
            const Day b = next < cadences.size() ? std::min(until, cadences[next].from) : until;  // exclusive
            const Day first_overdue = std::max(a, due_after(ref, cadence) + 1);
            if (first_overdue < b) append_merged(spans, {first_overdue, b == kNoEnd ? kNoEnd : b - 1});
            a = b;
            ++next;
        }
    };
    Day ref = joined;
    for (Day day : held) {
        if (day <= ref) continue;
        if (day >= left) break;
        gap(ref, day);
        ref = day;
    }
    gap(ref, left);
    return spans;
}

bool kept_cadence(const std::vector<DaySpan>& overdue, Day from, Day to) {
    auto it = std::lower_bound(overdue.begin(), overdue.end(), from,
                               [](const DaySpan& span, Day day) { return span.last < day; });
    return it == overdue.end() || it->first > to;
}

bool active_on(const std::vector<Employment>& employments, Day day) {
    return std::any_of(employments.begin(), employments.end(),
                       [&](const Employment& e) { return e.start <= day && day < e.exit; });
}

void EmploymentHistory::set(Day start, Day exit, const std::string& reason) {
    if (!employments_.empty()) {
        Employment& current = employments_.back();
        const bool rehired = current.exit != kNoEnd && start > 0 && start >= current.exit && start != current.start;
        if (!rehired) {
            current = {start, exit, reason};
            return;
        }
    }
    employments_.push_back({start, exit, reason});
}

int64_t count_between(const std::vector<Day>& ascending, Day from, Day to) {
    if (to < from) return 0;
    return std::upper_bound(ascending.begin(), ascending.end(), to) -
           std::lower_bound(ascending.begin(), ascending.end(), from);
}

Day PersonFacts::joined() const {
    if (!employments.empty() && employments.back().start > 0) return employments.back().start;
    return first_known;
}

Day PersonFacts::left() const { return employments.empty() ? kNoEnd : employments.back().exit; }

void PersonFacts::derive() {
    overdue = overdue_spans(checkins, cadences, joined(), left());
    mentoring_overdue.clear();
    if (!mentoring_cadences.empty())
        mentoring_overdue = overdue_spans(mentoring_sessions, mentoring_cadences, mentoring_since,
                                          mentoring_until == kNoEnd ? kNoEnd : mentoring_until + 1);
}

void GroupFigures::add(const GroupFigures& other) {
    headcount += other.headcount;
    cadence += other.cadence;
    checkins += other.checkins;
    feedback_given += other.feedback_given;
    feedback_received += other.feedback_received;
    recognitions += other.recognitions;
    action_items += other.action_items;
    mentoring += other.mentoring;
    exits += other.exits;
    voluntary_exits += other.voluntary_exits;
    retention += other.retention;
}

Day year_before(Day day) { return day_of(add_months(iso_of(day), -12)); }

void add_person(GroupFigures& figures, const PersonFacts& person, Day from, Day to, Day base) {
    if (active_on(person.employments, to) && person.joined() <= to) {
        ++figures.headcount;
        if (!person.manager_id.empty()) {  // someone at the top has nobody to hold 1:1s with them
            ++figures.cadence.whole;
            figures.cadence.part += kept_cadence(person.overdue, from, to) ? 1 : 0;
        }
    }
    figures.checkins += count_between(person.checkins, from, to);
    figures.feedback_given += count_between(person.feedback_given, from, to);
    figures.feedback_received += count_between(person.feedback_received, from, to);
    figures.recognitions += count_between(person.recognitions_received, from, to);
    for (const ActionItemFact& item : person.action_items) {
        if (item.due < from || item.due > to) continue;
        ++figures.action_items.whole;
        figures.action_items.part += item.done <= item.due ? 1 : 0;
    }
    for (const Employment& employment : person.employments) {
        if (employment.exit < from || employment.exit > to) continue;
        ++figures.exits;
        figures.voluntary_exits += employment.exit_reason == "voluntary" ? 1 : 0;
    }
    if (active_on(person.employments, base)) {
        ++figures.retention.whole;
        figures.retention.part += active_on(person.employments, to) ? 1 : 0;
    }
}

void add_leader(GroupFigures& figures, const PersonFacts& leader, Day from, Day to) {
    if (leader.mentoring_cadences.empty() || leader.mentoring_since > to || leader.mentoring_until < from) return;
    ++figures.mentoring.whole;
    figures.mentoring.part += kept_cadence(leader.mentoring_overdue, std::max(from, leader.mentoring_since),
                                           std::min(to, leader.mentoring_until))
                                  ? 1
                                  : 0;
}

Share cadence_by_month(const std::vector<const PersonFacts*>& people, const std::vector<DaySpan>& months) {
    Share share;
    for (const DaySpan& month : months)
        for (const PersonFacts* person : people) {
            if (!active_on(person->employments, month.last) || person->joined() > month.last ||
                person->manager_id.empty())
                continue;
            ++share.whole;
            share.part += kept_cadence(person->overdue, month.first, month.last) ? 1 : 0;
        }
    return share;
}

std::vector<DaySpan> buckets(Day from, Day to, Bucket bucket) {
    std::vector<DaySpan> out;
    Day start = from;
    while (start <= to) {
        Day end;
        if (bucket == Bucket::Week) {
            end = start + (6 - (start + 3) % 7);  // 1970-01-01 was a Thursday; weeks end on Sunday
        } else {
            const std::string iso = iso_of(start);
            const int year = std::stoi(iso.substr(0, 4)), month = std::stoi(iso.substr(5, 2));
            end = start + (days_in_month(year, month) - std::stoi(iso.substr(8, 2)));
        }
        out.push_back({start, std::min(end, to)});
        start = end + 1;
    }
    return out;
}

}  // namespace tandem::analytics
