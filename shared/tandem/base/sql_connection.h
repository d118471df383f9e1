#pragma once
// What a database engine must offer the store: prepared statements over one connection. The core's SQL is
// written once, in the subset SQLite and PostgreSQL share (the server supplies the few SQLite functions the
// core uses, json_extract and json_set, as PostgreSQL functions). SQLite is the core's own engine
// (sqlite_db.h); the server adds PostgreSQL (server/store/postgres_connection.h).
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tandem {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class SqlDialect { sqlite, postgres };

// One prepared statement. Parameters are numbered from 1, as `?` (in order) or `?N` in the SQL.
class SqlStatementBackend {
public:
    virtual ~SqlStatementBackend() = default;
    virtual void bind_text(int index, std::string_view text) = 0;
    virtual void bind_integer(int index, int64_t value) = 0;
    virtual void bind_null(int index) = 0;
    virtual void bind_blob(int index, std::string_view bytes) = 0;
    virtual bool step() = 0;   // true while a row is available
    virtual void reset() = 0;  // forgets the rows and the bindings
    virtual std::string text(int column) const = 0;
    virtual std::string blob(int column) const = 0;
    virtual int64_t integer(int column) const = 0;
    virtual bool is_null(int column) const = 0;
    virtual int columns() const = 0;
};

class SqlConnection {
public:
    virtual ~SqlConnection() = default;
    virtual SqlDialect dialect() const = 0;
    virtual std::unique_ptr<SqlStatementBackend> prepare(std::string_view sql) = 0;
    virtual void exec(std::string_view sql) = 0;  // one or more statements, no parameters
    virtual bool in_transaction() = 0;
    // Opens the transaction every write of the server runs in. On a database several processes write to,
    // this also waits for the others' write transactions to end (see postgres_connection.h).
    virtual void begin_write() = 0;
    virtual void rollback_quietly() noexcept = 0;
    virtual int64_t changes() = 0;  // rows the last statement changed
};

}  // namespace tandem
