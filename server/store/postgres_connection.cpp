#include "store/postgres_connection.h"

#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

namespace tandem::server {

namespace {

constexpr unsigned int kByteaType = 17;
constexpr unsigned int kBoolType = 16;
// Any fixed number: every instance of every build takes the same lock for its writes.
constexpr const char* kWriteLock = "SELECT pg_advisory_xact_lock(7346846)";

[[noreturn]] void fail(const std::string& what, const char* detail) {
    std::string message = detail ? detail : "";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw StoreError(what + ": " + message);
}

std::string unhex_bytea(const char* text, int length) {
    if (length < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text, size_t(length));
    auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    std::string bytes;
    bytes.reserve(size_t(length - 2) / 2);
    for (int i = 2; i + 1 < length; i += 2) bytes.push_back(char(nibble(text[i]) << 4 | nibble(text[i + 1])));
    return bytes;
}

// A statement run once is sent with its values in one round trip; one run again (the store's cached
// statements) is prepared on the server then, so later runs skip parsing and planning.
class PostgresStatement final : public SqlStatementBackend {
public:
    PostgresStatement(PostgresConnection& connection, std::string_view sql)
        : connection_(connection), sql_(postgres_parameters(sql)) {}
    ~PostgresStatement() override {
        clear_result();
        if (!prepared_name_.empty()) connection_.forget_prepared(prepared_name_, prepared_generation_);
    }

    void bind_text(int index, std::string_view text) override { slot(index) = Value{std::string(text), false}; }
    void bind_integer(int index, int64_t value) override { slot(index) = Value{std::to_string(value), false}; }
    void bind_null(int index) override { slot(index) = std::nullopt; }
    void bind_blob(int index, std::string_view bytes) override { slot(index) = Value{std::string(bytes), true}; }

    bool step() override {
        if (!result_) execute();
        ++row_;
        return row_ < PQntuples(result_);
    }
    void reset() override {
        clear_result();
        values_.clear();
        bound_.clear();
    }
    std::string text(int column) const override {
        return std::string(PQgetvalue(result_, row_, column), size_t(PQgetlength(result_, row_, column)));
    }
    std::string blob(int column) const override {
        if (PQftype(result_, column) != kByteaType) return text(column);
        return unhex_bytea(PQgetvalue(result_, row_, column), PQgetlength(result_, row_, column));
    }
    int64_t integer(int column) const override {
        const char* value = PQgetvalue(result_, row_, column);
        if (PQftype(result_, column) == kBoolType) return value[0] == 't' ? 1 : 0;
        return std::strtoll(value, nullptr, 10);
    }
    bool is_null(int column) const override { return PQgetisnull(result_, row_, column) != 0; }
    int columns() const override { return result_ ? PQnfields(result_) : 0; }

private:
    struct Value {
        std::string bytes;
        bool binary;
    };
    // A number the SQL skips (a part of a query left out) is still a parameter PostgreSQL must type.
    static constexpr unsigned int kTextType = 25;
    std::optional<Value>& slot(int index) {
        if (result_) clear_result();
        if (values_.size() < size_t(index)) {
            values_.resize(size_t(index));
            bound_.resize(size_t(index), false);
        }
        bound_[size_t(index) - 1] = true;
        return values_[size_t(index) - 1];
    }
    void execute() {
        std::vector<const char*> pointers;
        std::vector<int> lengths, formats;
        std::vector<unsigned int> types;
        for (size_t i = 0; i < values_.size(); ++i) {
            const auto& value = values_[i];
            pointers.push_back(value ? value->bytes.c_str() : nullptr);
            lengths.push_back(value ? int(value->bytes.size()) : 0);
            formats.push_back(value && value->binary ? 1 : 0);
            types.push_back(!bound_[i] ? kTextType : value && value->binary ? kByteaType : 0);
        }
        if (++runs_ == 2 || (!prepared_name_.empty() && prepared_generation_ != connection_.generation())) {
            prepared_name_ = connection_.prepare_named(sql_, int(values_.size()), types.data());
            prepared_generation_ = connection_.generation();
        }
        result_ = prepared_name_.empty()
                      ? connection_.run(sql_, int(values_.size()), pointers.data(), lengths.data(), formats.data(),
                                        types.data())
                      : connection_.run_prepared(prepared_name_, int(values_.size()), pointers.data(), lengths.data(),
                                                 formats.data());
        row_ = -1;
    }
    void clear_result() {
        if (result_) PQclear(result_);
        result_ = nullptr;
        row_ = -1;
    }

    PostgresConnection& connection_;
    std::string sql_;
    std::vector<std::optional<Value>> values_;
    std::vector<bool> bound_;
    PGresult* result_ = nullptr;
    int row_ = -1;
    int runs_ = 0;
    std::string prepared_name_;
    uint64_t prepared_generation_ = 0;
};

}  // namespace

bool is_postgres_url(const std::string& locator) {
    return locator.rfind("postgresql://", 0) == 0 || locator.rfind("postgres://", 0) == 0;
}

std::string postgres_parameters(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int highest = 0;
    char quote = 0;
    for (size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote) {
            out += c;
            if (c == quote) quote = 0;  // a doubled quote closes and reopens: still right
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            out += c;
            continue;
        }
        if (c != '?') {
            out += c;
            continue;
        }
        size_t end = i + 1;
        while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') ++end;
        const int number = end > i + 1 ? std::atoi(std::string(sql.substr(i + 1, end - i - 1)).c_str()) : highest + 1;
        if (number > highest) highest = number;
        out += '$' + std::to_string(number);
        i = end - 1;
    }
    return out;
}

PostgresConnection::PostgresConnection(const std::string& url) {
    connection_ = PQconnectdb(url.c_str());
    if (PQstatus(connection_) != CONNECTION_OK) {
        std::string message = PQerrorMessage(connection_);
        PQfinish(connection_);
        connection_ = nullptr;
        fail("cannot connect to PostgreSQL", message.c_str());
    }
    PQsetNoticeProcessor(
        connection_,
        [](void* self, const char* message) {
            if (auto* notices = static_cast<PostgresConnection*>(self)->notices_) *notices += message;
        },
        this);
    exec("SET client_min_messages = warning");
}

PostgresConnection::~PostgresConnection() {
    if (connection_) PQfinish(connection_);
}

void PostgresConnection::reconnect_if_lost() {
    // A restarted database server closes every connection; the next request opens a new one rather than
    // failing until this instance restarts too. Its prepared statements went with the old one.
    if (PQstatus(connection_) != CONNECTION_BAD) return;
    PQreset(connection_);
    ++generation_;
}

namespace {
void check(PGresult* result, const std::string& what) {
    const auto status = PQresultStatus(result);
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) return;
    std::string message = PQresultErrorMessage(result);
    PQclear(result);
    fail(what, message.c_str());
}
}  // namespace

std::string PostgresConnection::prepare_named(const std::string& sql, int count, const unsigned int* types) {
    reconnect_if_lost();
    const std::string name = "s" + std::to_string(++statements_named_);
    PGresult* result = PQprepare(connection_, name.c_str(), sql.c_str(), count, types);
    check(result, "prepare failed (\"" + sql.substr(0, 120) + "\")");
    PQclear(result);
    return name;
}

PGresult* PostgresConnection::run_prepared(const std::string& name, int count, const char* const* values,
                                           const int* lengths, const int* formats) {
    reconnect_if_lost();
    PGresult* result = PQexecPrepared(connection_, name.c_str(), count, values, lengths, formats, 0);
    check(result, "prepared statement " + name + " failed");
    const char* changed = PQcmdTuples(result);
    changes_ = changed && *changed ? std::strtoll(changed, nullptr, 10) : 0;
    return result;
}

void PostgresConnection::forget_prepared(const std::string& name, uint64_t generation) noexcept {
    // Deallocating costs a round trip; statements prepared on a connection since lost are gone anyway.
    if (generation != generation_ || PQstatus(connection_) != CONNECTION_OK) return;
    if (PGresult* result = PQexec(connection_, ("DEALLOCATE " + name).c_str())) PQclear(result);
}

std::unique_ptr<SqlStatementBackend> PostgresConnection::prepare(std::string_view sql) {
    return std::make_unique<PostgresStatement>(*this, sql);
}

PGresult* PostgresConnection::run(const std::string& sql, int count, const char* const* values, const int* lengths,
                                  const int* formats, const unsigned int* types) {
    reconnect_if_lost();
    PGresult* result = PQexecParams(connection_, sql.c_str(), count, types, values, lengths, formats, 0);
    const auto status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        std::string message = PQresultErrorMessage(result);
        PQclear(result);
        fail("statement failed (\"" + sql.substr(0, 120) + "\")", message.c_str());
    }
    const char* changed = PQcmdTuples(result);
    changes_ = changed && *changed ? std::strtoll(changed, nullptr, 10) : 0;
    return result;
}

void PostgresConnection::exec(std::string_view sql) {
    reconnect_if_lost();
    PGresult* result = PQexec(connection_, std::string(sql).c_str());
    const auto status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        std::string message = PQresultErrorMessage(result);
        PQclear(result);
        fail("\"" + std::string(sql.substr(0, 80)) + "\" failed", message.c_str());
    }
    PQclear(result);
}

std::string PostgresConnection::exec_with_notices(std::string_view sql) {
    std::string notices;
    notices_ = &notices;
    try {
        exec(sql);
    } catch (...) {
        notices_ = nullptr;
        throw;
    }
    notices_ = nullptr;
    return notices;
}

bool PostgresConnection::in_transaction() { return PQtransactionStatus(connection_) != PQTRANS_IDLE; }

void PostgresConnection::begin_write() {
    exec("BEGIN");
    try {
        exec(kWriteLock);
    } catch (...) {
        rollback_quietly();
        throw;
    }
}

void PostgresConnection::rollback_quietly() noexcept {
    if (PGresult* result = PQexec(connection_, "ROLLBACK")) PQclear(result);
}

}  // namespace tandem::server
