// The one CSV cell writer every export uses: RFC 4180 quoting, and text a spreadsheet would run as a
// formula shown as typed instead.
#include <gtest/gtest.h>

#include "tandem/base/csv.h"

namespace tandem {
namespace {

TEST(Csv, PlainTextStaysAsItIsAndSpecialCharactersAreQuoted) {
    EXPECT_EQ(csv_text("Aiko Tanaka"), "Aiko Tanaka");
    EXPECT_EQ(csv_text(""), "");
    EXPECT_EQ(csv_text("Tanaka, Aiko"), "\"Tanaka, Aiko\"");
    EXPECT_EQ(csv_text("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_text("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_text("a=b-c"), "a=b-c") << "only the first character can start a formula";
}

TEST(Csv, TextThatWouldRunAsAFormulaGetsAQuoteInsideTheQuotedCell) {
    EXPECT_EQ(csv_text("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    EXPECT_EQ(csv_text("+1"), "\"'+1\"");
    EXPECT_EQ(csv_text("-2+3"), "\"'-2+3\"");
    EXPECT_EQ(csv_text("@SUM(A1)"), "\"'@SUM(A1)\"");
    EXPECT_EQ(csv_text("\t=1"), "\"'\t=1\"");
    EXPECT_EQ(csv_text("\r=1"), "\"'\r=1\"");
}

TEST(Csv, NumbersTheServerComputedStayNumbers) {
    EXPECT_EQ(csv_cell(Json(-12)), "-12");
    EXPECT_EQ(csv_cell(Json(0.25)), "0.25");
    EXPECT_EQ(csv_cell(Json(true)), "true");
    EXPECT_EQ(csv_cell(Json()), "");
    EXPECT_EQ(csv_cell(Json("-12")), "\"'-12\"") << "text that looks like a number is still text";
}

TEST(Csv, ATableHasAHeaderAndOneCrlfLinePerRow) {
    const Json rows = Json::array({Json{{"name", "=cmd"}, {"n", 3}}, Json{{"n", -1}}});
    EXPECT_EQ(csv_table({"name", "n"}, rows), "name,n\r\n\"'=cmd\",3\r\n,-1\r\n");
}

}  // namespace
}  // namespace tandem
