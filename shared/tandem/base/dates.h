#pragma once
// Calendar dates as the API writes them ("YYYY-MM-DD"), with the day arithmetic cadence needs.
#include <cstdint>
#include <string>
#include <string_view>

namespace tandem {

// Days since 1970-01-01 for a valid ISO date (see is_iso_date), and back.
int64_t days_from_iso(const std::string& date);
std::string iso_from_days(int64_t days);
std::string iso_from_millis(uint64_t unix_millis);  // UTC
std::string add_days(const std::string& date, int64_t days);
// The same day `months` later; a day the target month lacks becomes its last day (Jan 31 + 1 → Feb 28/29).
std::string add_months(const std::string& date, int months);
int days_in_month(int year, int month);
int weekday(const std::string& date);  // 0 = Monday … 6 = Sunday
const char* month_name(int month);     // 1 → "January"

// How a locale writes a date in numbers: the order of day, month and year, and what stands between them
// ("12/9/2026" in the US, "9.12.2026" in Germany, "2026-12-09" in Sweden).
enum class DateOrder { MonthDayYear, DayMonthYear, YearMonthDay };
struct NumericDateStyle {
    DateOrder order = DateOrder::YearMonthDay;
    char separator = '-';
};

// What a person typed into a date field, read as a day: `iso` when it names a real one, else `problem`, a
// sentence to show beside the field.
struct TypedDate {
    std::string iso;
    std::string problem;
};
// Reads ISO ("2026-12-09"); numbers in the locale's order with / . - or spaces between ("12/9/2026",
// "9.12.26": a 2-digit year is 20xx); English month names or abbreviations on either side of the day
// ("Dec 9, 2026", "9 December 2026"). Without a year, the year of `today` (ISO).
TypedDate read_typed_date(std::string_view typed, const NumericDateStyle& style, const std::string& today);
// The last day of `today`'s year in the locale's numbers ("12/31/2026"): a day past the 12th, so the
// example also shows which number is the month.
std::string date_example(const NumericDateStyle& style, const std::string& today);

} // namespace tandem
