#pragma once
// Cells of every CSV file the product writes (the server's exports, the app's answer links), in one place
// so that every writer quotes and neutralises alike.
#include <string>
#include <string_view>
#include <vector>

#include "tandem/base/change.h"

namespace tandem {

// Text someone typed or an import brought (a name, a title, a comment), as one RFC 4180 cell: quoted when it
// holds a comma, quote or line break. Text a spreadsheet would run as a formula (first character `=`, `+`,
// `-`, `@`, a tab or a carriage return) gets a leading `'` inside quotes, so it shows as typed (OWASP's rule).
std::string csv_text(std::string_view text);
// A value from a JSON row: null is an empty cell, a number or boolean stays as the server computed it, and
// a string is text (csv_text).
std::string csv_cell(const Json& value);
// A header row of `columns`, then one line per row holding those fields (a missing field is an empty cell);
// lines end in CRLF.
std::string csv_table(const std::vector<std::string>& columns, const Json& rows);

} // namespace tandem
