#pragma once
// Minimal RAII over the SQLite C API: one connection, prepared statements, errors as exceptions.
#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tandem {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, int64_t value);
    Statement& bind_null(int index);
    Statement& bind_blob(int index, std::string_view bytes);
    bool step();  // true while a row is available
    void run();   // step once, then reset
    void reset();

    std::string text(int column) const;
    std::string blob(int column) const;
    int64_t integer(int column) const;
    bool is_null(int column) const;
    int columns() const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    explicit Database(const std::string& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    int64_t user_version();
    sqlite3* handle() const { return db_; }
    int64_t changes() const { return sqlite3_changes64(db_); }

private:
    sqlite3* db_ = nullptr;
};

} // namespace tandem
