#include "tandem/base/csv.h"

namespace tandem {

std::string csv_text(std::string_view text) {
    const bool formula = !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    if (!formula && text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string quoted = formula ? "\"'" : "\"";
    quoted.reserve(text.size() + 4);
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string csv_cell(const Json& value) {
    if (value.is_null()) return "";
    if (value.is_string()) return csv_text(value.get_ref<const std::string&>());
    return value.dump();
}

std::string csv_table(const std::vector<std::string>& columns, const Json& rows) {
    std::string out;
    for (size_t i = 0; i < columns.size(); ++i) out += (i ? "," : "") + csv_text(columns[i]);
    out += "\r\n";
    for (const auto& row : rows) {
        for (size_t i = 0; i < columns.size(); ++i) {
            if (i) out += ',';
            auto it = row.find(columns[i]);
            if (it != row.end()) out += csv_cell(*it);
        }
        out += "\r\n";
    }
    return out;
}

} // namespace tandem
