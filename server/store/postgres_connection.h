#pragma once
// PostgreSQL under the store's statements (libpq). The core's SQL is written with SQLite's `?` and `?N`
// parameters; they become `$N` here. Values go as text and PostgreSQL infers their types from where they
// stand; blobs go as bytea.
//
// Every write transaction of every instance takes one transaction-scoped advisory lock first, so writes to
// one database are serial, as with SQLite's single writer. That is what keeps the pull cursor
// commit-ordered: a change-log row's seq is taken inside that lock and the lock is released only after the
// commit is visible, so when a reader sees seq N it already sees every smaller seq. Without it, two
// instances' transactions could commit out of seq order and a pull that moved past a gap would never
// deliver the late row.
#include <libpq-fe.h>

#include <string>

#include "tandem/base/sql_connection.h"

namespace tandem::server {

bool is_postgres_url(const std::string& locator);

class PostgresConnection final : public SqlConnection {
public:
    explicit PostgresConnection(const std::string& url);
    ~PostgresConnection() override;

    SqlDialect dialect() const override { return SqlDialect::postgres; }
    std::unique_ptr<SqlStatementBackend> prepare(std::string_view sql) override;
    void exec(std::string_view sql) override;
    bool in_transaction() override;
    void begin_write() override;
    void rollback_quietly() noexcept override;
    int64_t changes() override { return changes_; }

    // For statements: runs one with parameters, throws StoreError on failure, keeps the count of changed rows.
    PGresult* run(const std::string& sql, int count, const char* const* values, const int* lengths,
                  const int* formats, const unsigned int* types);

    // Statements prepared on the server, by name; the generation changes when the connection is opened
    // anew (the server forgets its prepared statements then).
    std::string prepare_named(const std::string& sql, int count, const unsigned int* types);
    PGresult* run_prepared(const std::string& name, int count, const char* const* values, const int* lengths,
                           const int* formats);
    void forget_prepared(const std::string& name, uint64_t generation) noexcept;
    uint64_t generation() const { return generation_; }

    // Runs `sql` and returns the INFO and NOTICE lines PostgreSQL sent while it ran (VACUUM VERBOSE's report).
    std::string exec_with_notices(std::string_view sql);

private:
    void reconnect_if_lost();
    PGconn* connection_ = nullptr;
    int64_t changes_ = 0;
    uint64_t generation_ = 0;
    uint64_t statements_named_ = 0;
    std::string* notices_ = nullptr;  // set while exec_with_notices runs
};

// The SQL with `?`/`?N` parameters numbered as PostgreSQL's `$N` (quoted text left alone).
std::string postgres_parameters(std::string_view sql);

}  // namespace tandem::server
