#include "tandem/people/people_import.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "tandem/sync/entity.h"

namespace tandem {

namespace {

enum Column { kEmployeeId, kName, kEmail, kManager, kDepartment, kStartDate, kExitDate, kExitReason, kRole, kColumns };
const char* const kColumnNames[kColumns] = {"employee_id", "name",      "email",       "manager_employee_id",
                                            "department",  "start_date", "exit_date", "exit_reason", "role"};

struct Row {
    int line = 0;
    std::string value[kColumns];
    bool wrong = false;
};

std::string trimmed(const std::string& text) {
    const size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos) return "";
    return text.substr(begin, text.find_last_not_of(" \t") + 1 - begin);
}

bool looks_like_email(const std::string& email) {
    const size_t at = email.find('@');
    return at != std::string::npos && at > 0 && at + 1 < email.size() && email.find('@', at + 1) == std::string::npos &&
           email.find_first_of(" \t,;<>") == std::string::npos;
}

class Checker {
public:
    Checker(ImportProblems& problems) : problems_(problems) {}
    void wrong(Row& row, const std::string& code, const std::string& message) {
        row.wrong = true;
        problems_.add(ImportProblem{row.line, code, message});
    }

    void check_values(Row& row, const bool present[kColumns]) {
        for (int c = 0; c < kColumns; ++c)
            if (present[c] && !is_valid_utf8(row.value[c]))
                return wrong(row, "invalid_value", std::string(kColumnNames[c]) + " is not valid UTF-8 text");
        const std::string& id = row.value[kEmployeeId];
        if (id.empty()) wrong(row, "missing_value", "employee_id is empty");
        else if (id.size() > 64 || has_control_characters(id))
            wrong(row, "invalid_value", "employee_id must be at most 64 characters with no control characters");
        if (row.value[kName].empty()) wrong(row, "missing_value", "name is empty");
        else if (row.value[kName].size() > 200 || has_control_characters(row.value[kName]))
            wrong(row, "invalid_value", "name must be at most 200 bytes on one line");
        if (row.value[kEmail].empty()) wrong(row, "missing_value", "email is empty");
        else if (row.value[kEmail].size() > 254 || !looks_like_email(row.value[kEmail]))
            wrong(row, "invalid_value", "email \"" + row.value[kEmail] + "\" is not an e-mail address");
        if (row.value[kDepartment].size() > 200 || has_control_characters(row.value[kDepartment]))
            wrong(row, "invalid_value", "department must be at most 200 bytes on one line");
        for (int c : {kStartDate, kExitDate})
            if (!row.value[c].empty() && !is_iso_date(row.value[c]))
                wrong(row, "invalid_value",
                      std::string(kColumnNames[c]) + " \"" + row.value[c] + "\" is not a date as YYYY-MM-DD");
        if (!row.value[kStartDate].empty() && !row.value[kExitDate].empty() && is_iso_date(row.value[kStartDate]) &&
            is_iso_date(row.value[kExitDate]) && row.value[kExitDate] < row.value[kStartDate])
            wrong(row, "invalid_value", "exit_date is before start_date");
        static const std::vector<std::string> reasons{"voluntary", "involuntary", "other"};
        const std::string& reason = row.value[kExitReason];
        if (!reason.empty() && std::find(reasons.begin(), reasons.end(), reason) == reasons.end())
            wrong(row, "invalid_value", "exit_reason must be voluntary, involuntary, other or empty");
        if (!reason.empty() && row.value[kExitDate].empty())
            wrong(row, "invalid_value", "exit_reason is set but exit_date is empty");
        Role role;
        if (!row.value[kRole].empty() && !parse_role(row.value[kRole], role))
            wrong(row, "invalid_value", "role must be manager, hr_admin, mentor, employee or empty");
    }

private:
    ImportProblems& problems_;
};

// Marks every file row that lies on a reporting cycle of the organisation as it would be after the import.
void find_cycles(std::vector<Row>& rows, const std::unordered_map<std::string, size_t>& row_of,
                 const std::unordered_map<std::string, std::string>& manager_of, Checker& checker) {
    std::unordered_map<std::string, int> state;  // 1: on the path being walked, 2: settled
    for (const auto& row : rows) {
        std::vector<std::string> path;
        std::string at = row.value[kEmployeeId];
        while (!at.empty() && state[at] == 0) {
            state[at] = 1;
            path.push_back(at);
            auto up = manager_of.find(at);
            at = up == manager_of.end() ? "" : up->second;
        }
        if (!at.empty() && state[at] == 1) {
            const auto start = std::find(path.begin(), path.end(), at);
            for (auto it = start; it != path.end(); ++it)
                if (auto found = row_of.find(*it); found != row_of.end()) {
                    Row& member = rows[found->second];
                    checker.wrong(member, "reporting_cycle",
                                  "employee " + member.value[kEmployeeId] + " would (indirectly) manage themself");
                }
        }
        for (const auto& id : path) state[id] = 2;
    }
}

Json value_or_null(const std::string& text) { return text.empty() ? Json() : Json(text); }

}  // namespace

bool ImportProblems::earlier(const Kept& a, const Kept& b) {
    return a.problem.line != b.problem.line ? a.problem.line < b.problem.line : a.order < b.order;
}

void ImportProblems::add(ImportProblem problem) {
    Kept kept{std::move(problem), total_++};
    if (kept_.size() < kMaxListed) {
        kept_.push_back(std::move(kept));
        std::push_heap(kept_.begin(), kept_.end(), earlier);
    } else if (earlier(kept, kept_.front())) {
        std::pop_heap(kept_.begin(), kept_.end(), earlier);
        kept_.back() = std::move(kept);
        std::push_heap(kept_.begin(), kept_.end(), earlier);
    }
}

std::vector<ImportProblem> ImportProblems::listed() const {
    std::vector<Kept> sorted = kept_;
    std::sort(sorted.begin(), sorted.end(), earlier);
    std::vector<ImportProblem> problems;
    problems.reserve(sorted.size());
    for (auto& kept : sorted) problems.push_back(std::move(kept.problem));
    return problems;
}

bool is_lasting_hr_admin(const std::string& role, const std::string& exit_date) {
    return role == "hr_admin" && exit_date.empty();
}

int lasting_hr_admins_besides(Store& store, const std::string& person_id) {
    int count = 0;
    for (const auto& person : store.records_of("person"))
        if (!person.state.deleted && person.state.record_id != person_id &&
            is_lasting_hr_admin(person.state.text("role"), person.state.text("exit_date")))
            ++count;
    return count;
}

const std::vector<std::string>& imported_person_fields() {
    static const std::vector<std::string> fields{"employee_id", "name",      "email",       "manager_id", "department",
                                                 "start_date",  "exit_date", "exit_reason", "role"};
    return fields;
}

Json ImportPlan::counts() const {
    return Json{{"created", created}, {"updated", updated}, {"unchanged", unchanged}, {"moved", moved},
                {"exited", exited}};
}

ImportPlan plan_import(const std::vector<CsvRecord>& records, const std::vector<StoredRecord>& people,
                       const ImportClock& clock) {
    ImportPlan plan;
    Checker checker(plan.problems);
    if (records.empty()) {
        plan.problems.add(ImportProblem{1, "missing_column", "The file is empty: it needs a header row."});
        return plan;
    }

    // Header: columns in any order, unknown ones ignored, the three identifying ones required.
    int position[kColumns];
    bool present[kColumns];
    std::fill(position, position + kColumns, -1);
    const CsvRecord& header = records.front();
    for (size_t i = 0; i < header.fields.size(); ++i)
        for (int c = 0; c < kColumns; ++c)
            if (lower_ascii(trimmed(header.fields[i])) == kColumnNames[c] && position[c] < 0) position[c] = int(i);
    for (int c = 0; c < kColumns; ++c) present[c] = position[c] >= 0;
    for (int c : {kEmployeeId, kName, kEmail})
        if (!present[c])
            plan.problems.add(ImportProblem{header.line, "missing_column",
                                            std::string("The header row has no \"") + kColumnNames[c] + "\" column."});
    if (!plan.problems.empty()) return plan;

    std::vector<Row> rows;
    rows.reserve(records.size() - 1);
    for (size_t r = 1; r < records.size(); ++r) {
        Row row;
        row.line = records[r].line;
        for (int c = 0; c < kColumns; ++c)
            if (present[c] && size_t(position[c]) < records[r].fields.size())
                row.value[c] = trimmed(records[r].fields[size_t(position[c])]);
        if (records[r].fields.size() != header.fields.size())
            checker.wrong(row, "invalid_value",
                          "the row has " + std::to_string(records[r].fields.size()) + " fields, the header " +
                              std::to_string(header.fields.size()));
        checker.check_values(row, present);
        rows.push_back(std::move(row));
    }

    // What the organisation already holds, by employee id and by e-mail (ignoring case).
    std::unordered_map<std::string, const StoredRecord*> existing_by_employee;
    std::unordered_map<std::string, const StoredRecord*> existing_by_id;
    std::unordered_map<std::string, std::string> existing_email_owner;  // lower-case e-mail -> employee id
    for (const auto& person : people) {
        if (person.state.deleted) continue;
        existing_by_id[person.state.record_id] = &person;
        const std::string employee = person.state.text("employee_id");
        if (!employee.empty()) existing_by_employee[employee] = &person;
        const std::string email = lower_ascii(person.state.text("email"));
        if (!email.empty()) existing_email_owner[email] = employee;
    }

    // Duplicates: each later row holding an id or an e-mail is wrong.
    std::unordered_map<std::string, size_t> row_of;  // employee id -> first row holding it
    std::unordered_map<std::string, int> email_line;
    for (size_t i = 0; i < rows.size(); ++i) {
        Row& row = rows[i];
        const std::string& id = row.value[kEmployeeId];
        if (!id.empty()) {
            auto [first, added] = row_of.emplace(id, i);
            if (!added)
                checker.wrong(row, "duplicate_employee_id",
                              "employee_id " + id + " is already on line " + std::to_string(rows[first->second].line));
        }
        const std::string email = lower_ascii(row.value[kEmail]);
        if (email.empty()) continue;
        if (auto owner = existing_email_owner.find(email); owner != existing_email_owner.end() && owner->second != id)
            checker.wrong(row, "duplicate_email",
                          "e-mail " + row.value[kEmail] + " already belongs to " +
                              (owner->second.empty() ? std::string("a person without an employee id")
                                                     : "employee " + owner->second));
        else if (auto [first, added] = email_line.emplace(email, row.line); !added)
            checker.wrong(row, "duplicate_email",
                          "e-mail " + row.value[kEmail] + " is already on line " + std::to_string(first->second));
    }

    // Managers: known when in the file or already stored. Then the organisation as it will be.
    std::unordered_map<std::string, std::string> manager_of;  // employee id -> manager's employee id
    for (const auto& [employee, person] : existing_by_employee) {
        auto manager = existing_by_id.find(person->state.text("manager_id"));
        if (manager != existing_by_id.end()) manager_of[employee] = manager->second->state.text("employee_id");
    }
    for (auto& row : rows) {
        const std::string& manager = row.value[kManager];
        const bool first = row_of.count(row.value[kEmployeeId]) && &rows[row_of[row.value[kEmployeeId]]] == &row;
        if (!manager.empty() && !row_of.count(manager) && !existing_by_employee.count(manager)) {
            checker.wrong(row, "unknown_manager",
                          "manager_employee_id " + manager + " is neither in the file nor already known");
            continue;
        }
        if (first && present[kManager] && !row.value[kEmployeeId].empty()) {
            if (manager.empty()) manager_of.erase(row.value[kEmployeeId]);
            else manager_of[row.value[kEmployeeId]] = manager;
        }
    }
    find_cycles(rows, row_of, manager_of, checker);
    if (!plan.problems.empty()) return plan;

    // A clean file: record ids for newcomers first, so managers can be named by id in any row order.
    std::unordered_map<std::string, std::string> record_of;  // employee id -> record id
    for (const auto& [employee, person] : existing_by_employee) record_of[employee] = person->state.record_id;
    for (const auto& row : rows)
        if (!record_of.count(row.value[kEmployeeId])) record_of[row.value[kEmployeeId]] = clock.new_record_id();
    std::unordered_set<std::string> has_reports;
    for (const auto& [employee, manager] : manager_of) has_reports.insert(manager);

    std::unordered_set<std::string> counted;  // record ids of the file's people, for the HR admin count
    for (const auto& row : rows) {
        const std::string& employee = row.value[kEmployeeId];
        Json wanted = Json::object();
        wanted["employee_id"] = employee;
        wanted["name"] = row.value[kName];
        wanted["email"] = row.value[kEmail];
        if (present[kManager])
            wanted["manager_id"] = row.value[kManager].empty() ? Json() : Json(record_of[row.value[kManager]]);
        for (int c : {kDepartment, kStartDate, kExitDate, kExitReason})
            if (present[c]) wanted[kColumnNames[c]] = value_or_null(row.value[c]);
        auto existing = existing_by_employee.find(employee);
        const bool is_new = existing == existing_by_employee.end();
        // A role the file does not give is derived for newcomers only: an HRIS rarely knows who administers
        // Tandem or mentors, and deriving it for people already here would demote every HR admin and mentor.
        if (!row.value[kRole].empty()) wanted["role"] = row.value[kRole];
        else if (is_new) wanted["role"] = has_reports.count(employee) ? "manager" : "employee";

        Change change;
        change.entity = "person";
        change.record_id = record_of[employee];
        change.device_id = "server";
        {
            const RecordState* stored = is_new ? nullptr : &existing->second->state;
            auto now_or_stored = [&](const char* field) {
                return wanted.contains(field) ? wanted[field] : stored ? stored->value(field) : Json();
            };
            const Json role = now_or_stored("role"), exit = now_or_stored("exit_date");
            if (is_lasting_hr_admin(role.is_string() ? role.get<std::string>() : "",
                                    exit.is_string() ? exit.get<std::string>() : ""))
                ++plan.lasting_hr_admins;
            counted.insert(change.record_id);
        }
        if (is_new) {
            for (const auto& field : imported_person_fields())
                change.fields[field] = wanted.contains(field) ? wanted[field] : Json();
            ++plan.created;
        } else {
            const RecordState& stored = existing->second->state;
            for (auto it = wanted.begin(); it != wanted.end(); ++it)
                if (stored.value(it.key()) != it.value()) change.fields[it.key()] = it.value();
            if (change.fields.empty()) {
                ++plan.unchanged;
                continue;
            }
            ++plan.updated;
            if (change.fields.contains("role"))
                plan.role_changes.push_back(
                    RoleChange{change.record_id, stored.text("role"), change.fields["role"].get<std::string>()});
            if (change.fields.contains("manager_id")) {
                ++plan.moved;
                plan.moved_ids.push_back(change.record_id);
            }
            const std::string was_exit = stored.text("exit_date");
            const Json exit = wanted.value("exit_date", Json());
            if (exit.is_string() && exit.get<std::string>() <= clock.today &&
                (was_exit.empty() || was_exit > clock.today)) {
                ++plan.exited;
                plan.newly_exited_ids.push_back(change.record_id);
            }
        }
        change.id = clock.new_record_id();
        change.hlc = clock.next_hlc();
        plan.changes.push_back(std::move(change));
    }
    for (const auto& [id, person] : existing_by_id)
        if (!counted.count(id) &&
            is_lasting_hr_admin(person->state.text("role"), person->state.text("exit_date")))
            ++plan.lasting_hr_admins;
    return plan;
}

} // namespace tandem
