// The HRIS import plan: every kind of wrong row found with its line, nothing planned from a wrong file, and
// re-imports as updates (docs/api.md, People import).
#include <gtest/gtest.h>

#include "tandem/base/hlc.h"
#include "tandem/base/ids.h"
#include "tandem/people/people_import.h"

namespace tandem {
namespace {

// A file as records: the header on line 1, then one row per line unless a test says otherwise.
std::vector<CsvRecord> file(std::vector<std::vector<std::string>> rows) {
    std::vector<CsvRecord> records;
    int line = 1;
    for (auto& row : rows) records.push_back(CsvRecord{line++, std::move(row)});
    return records;
}

const std::vector<std::string> kHeader{"employee_id", "name", "email", "manager_employee_id", "department",
                                       "start_date", "exit_date", "exit_reason", "role"};

struct Importer {
    std::vector<StoredRecord> people;
    int ids = 0, clocks = 0;
    ImportClock clock{"2026-11-23", [this] { return new_uuid_v7(1'700'000'000'000ull + uint64_t(++ids)); },
                      [this] { return Hlc{1'700'000'000'000ull, uint16_t(++clocks)}.to_string(); }};

    ImportPlan plan(std::vector<std::vector<std::string>> rows) { return plan_import(file(std::move(rows)), people, clock); }
    // Applies a plan's changes to `people`, as the server's store would.
    void apply(const ImportPlan& plan) {
        for (const auto& change : plan.changes) {
            auto it = std::find_if(people.begin(), people.end(),
                                   [&](const StoredRecord& p) { return p.state.record_id == change.record_id; });
            if (it == people.end()) {
                people.push_back(StoredRecord{});
                it = people.end() - 1;
                it->subject_id = change.record_id;
            }
            merge(it->state, change);
        }
    }
    const StoredRecord& by_employee(const std::string& id) {
        return *std::find_if(people.begin(), people.end(),
                             [&](const StoredRecord& p) { return p.state.text("employee_id") == id; });
    }
};

std::vector<std::string> row(std::string id, std::string name, std::string email, std::string manager = "",
                             std::string exit = "", std::string reason = "", std::string role = "") {
    return {id, name, email, manager, "Engineering", "2024-01-15", exit, reason, role};
}

std::vector<std::pair<int, std::string>> lines_and_codes(const ImportPlan& plan) {
    std::vector<std::pair<int, std::string>> out;
    for (const auto& problem : plan.problems.listed()) out.emplace_back(problem.line, problem.code);
    return out;
}

TEST(PeopleImport, ACleanFileCreatesEveryoneWithManagersAndDerivedRoles) {
    Importer importer;
    auto plan = importer.plan({kHeader, row("E3", "Cleo", "cleo@x.example", "E1"), row("E1", "Ada", "ada@x.example"),
                               row("E2", "Ben", "ben@x.example", "E1", "", "", "hr_admin")});
    ASSERT_TRUE(plan.problems.empty()) << plan.problems.listed()[0].message;
    EXPECT_EQ(plan.counts(), (Json{{"created", 3}, {"updated", 0}, {"unchanged", 0}, {"moved", 0}, {"exited", 0}}));
    importer.apply(plan);
    const auto& ada = importer.by_employee("E1");
    EXPECT_EQ(ada.state.text("role"), "manager") << "someone reports to her";
    EXPECT_EQ(importer.by_employee("E3").state.text("role"), "employee");
    EXPECT_EQ(importer.by_employee("E2").state.text("role"), "hr_admin") << "a given role is kept";
    EXPECT_EQ(importer.by_employee("E3").state.text("manager_id"), ada.state.record_id)
        << "a manager named before their own row is found";
    EXPECT_EQ(ada.state.value("manager_id"), Json());
}

TEST(PeopleImport, AReimportUpdatesMovesAndExitsAndLeavesTheRestAlone) {
    Importer importer;
    importer.apply(importer.plan({kHeader, row("E1", "Ada", "ada@x.example"), row("E2", "Ben", "ben@x.example", "E1"),
                                  row("E3", "Cleo", "cleo@x.example", "E1"), row("E4", "Dan", "dan@x.example")}));
    auto again = importer.plan({kHeader, row("E1", "Ada", "ada@x.example"), row("E2", "Ben", "ben@x.example", "E4"),
                                row("E3", "Cleo", "cleo@x.example", "E1", "2026-11-01", "voluntary"),
                                row("E4", "Dan", "dan@x.example")});
    ASSERT_TRUE(again.problems.empty());
    EXPECT_EQ(again.counts(), (Json{{"created", 0}, {"updated", 2}, {"unchanged", 2}, {"moved", 1}, {"exited", 1}}))
        << "Ben moved, Cleo left; Dan now manages someone but keeps his role (the file gives none)";
    ASSERT_EQ(again.moved_ids.size(), 1u);
    EXPECT_EQ(again.moved_ids[0], importer.by_employee("E2").state.record_id);
    EXPECT_EQ(again.newly_exited_ids.size(), 1u);
    importer.apply(again);
    EXPECT_EQ(importer.by_employee("E4").state.text("role"), "employee") << "roles are derived for newcomers only";
    EXPECT_TRUE(again.role_changes.empty());
    // Someone absent from a file is never deleted; an identical file changes nothing.
    auto partial = importer.plan({kHeader, row("E1", "Ada", "ada@x.example")});
    EXPECT_EQ(partial.counts()["unchanged"], 1);
    EXPECT_TRUE(partial.changes.empty());
}

TEST(PeopleImport, DuplicatesMarkEveryLaterRowInAnyLetterCase) {
    Importer importer;
    importer.apply(importer.plan({kHeader, row("E9", "Old", "old@x.example")}));
    auto plan = importer.plan({kHeader, row("E1", "Ada", "ada@x.example"), row("E1", "Ada again", "ada2@x.example"),
                               row("E2", "Ben", "ADA@x.example"), row("E3", "Cleo", "Old@X.example"),
                               row("E4", "Dan", "dan@x.example"), row("E1", "Third", "third@x.example")});
    EXPECT_EQ(lines_and_codes(plan), (std::vector<std::pair<int, std::string>>{{3, "duplicate_employee_id"},
                                                                              {4, "duplicate_email"},
                                                                              {5, "duplicate_email"},
                                                                              {7, "duplicate_employee_id"}}));
    EXPECT_TRUE(plan.changes.empty()) << "nothing is planned from a wrong file";
}

TEST(PeopleImport, ManagersMustBeKnownAndCyclesMarkEveryRowOnThem) {
    Importer importer;
    importer.apply(importer.plan({kHeader, row("K1", "Kept", "kept@x.example")}));
    auto plan = importer.plan({kHeader, row("A", "A", "a@x.example", "C"), row("B", "B", "b@x.example", "A"),
                               row("C", "C", "c@x.example", "B"), row("D", "D", "d@x.example", "A"),
                               row("E", "E", "e@x.example", "nobody"), row("F", "F", "f@x.example", "K1"),
                               row("G", "G", "g@x.example", "G")});
    EXPECT_EQ(lines_and_codes(plan), (std::vector<std::pair<int, std::string>>{{2, "reporting_cycle"},
                                                                              {3, "reporting_cycle"},
                                                                              {4, "reporting_cycle"},
                                                                              {6, "unknown_manager"},
                                                                              {8, "reporting_cycle"}}))
        << "D reports into the cycle but is not on it; F's manager is already known";
}

TEST(PeopleImport, BadValuesAndAMissingHeaderColumnAreExplained) {
    Importer importer;
    auto missing = importer.plan({{"employee_id", "email"}, {"E1", "a@x.example"}});
    ASSERT_EQ(missing.problems.total(), 1u);
    EXPECT_EQ(missing.problems.listed()[0].code, "missing_column");
    EXPECT_NE(missing.problems.listed()[0].message.find("name"), std::string::npos);

    auto plan = importer.plan({kHeader, row("", "No id", "n@x.example"), row("E2", "", "b@x.example"),
                               row("E3", "Bad mail", "not-an-address"), row("E4", "Bad date", "d@x.example", "", "2026-13-01"),
                               row("E5", "Bad reason", "e@x.example", "", "2026-01-01", "fired"),
                               row("E6", "Bad role", "f@x.example", "", "", "", "boss"),
                               row("E7", std::string("Bad \xff text", 10), "g@x.example"),
                               {"E8", "Short row", "h@x.example"}});
    std::vector<int> lines;
    for (const auto& problem : plan.problems.listed()) lines.push_back(problem.line);
    EXPECT_EQ(lines, (std::vector<int>{2, 3, 4, 5, 6, 7, 8, 9}));
    for (const auto& problem : plan.problems.listed()) EXPECT_FALSE(problem.message.empty());
}

TEST(PeopleImport, ColumnsComeInAnyOrderAndUnknownOnesAreIgnored) {
    Importer importer;
    auto plan = importer.plan({{"Email", "shoe_size", "NAME", "employee_id"}, {"z@x.example", "44", "Zoe", "Z1"}});
    ASSERT_TRUE(plan.problems.empty());
    importer.apply(plan);
    EXPECT_EQ(importer.by_employee("Z1").state.text("name"), "Zoe");
    EXPECT_EQ(importer.by_employee("Z1").state.text("email"), "z@x.example");
}

TEST(ImportProblemsList, KeepsTheFirstThousandByLineWhateverOrderTheyAreFoundInAndCountsTheRest) {
    ImportProblems problems;
    for (int line = 5000; line >= 1; --line) problems.add(ImportProblem{line, "first", "found first"});
    problems.add(ImportProblem{3, "second", "found later on line 3"});
    EXPECT_EQ(problems.total(), 5001u);
    EXPECT_EQ(problems.unlisted(), 4001u);
    const auto listed = problems.listed();
    ASSERT_EQ(listed.size(), ImportProblems::kMaxListed);
    EXPECT_EQ(listed[0].line, 1);
    EXPECT_EQ(listed[2].code, "first");
    EXPECT_EQ(listed[3].code, "second") << "one line's problems stay in the order found";
    EXPECT_EQ(listed.back().line, 999);
}

}  // namespace
}  // namespace tandem
