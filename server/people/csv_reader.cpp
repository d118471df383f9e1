#include "people/csv_reader.h"

#include <csv.h>

namespace tandem::server {

namespace {

struct Reading {
    CsvLimits limits;
    CsvReadResult result;
    CsvRecord current;
    int record_start = 1;
    bool oversized = false;
    bool too_many_rows = false;
};

void on_field(void* data, size_t size, void* state) {
    auto& reading = *static_cast<Reading*>(state);
    if (reading.current.fields.size() >= reading.limits.max_fields || size > reading.limits.max_field_bytes) {
        reading.oversized = true;
        return;
    }
    reading.current.fields.emplace_back(data ? static_cast<const char*>(data) : "", data ? size : 0);
}

void on_record_end(int, void* state) {
    auto& reading = *static_cast<Reading*>(state);
    reading.current.line = reading.record_start;
    if (reading.result.records.size() > reading.limits.max_rows) {  // the header and max_rows rows are read
        reading.too_many_rows = true;
        return;
    }
    if (reading.oversized)
        reading.result.problems.add(
            ImportProblem{reading.record_start, "invalid_value",
                          "the row has more than " + std::to_string(reading.limits.max_fields) +
                              " fields or a field longer than " + std::to_string(reading.limits.max_field_bytes) +
                              " bytes"});
    reading.result.records.push_back(std::move(reading.current));
    reading.current = CsvRecord{};
    reading.oversized = false;
}

CsvReadResult too_many_rows(Reading& reading, csv_parser& parser) {
    reading.result.problems.add(ImportProblem{
        reading.record_start, "too_many_rows",
        "the file has more than " + std::to_string(reading.limits.max_rows) +
            " rows after the header; import it in parts (people absent from a file are kept)"});
    csv_free(&parser);
    return std::move(reading.result);
}

}  // namespace

CsvReadResult read_csv(std::string_view text, CsvLimits limits) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Reading reading;
    reading.limits = limits;
    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    // libcsv grows a field's buffer by 128 bytes by default: a long field then costs a realloc per step.
    csv_set_blk_size(&parser, 64 * 1024);
    // Fed one physical line at a time: a record that ends on line N is followed by one starting on N + 1
    // (blank lines are skipped by libcsv and counted here).
    int line = 1;
    while (!text.empty()) {
        const size_t end = text.find('\n');
        const std::string_view chunk = text.substr(0, end == std::string_view::npos ? text.size() : end + 1);
        if (chunk.size() > limits.max_line_bytes) {
            reading.result.problems.add(ImportProblem{
                line, "invalid_value",
                "line " + std::to_string(line) + " is longer than " + std::to_string(limits.max_line_bytes >> 20) +
                    " MiB: this is not an HRIS export"});
            csv_free(&parser);
            return std::move(reading.result);
        }
        if (csv_parse(&parser, chunk.data(), chunk.size(), on_field, on_record_end, &reading) != chunk.size()) {
            reading.result.problems.add(
                ImportProblem{line, "malformed_csv",
                              "the CSV is malformed here (a quote inside an unquoted field, or after a closing "
                              "quote): quote the whole field and double the quotes inside it"});
            csv_free(&parser);
            return std::move(reading.result);
        }
        if (reading.too_many_rows) return too_many_rows(reading, parser);
        text.remove_prefix(chunk.size());
        ++line;
        // libcsv's documented state: 0 (ROW_NOT_BEGUN) between records, so the next one starts on this line.
        if (parser.pstate == 0) reading.record_start = line;
    }
    const bool unclosed = csv_fini(&parser, on_field, on_record_end, &reading) != 0;
    if (reading.too_many_rows) return too_many_rows(reading, parser);
    if (unclosed)
        reading.result.problems.add(ImportProblem{reading.record_start, "malformed_csv",
                                                        "a quoted field starting here is never closed"});
    csv_free(&parser);
    return std::move(reading.result);
}

} // namespace tandem::server
