#pragma once
// The HRIS import (docs/api.md, People import) as a plan: rows of an HR export checked against each other and
// against the people already known, then turned into person changes. Pure: reading the CSV and writing the plan
// are the server's part, so the same rules run in tests natively and in WebAssembly.
#include <functional>
#include <string>
#include <vector>

#include "tandem/base/change.h"
#include "tandem/sync/store.h"

namespace tandem {

// One record of the file: the 1-based line it starts on and its fields as read.
struct CsvRecord {
    int line = 0;
    std::vector<std::string> fields;
};

struct ImportProblem {
    int line = 0;
    std::string code;     // missing_column, missing_value, invalid_value, duplicate_employee_id, ...
    std::string message;  // for the HR admin reading the list
    Json to_json() const { return Json{{"line", line}, {"code", code}, {"message", message}}; }
};

// The problems of a file, bounded: the first kMaxListed by line are kept and the rest only counted, so a
// file of a million wrong rows costs the memory of a thousand problems, in the check and in the answer.
class ImportProblems {
public:
    static constexpr size_t kMaxListed = 1000;
    void add(ImportProblem problem);
    bool empty() const { return total_ == 0; }
    size_t total() const { return total_; }
    size_t unlisted() const { return total_ - kept_.size(); }
    // The kept problems by line; those of one line in the order they were found.
    std::vector<ImportProblem> listed() const;

private:
    struct Kept {
        ImportProblem problem;
        size_t order = 0;
    };
    static bool earlier(const Kept& a, const Kept& b);
    std::vector<Kept> kept_;  // a max-heap on (line, order): its top is the first to give way
    size_t total_ = 0;
};

struct RoleChange {
    std::string person_id, from, to;
};

struct ImportPlan {
    ImportProblems problems;  // any problem: nothing may be written
    int created = 0, updated = 0, unchanged = 0;
    int moved = 0;   // updated people whose manager changed
    int exited = 0;  // people whose exit date is now set on or before today, newly
    std::vector<Change> changes;              // person changes to write, in file order
    std::vector<std::string> moved_ids;       // record ids of people who changed manager
    std::vector<std::string> newly_exited_ids;
    std::vector<RoleChange> role_changes;  // of people already stored, each audited on its own
    int lasting_hr_admins = 0;            // after the import (see is_lasting_hr_admin)
    Json counts() const;
};

struct ImportClock {
    std::string today;                          // YYYY-MM-DD (UTC): exits on or before it take effect now
    std::function<std::string()> new_record_id;  // for people the file adds
    std::function<std::string()> next_hlc;       // one per change
};

// `records` is the header row first, then the data rows. `people` are the person records now stored.
ImportPlan plan_import(const std::vector<CsvRecord>& records, const std::vector<StoredRecord>& people,
                       const ImportClock& clock);

// Whether someone with this role and exit date keeps the organisation administered: an HR admin with no exit
// date at all. A planned exit counts as leaving, since on that day nobody would be left to import, invite or
// reset again, and nothing in the product could undo it.
bool is_lasting_hr_admin(const std::string& role, const std::string& exit_date);
// Lasting HR admins other than `person_id`: a role change or erasure that leaves none is refused.
int lasting_hr_admins_besides(Store& store, const std::string& person_id);

// The fields of a person record the import manages, in the order the export lists them.
const std::vector<std::string>& imported_person_fields();

} // namespace tandem
