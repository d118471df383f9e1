#pragma once
// The database a server test runs on. By default a SQLite file in the test's own folder. When ctest runs the
// suite against PostgreSQL (tests named postgres/..., tests/server/CMakeLists.txt), TANDEM_TEST_POSTGRES names
// the folder of a throwaway cluster (scripts/postgres) and each test gets a database of its own there, dropped
// when the test ends. One suite, two stores: the tests read nothing but the locator and these helpers.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "support/temp_dir.h"
#include "tandem/sync/store.h"

namespace tandem::testing {

// Every row of every table, each cell as its bytes (blobs as bytes, the rest as text).
using TableRows = std::multiset<std::vector<std::string>>;

class TestDatabase {
public:
    explicit TestDatabase(TempDir& dir);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& locator() const { return locator_; }
    bool is_postgres() const { return !admin_url_.empty(); }

    // The files the data lives in, as bytes: the SQLite file and its write-ahead log, or every file of this
    // database under the cluster's base/ after a checkpoint has written out what memory held.
    std::string raw_bytes();
    // Which of those files hold `needle` (PostgreSQL: by table or index name), for a failure's message.
    std::string files_holding(const std::string& needle);
    std::map<std::string, TableRows> every_row();

private:
    std::string locator_;
    std::string admin_url_;
    std::string name_;
};

}  // namespace tandem::testing
