// Reading HRIS exports: RFC 4180 quoting, line breaks inside fields, a byte order mark, CRLF, and the line
// each record starts on (what HR looks for in their spreadsheet).
#include <gtest/gtest.h>

#include "people/csv_reader.h"

namespace tandem::server {
namespace {

std::vector<std::string> fields(const CsvReadResult& read, size_t record) { return read.records.at(record).fields; }

TEST(CsvReader, QuotesDoubledQuotesCommasAndLineBreaksInsideFields) {
    auto read = read_csv("id,name,note\n1,\"Chen, Maya\",\"said \"\"hi\"\"\"\n2,\"two\nlines\",x\n3,plain,\n");
    ASSERT_TRUE(read.problems.empty());
    ASSERT_EQ(read.records.size(), 4u);
    EXPECT_EQ(fields(read, 1), (std::vector<std::string>{"1", "Chen, Maya", "said \"hi\""}));
    EXPECT_EQ(fields(read, 2), (std::vector<std::string>{"2", "two\nlines", "x"}));
    EXPECT_EQ(fields(read, 3), (std::vector<std::string>{"3", "plain", ""}));
    EXPECT_EQ(read.records[2].line, 3);
    EXPECT_EQ(read.records[3].line, 5) << "the record after a two-line field starts on line 5";
}

TEST(CsvReader, ByteOrderMarkCrlfAndBlankLines) {
    auto read = read_csv("\xEF\xBB\xBFid,name\r\n1,Ada\r\n\r\n2,\"B\r\nC\"\r\n3,Dan");
    ASSERT_TRUE(read.problems.empty());
    ASSERT_EQ(read.records.size(), 4u);
    EXPECT_EQ(fields(read, 0)[0], "id") << "the BOM is not part of the first column's name";
    EXPECT_EQ(read.records[1].line, 2);
    EXPECT_EQ(read.records[2].line, 4) << "a blank line is counted";
    EXPECT_EQ(fields(read, 2)[1], "B\r\nC");
    EXPECT_EQ(read.records[3].line, 6);
    EXPECT_EQ(fields(read, 3), (std::vector<std::string>{"3", "Dan"})) << "no line break after the last record";
}

TEST(CsvReader, MalformedQuotingStopsAtItsLine) {
    auto stray = read_csv("id,name\n1,Ada\n2,Bo\"b\n");
    ASSERT_EQ(stray.problems.total(), 1u);
    EXPECT_EQ(stray.problems.listed()[0].line, 3);
    EXPECT_EQ(stray.problems.listed()[0].code, "malformed_csv");
    auto unclosed = read_csv("id,name\n1,Ada\n2,\"never closed\n3,x\n");
    ASSERT_EQ(unclosed.problems.total(), 1u);
    EXPECT_EQ(unclosed.problems.listed()[0].line, 3);
}

TEST(CsvReader, OversizedRowsAndLinesAreRefusedWithoutBuffering) {
    auto wide = read_csv("a\n" + std::string(300, ',') + "\n");
    ASSERT_EQ(wide.problems.total(), 1u);
    EXPECT_EQ(wide.problems.listed()[0].line, 2);
    auto long_line = read_csv("a\n" + std::string(2 << 20, 'x') + "\n");
    ASSERT_EQ(long_line.problems.total(), 1u);
    EXPECT_EQ(long_line.problems.listed()[0].line, 2);
    EXPECT_TRUE(long_line.records.size() <= 1u);
}

TEST(CsvReader, AFileOfMoreRowsThanTheLimitStopsAtTheFirstRowPastIt) {
    CsvLimits limits;
    limits.max_rows = 2;
    EXPECT_TRUE(read_csv("id\n1\n2\n", limits).problems.empty()) << "exactly the limit is fine";
    for (const std::string& text : {std::string("id\n1\n2\n3\n4\n"), std::string("id\n1\n2\n3")}) {
        auto read = read_csv(text, limits);
        ASSERT_EQ(read.problems.total(), 1u);
        EXPECT_EQ(read.problems.listed()[0].code, "too_many_rows");
        EXPECT_EQ(read.problems.listed()[0].line, 4);
        EXPECT_LE(read.records.size(), 3u);
    }
}

}  // namespace
}  // namespace tandem::server
