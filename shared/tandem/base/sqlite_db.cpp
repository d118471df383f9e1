#include "tandem/base/sqlite_db.h"

namespace tandem {

namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    throw StoreError(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

class SqliteStatement final : public SqlStatementBackend {
public:
    SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
        if (sqlite3_prepare_v3(db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
            fail(db, "prepare failed for \"" + std::string(sql) + "\"");
    }
    ~SqliteStatement() override { sqlite3_finalize(stmt_); }

    void bind_text(int index, std::string_view text) override {
        if (sqlite3_bind_text(stmt_, index, text.data(), int(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
            fail(db_, "bind failed");
    }
    void bind_integer(int index, int64_t value) override {
        if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "bind failed");
    }
    void bind_blob(int index, std::string_view bytes) override {
        if (sqlite3_bind_blob(stmt_, index, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT) != SQLITE_OK)
            fail(db_, "bind failed");
    }
    void bind_null(int index) override {
        if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_, "bind failed");
    }
    bool step() override {
        int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        std::string message = sqlite3_errmsg(db_);
        sqlite3_reset(stmt_);
        throw StoreError("statement failed: " + message);
    }
    void reset() override {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    std::string text(int column) const override {
        const unsigned char* data = sqlite3_column_text(stmt_, column);
        return data ? std::string(reinterpret_cast<const char*>(data), size_t(sqlite3_column_bytes(stmt_, column)))
                    : std::string();
    }
    std::string blob(int column) const override {
        const void* data = sqlite3_column_blob(stmt_, column);
        return data ? std::string(static_cast<const char*>(data), size_t(sqlite3_column_bytes(stmt_, column)))
                    : std::string();
    }
    int64_t integer(int column) const override { return sqlite3_column_int64(stmt_, column); }
    bool is_null(int column) const override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    int columns() const override { return sqlite3_column_count(stmt_); }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class SqliteConnection final : public SqlConnection {
public:
    explicit SqliteConnection(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
            std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw StoreError("cannot open " + path + ": " + message);
        }
        sqlite3_busy_timeout(db_, 5000);
    }
    ~SqliteConnection() override { sqlite3_close_v2(db_); }

    SqlDialect dialect() const override { return SqlDialect::sqlite; }
    std::unique_ptr<SqlStatementBackend> prepare(std::string_view sql) override {
        return std::make_unique<SqliteStatement>(db_, sql);
    }
    void exec(std::string_view sql) override {
        char* error = nullptr;
        if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            std::string message = error ? error : "unknown error";
            sqlite3_free(error);
            throw StoreError(message + " in \"" + std::string(sql).substr(0, 80) + "\"");
        }
    }
    bool in_transaction() override { return !sqlite3_get_autocommit(db_); }
    // IMMEDIATE takes the write lock now, so a transaction never fails halfway on another writer.
    void begin_write() override { exec("BEGIN IMMEDIATE"); }
    void rollback_quietly() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
    int64_t changes() override { return sqlite3_changes64(db_); }
    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
};

}  // namespace

Statement::Statement(Database& db, std::string_view sql) : backend_(db.connection().prepare(sql)) {}

Database::Database(const std::string& path) {
    auto sqlite = std::make_unique<SqliteConnection>(path);
    sqlite_ = sqlite->handle();
    connection_ = std::move(sqlite);
}

Database::Database(std::unique_ptr<SqlConnection> connection) : connection_(std::move(connection)) {}
Database::~Database() = default;
Database::Database(Database&&) noexcept = default;

int64_t Database::user_version() {
    if (!sqlite_) return 0;
    Statement statement(*this, "PRAGMA user_version");
    statement.step();
    return statement.integer(0);
}

} // namespace tandem
