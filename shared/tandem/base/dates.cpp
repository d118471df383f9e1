#include "tandem/base/dates.h"

#include <cctype>
#include <cstdio>
#include <vector>

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

const char* month_name(int month) {
    static const char* const names[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
    return month >= 1 && month <= 12 ? names[month - 1] : "";
}

namespace {

std::string iso_of(int year, int month, int day) {
    char out[48];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
    return out;
}

std::string numeric_date(const NumericDateStyle& style, int year, int month, int day) {
    const std::string y = std::to_string(year), m = std::to_string(month), d = std::to_string(day);
    const std::string s(1, style.separator);
    switch (style.order) {
        case DateOrder::MonthDayYear: return m + s + d + s + y;
        case DateOrder::DayMonthYear: return d + s + m + s + y;
        case DateOrder::YearMonthDay: break;
    }
    return iso_of(year, month, day);
}

// The month a word names ("dec", "December", "Sept"), or 0.
int month_of_word(const std::string& word) {
    if (word.size() < 3) return 0;
    for (int month = 1; month <= 12; ++month) {
        const std::string name = month_name(month);
        if (word.size() > name.size()) continue;
        bool same = true;
        for (size_t i = 0; i < word.size() && same; ++i)
            same = std::tolower(static_cast<unsigned char>(word[i])) == std::tolower(static_cast<unsigned char>(name[i]));
        if (same) return month;
    }
    return 0;
}

struct Part {
    bool number;
    std::string text;
};

// Numbers and words, in order; false for a character no date is written with.
bool split_parts(std::string_view typed, std::vector<Part>& parts) {
    for (size_t i = 0; i < typed.size();) {
        const unsigned char c = static_cast<unsigned char>(typed[i]);
        if (std::isdigit(c) || std::isalpha(c)) {
            const bool number = std::isdigit(c);
            size_t end = i;
            while (end < typed.size() && (number ? std::isdigit(static_cast<unsigned char>(typed[end]))
                                                 : std::isalpha(static_cast<unsigned char>(typed[end]))))
                ++end;
            const std::string text(typed.substr(i, end - i));
            // "9th", "1st": the ending says nothing the number does not.
            const bool ordinal = !number && !parts.empty() && parts.back().number &&
                                 (text == "st" || text == "nd" || text == "rd" || text == "th");
            if (!ordinal) parts.push_back({number, text});
            i = end;
        } else if (c == ' ' || c == '/' || c == '.' || c == '-' || c == ',' || c == '\t') {
            ++i;
        } else {
            return false;
        }
    }
    return true;
}

// A year as typed: four digits as they are, two as this century's; -1 for anything else.
int year_of(const std::string& digits) {
    if (digits.size() == 4) return std::stoi(digits);
    if (digits.size() == 2) return 2000 + std::stoi(digits);
    return -1;
}

}  // namespace

std::string date_example(const NumericDateStyle& style, const std::string& today) {
    return numeric_date(style, std::stoi(today.substr(0, 4)), 12, 31);
}

TypedDate read_typed_date(std::string_view typed, const NumericDateStyle& style, const std::string& today) {
    const int this_year = std::stoi(today.substr(0, 4));
    const std::string example = date_example(style, today);
    const std::string in_words = style.order == DateOrder::MonthDayYear ? "Dec 31, " + std::to_string(this_year)
                                                                        : "31 Dec " + std::to_string(this_year);
    const TypedDate unreadable{"", "Write the date as " + example + " or " + in_words + "."};

    std::vector<Part> parts;
    if (!split_parts(typed, parts)) return unreadable;
    std::vector<std::string> numbers;
    int month = 0, words = 0;
    for (const auto& part : parts) {
        if (part.number) {
            numbers.push_back(part.text);
            continue;
        }
        month = month_of_word(part.text);
        if (month == 0 || ++words > 1) return unreadable;
    }
    for (const auto& number : numbers)
        if (number.size() > 4) return unreadable;

    int year = this_year, day = 0;
    std::string day_digits, month_digits, year_digits;
    if (words == 1) {
        if (numbers.size() == 1) day_digits = numbers[0];
        else if (numbers.size() == 2 && numbers[0].size() > 2) year_digits = numbers[0], day_digits = numbers[1];
        else if (numbers.size() == 2) day_digits = numbers[0], year_digits = numbers[1];
        else return unreadable;
    } else if (numbers.size() == 3) {
        // Four digits first is ISO's order whatever the locale's.
        const DateOrder order = numbers[0].size() == 4 ? DateOrder::YearMonthDay : style.order;
        const int y = order == DateOrder::YearMonthDay ? 0 : 2;
        const int m = order == DateOrder::MonthDayYear ? 0 : 1;
        const int d = order == DateOrder::DayMonthYear ? 0 : order == DateOrder::MonthDayYear ? 1 : 2;
        year_digits = numbers[y], month_digits = numbers[m], day_digits = numbers[d];
    } else if (numbers.size() == 2) {
        const bool day_first = style.order == DateOrder::DayMonthYear;
        day_digits = numbers[day_first ? 0 : 1], month_digits = numbers[day_first ? 1 : 0];
    } else {
        return unreadable;
    }
    if (day_digits.size() > 2 || month_digits.size() > 2) return unreadable;
    if (!year_digits.empty() && (year = year_of(year_digits)) < 0) return unreadable;
    day = std::stoi(day_digits);
    if (!month_digits.empty()) month = std::stoi(month_digits);

    if (year < 1900) return {"", "Choose a year from 1900 on."};
    if (month < 1 || month > 12)
        return {"", "There is no month " + std::to_string(month) + ": write the date as " + example + "."};
    if (day < 1 || day > days_in_month(year, month)) {
        const std::string d = std::to_string(day), m = month_name(month), y = std::to_string(year);
        return {"", "There is no " + (style.order == DateOrder::MonthDayYear ? m + " " + d + ", " + y : d + " " + m + " " + y) + "."};
    }
    return {iso_of(year, month, day), ""};
}

} // namespace tandem
