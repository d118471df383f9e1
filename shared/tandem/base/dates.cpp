#include "tandem/base/dates.h"

#include <cstdio>

namespace tandem {

// Howard Hinnant's civil-calendar algorithms: exact for the proleptic Gregorian calendar, no time zones.
int64_t days_from_iso(const std::string& date) {
    int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t year_of_era = y - era * 400;
    const int64_t day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

std::string iso_from_days(int64_t days) {
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const int64_t day_of_era = days - era * 146097;
    const int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const int64_t mp = (5 * day_of_year + 2) / 153;
    const int64_t d = day_of_year - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const int64_t y = year_of_era + era * 400 + (m <= 2);
    char out[48];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", int(y), int(m), int(d));
    return out;
}

std::string iso_from_millis(uint64_t unix_millis) { return iso_from_days(int64_t(unix_millis / 86400000ull)); }

std::string add_days(const std::string& date, int64_t days) { return iso_from_days(days_from_iso(date) + days); }

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::string add_months(const std::string& date, int months) {
    int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
    const int total = y * 12 + (m - 1) + months;
    y = total / 12;
    m = total % 12 + 1;
    if (d > days_in_month(y, m)) d = days_in_month(y, m);
    char out[48];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
    return out;
}

int weekday(const std::string& date) {
    const int64_t days = days_from_iso(date);  // 1970-01-01 was a Thursday (3)
    return int(((days % 7) + 7 + 3) % 7);
}

} // namespace tandem
