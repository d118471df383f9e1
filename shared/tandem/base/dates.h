#pragma once
// Calendar dates as the API writes them ("YYYY-MM-DD"), with the day arithmetic cadence needs.
#include <cstdint>
#include <string>

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

} // namespace tandem
