// Reading a date as people type it: ISO, the locale's own numbers, English month names, and a sentence
// in place of anything that is no day at all.
#include <gtest/gtest.h>

#include "tandem/base/dates.h"

namespace tandem {
namespace {

const NumericDateStyle kUs{DateOrder::MonthDayYear, '/'};
const NumericDateStyle kGerman{DateOrder::DayMonthYear, '.'};
const NumericDateStyle kBritish{DateOrder::DayMonthYear, '/'};
const NumericDateStyle kSwedish{DateOrder::YearMonthDay, '-'};
const std::string kToday = "2026-06-15";

std::string iso(std::string_view typed, const NumericDateStyle& style = kUs) {
    const TypedDate read = read_typed_date(typed, style, kToday);
    EXPECT_EQ(read.iso.empty(), !read.problem.empty()) << typed;
    return read.iso;
}

std::string problem(std::string_view typed, const NumericDateStyle& style = kUs) {
    return read_typed_date(typed, style, kToday).problem;
}

TEST(TypedDate, IsoIsReadInEveryLocale) {
    for (const auto& style : {kUs, kGerman, kBritish, kSwedish}) {
        EXPECT_EQ(iso("2026-12-09", style), "2026-12-09");
        EXPECT_EQ(iso(" 2026/12/9 ", style), "2026-12-09");
    }
}

TEST(TypedDate, NumbersFollowTheLocalesOrder) {
    EXPECT_EQ(iso("12/9/2026", kUs), "2026-12-09");
    EXPECT_EQ(iso("9.12.2026", kGerman), "2026-12-09");
    EXPECT_EQ(iso("9/12/2026", kBritish), "2026-12-09");
    EXPECT_EQ(iso("09-12-2026", kBritish), "2026-12-09") << "any of / . - between the numbers";
    EXPECT_EQ(iso("9/12/2026", kUs), "2026-09-12");
    EXPECT_EQ(iso("26-12-09", kSwedish), "2026-12-09");
}

TEST(TypedDate, TwoDigitYearsAreThisCentury) {
    EXPECT_EQ(iso("12/9/26", kUs), "2026-12-09");
    EXPECT_EQ(iso("9.12.07", kGerman), "2007-12-09");
}

TEST(TypedDate, MonthNamesOnEitherSideOfTheDay) {
    EXPECT_EQ(iso("Dec 9, 2026"), "2026-12-09");
    EXPECT_EQ(iso("9 Dec 2026"), "2026-12-09");
    EXPECT_EQ(iso("December 9 2026", kGerman), "2026-12-09");
    EXPECT_EQ(iso("9 december 2026", kGerman), "2026-12-09");
    EXPECT_EQ(iso("Sept 30, 2026"), "2026-09-30");
    EXPECT_EQ(iso("March 1st, 2027"), "2027-03-01");
    EXPECT_EQ(iso("Dec. 9, 26"), "2026-12-09");
    EXPECT_EQ(iso("2026 Dec 9"), "2026-12-09");
}

TEST(TypedDate, AMissingYearIsTodaysYear) {
    EXPECT_EQ(iso("Dec 9"), "2026-12-09");
    EXPECT_EQ(iso("9 Jan"), "2026-01-09");
    EXPECT_EQ(iso("12/9", kUs), "2026-12-09");
    EXPECT_EQ(iso("9.12", kGerman), "2026-12-09");
    EXPECT_EQ(iso("12-09", kSwedish), "2026-12-09");
}

TEST(TypedDate, AnImpossibleDaySaysThereIsNoSuchDay) {
    EXPECT_EQ(problem("2026-02-30"), "There is no February 30, 2026.");
    EXPECT_EQ(problem("2026-02-30", kGerman), "There is no 30 February 2026.");
    EXPECT_EQ(problem("31/04/2026", kBritish), "There is no 31 April 2026.");
    EXPECT_EQ(problem("Feb 29, 2027"), "There is no February 29, 2027.");
    EXPECT_EQ(iso("Feb 29, 2028"), "2028-02-29");
    EXPECT_EQ(problem("0.5.2026", kGerman), "There is no 0 May 2026.");
    EXPECT_EQ(problem("31/12/2026", kUs), "There is no month 31: write the date as 12/31/2026.");
    EXPECT_EQ(problem("1/1/1850", kUs), "Choose a year from 1900 on.");
}

TEST(TypedDate, UnreadableTextSaysWhatToTypeInTheLocalesForm) {
    EXPECT_EQ(problem("next tuesday", kUs), "Write the date as 12/31/2026 or Dec 31, 2026.");
    EXPECT_EQ(problem("soon", kGerman), "Write the date as 31.12.2026 or 31 Dec 2026.");
    EXPECT_EQ(problem("", kSwedish), "Write the date as 2026-12-31 or 31 Dec 2026.");
    for (const char* typed : {"12", "1/2/3/4", "Dec Jan 9", "Dec 9 2026 10", "9 Dec 202", "12/9/2026!",
                              "123/9/2026", "20261209", "9. Dez. 2026", "Ma 9"})
        EXPECT_FALSE(problem(typed).empty()) << typed;
}

TEST(TypedDate, TheExampleIsTheLastDayOfTodaysYear) {
    EXPECT_EQ(date_example(kUs, kToday), "12/31/2026");
    EXPECT_EQ(date_example(kGerman, kToday), "31.12.2026");
    EXPECT_EQ(date_example(kSwedish, "2027-01-01"), "2027-12-31");
}

TEST(Dates, MonthNames) {
    EXPECT_STREQ(month_name(1), "January");
    EXPECT_STREQ(month_name(12), "December");
    EXPECT_STREQ(month_name(13), "");
}

}  // namespace
}  // namespace tandem
