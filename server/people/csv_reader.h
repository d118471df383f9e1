#pragma once
// An HRIS export as records, read with libcsv (RFC 4180: quoted fields, doubled quotes, line breaks inside
// quotes, CRLF or LF). A UTF-8 byte order mark is skipped. Each record keeps the line it starts on, so HR
// can find it in their spreadsheet. Unbalanced quotes or a stray quote in a bare field stop the reading
// with one problem at that line.
#include <optional>
#include <string_view>
#include <vector>

#include "tandem/people/people_import.h"

namespace tandem::server {

struct CsvLimits {
    size_t max_fields = 200;          // per record
    size_t max_field_bytes = 4096;    // per field
    size_t max_line_bytes = 1 << 20;  // longer than any valid row could be: refused before parsing
    // Rows after the header: five times the organisation the import is built for (100,000 people). Each row
    // costs a few hundred bytes while it is checked, so this, not the body limit, bounds the memory a file of
    // millions of tiny wrong rows could take.
    size_t max_rows = 500'000;
};

struct CsvReadResult {
    std::vector<CsvRecord> records;
    ImportProblems problems;  // bounded like the plan's
};

CsvReadResult read_csv(std::string_view text, CsvLimits limits = {});

} // namespace tandem::server
