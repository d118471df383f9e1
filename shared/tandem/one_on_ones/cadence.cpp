#include "tandem/one_on_ones/cadence.h"

#include "tandem/base/dates.h"

namespace tandem {

Cadence Cadence::from_record(const RecordState& record) {
    Cadence cadence;
    const std::string every = record.text("every");
    if (every == "week") cadence.every = Every::Week;
    else if (every == "month") cadence.every = Every::Month;
    else if (every == "days") {
        Json days = record.value("days");
        cadence.every = Every::Days;
        cadence.days = days.is_number_integer() ? days.get<int>() : 14;
    }
    return cadence;
}

std::string Cadence::describe() const {
    switch (every) {
    case Every::Week: return "Every week";
    case Every::Fortnight: return "Every two weeks";
    case Every::Month: return "Every month";
    case Every::Days: return days == 1 ? "Every day" : "Every " + std::to_string(days) + " days";
    }
    return "";
}

std::string next_due(const std::string& last_held, const Cadence& cadence, const std::string& today) {
    if (last_held.empty()) return today;
    switch (cadence.every) {
    case Cadence::Every::Week: return add_days(last_held, 7);
    case Cadence::Every::Fortnight: return add_days(last_held, 14);
    case Cadence::Every::Month: return add_months(last_held, 1);
    case Cadence::Every::Days: return add_days(last_held, cadence.days);
    }
    return add_days(last_held, 14);
}

} // namespace tandem
