#pragma once
// Statements and connections as the store uses them, errors as exceptions. A `Database` is one connection
// to SQLite (opened by path, the core's own engine) or to another engine the host supplies as an
// SqlConnection (the server's PostgreSQL).
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "tandem/base/sql_connection.h"

namespace tandem {

class Database;

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::string_view text) { backend_->bind_text(index, text); return *this; }
    Statement& bind(int index, int64_t value) { backend_->bind_integer(index, value); return *this; }
    Statement& bind_null(int index) { backend_->bind_null(index); return *this; }
    Statement& bind_blob(int index, std::string_view bytes) { backend_->bind_blob(index, bytes); return *this; }
    bool step() { return backend_->step(); }  // true while a row is available
    void run() { step(); reset(); }             // step once, then reset
    void reset() { backend_->reset(); }

    std::string text(int column) const { return backend_->text(column); }
    std::string blob(int column) const { return backend_->blob(column); }
    int64_t integer(int column) const { return backend_->integer(column); }
    bool is_null(int column) const { return backend_->is_null(column); }
    int columns() const { return backend_->columns(); }

private:
    std::unique_ptr<SqlStatementBackend> backend_;
};

class Database {
public:
    explicit Database(const std::string& path);  // SQLite
    explicit Database(std::unique_ptr<SqlConnection> connection);
    ~Database();
    Database(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql) { connection_->exec(sql); }
    SqlDialect dialect() const { return connection_->dialect(); }
    SqlConnection& connection() { return *connection_; }
    int64_t changes() { return connection_->changes(); }
    // SQLite only: PRAGMA user_version, and the raw handle for what only SQLite has (checkpoints, say);
    // null on any other engine.
    int64_t user_version();
    sqlite3* handle() const { return sqlite_; }

private:
    std::unique_ptr<SqlConnection> connection_;
    sqlite3* sqlite_ = nullptr;
};

} // namespace tandem
