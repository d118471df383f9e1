// The HRIS import from the bytes up: libcsv reading (quotes, line breaks in fields, BOM, any bytes) and the
// import plan over what it read, against a small existing organisation. Every problem must name a line
// inside the file, and a plan is either problems or changes, never both.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "people/csv_reader.h"
#include "tandem/base/hlc.h"
#include "tandem/base/ids.h"

using namespace tandem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    size_t lines = 1;
    for (char c : text) lines += c == '\n';
    const auto csv = server::read_csv(text);
    for (const auto& problem : csv.problems.listed())
        if (problem.line < 1 || size_t(problem.line) > lines) std::abort();
    for (const auto& record : csv.records)
        if (record.line < 1 || size_t(record.line) > lines) std::abort();
    if (!csv.problems.empty()) return 0;

    StoredRecord existing;
    Change seed;
    seed.id = "seed";
    seed.entity = "person";
    seed.record_id = "00000000-0000-7000-8000-000000000001";
    seed.hlc = "0000000000010000";
    seed.device_id = "server";
    seed.fields = {{"name", "Kept"}, {"email", "kept@x.example"}, {"employee_id", "K1"}, {"role", "manager"}};
    merge(existing.state, seed);
    uint64_t tick = 1'700'000'000'000;
    ImportClock clock{"2026-11-23", [&] { return new_uuid_v7(++tick); }, [&] { return Hlc{++tick, 0}.to_string(); }};
    const ImportPlan plan = plan_import(csv.records, {existing}, clock);
    if (!plan.problems.empty() && !plan.changes.empty()) std::abort();
    for (const auto& problem : plan.problems.listed())
        if (problem.line < 1 || size_t(problem.line) > lines) std::abort();
    return 0;
}
