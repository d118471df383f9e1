#include "tandem/sync/store.h"

#include "tandem/sync/migrations.h"

namespace tandem {

namespace {
enum Slot {
    kLoad, kSave, kLogged, kAppendLog, kLastSeq, kAppendOutbox, kOutbox, kOutboxPending, kRemoveOutbox,
    kRejectOutbox, kSetting, kSetSetting, kRecordsOf, kRecordsAbout,
    kRemoveRecord,
    kSlotCount
};
}  // namespace

Store::Store(const std::string& path, StoreOptions options) : Store(Database(path), options) {}

Store::Store(Database database, StoreOptions options) : db_(std::move(database)), statements_(kSlotCount) {
    // Another engine's schema is the host's: the server creates its tables in one step of its own
    // (server/store/postgres_schema.cpp).
    if (db_.dialect() != SqlDialect::sqlite) return;
    if (options.host_flushes)
        db_.exec("PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF");
    else
        db_.exec(options.write_ahead_log ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"
                                         : "PRAGMA synchronous=FULL");
    db_.exec("PRAGMA foreign_keys=ON");
    if (!options.read_only) migrate();
}

Store::~Store() = default;

void Store::migrate() {
    const auto& steps = schema_migrations();
    int64_t version = db_.user_version();
    if (version > int64_t(steps.size()))
        throw StoreError("database schema version " + std::to_string(version) +
                         " is newer than this build understands (" + std::to_string(steps.size()) + ")");
    for (; version < int64_t(steps.size()); ++version) {
        transaction([&] {
            db_.exec(steps[size_t(version)]);
            db_.exec("PRAGMA user_version=" + std::to_string(version + 1));
        });
    }
}

Statement& Store::cached(int slot, const char* sql) {
    auto& statement = statements_[size_t(slot)];
    if (!statement) statement = std::make_unique<Statement>(db_, sql);
    statement->reset();
    return *statement;
}

void Store::transaction(const std::function<void()>& work) {
    auto& connection = db_.connection();
    if (connection.in_transaction()) return work();  // the outer transaction commits or rolls back
    connection.begin_write();
    try {
        work();
        db_.exec("COMMIT");
    } catch (...) {
        connection.rollback_quietly();
        throw;
    }
}

StoredRecord Store::read_record(const Statement& row) {
    StoredRecord record;
    record.state.record_id = row.text(0);
    record.state.entity = row.text(1);
    record.author_id = row.text(2);
    record.subject_id = row.text(3);
    record.state.deleted = row.integer(4) != 0;
    record.state.fields = Json::parse(row.text(5));
    record.addressee_id = row.text(6);
    return record;
}

std::optional<StoredRecord> Store::load(const std::string& record_id) {
    auto& statement = cached(kLoad, "SELECT record_id, entity, author_id, subject_id, deleted, state, addressee_id FROM records "
                                    "WHERE record_id = ?");
    statement.bind(1, record_id);
    if (!statement.step()) return std::nullopt;
    StoredRecord record = read_record(statement);
    statement.reset();  // an unfinished statement would pin this connection's read snapshot
    return record;
}

void Store::save(const StoredRecord& record) {
    auto& statement = cached(kSave, "INSERT INTO records(record_id, entity, author_id, subject_id, "
                                    "deleted, state, addressee_id) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT(record_id) DO UPDATE SET entity = excluded.entity, "
                                    "author_id = excluded.author_id, subject_id = excluded.subject_id, "
                                    "deleted = excluded.deleted, state = excluded.state, "
                                    "addressee_id = excluded.addressee_id");
    statement.bind(1, record.state.record_id)
        .bind(2, record.state.entity)
        .bind(3, record.author_id)
        .bind(4, record.subject_id)
        .bind(5, int64_t(record.state.deleted))
        .bind(6, record.state.fields.dump())
        .bind(7, record.addressee_id)
        .run();
}

std::vector<StoredRecord> Store::read_records(Statement& statement) {
    std::vector<StoredRecord> out;
    while (statement.step()) out.push_back(read_record(statement));
    return out;
}

std::vector<StoredRecord> Store::records_of(const std::string& entity) {
    return read_records(cached(kRecordsOf, "SELECT record_id, entity, author_id, subject_id, deleted, state, addressee_id FROM "
                                           "records WHERE entity = ? ORDER BY record_id")
                            .bind(1, entity));
}

std::vector<StoredRecord> Store::records_about(const std::string& subject_id) {
    return read_records(cached(kRecordsAbout, "SELECT record_id, entity, author_id, subject_id, deleted, state, addressee_id FROM "
                                              "records WHERE subject_id = ? ORDER BY record_id")
                            .bind(1, subject_id));
}

std::vector<StoredRecord> Store::records_naming(const std::string& entity, const std::string& field,
                                                const std::string& value) {
    // Rare (erasure only), so not cached: the statement differs by nothing but its values anyway.
    Statement statement(db_, "SELECT record_id, entity, author_id, subject_id, deleted, state, addressee_id "
                                      "FROM records WHERE entity = ? AND json_extract(state, '$.' || ? || '.v') = ? "
                                      "ORDER BY record_id");
    statement.bind(1, entity).bind(2, field).bind(3, value);
    return read_records(statement);
}

namespace {
// Erasure rewrites logged change bodies (JSON text). SQLite has json_set; PostgreSQL does the same with jsonb.
const char* blank_field_sql(SqlDialect dialect) {
    return dialect == SqlDialect::sqlite
               ? "UPDATE change_log SET body = json_set(body, '$.fields.' || ?1, '') WHERE entity = ?2 "
                 "AND json_extract(body, '$.record_id') = ?3 AND json_extract(body, '$.fields.' || ?1) IS NOT NULL"
               : "UPDATE change_log SET body = jsonb_set(body::jsonb, ARRAY['fields', ?1], '\"\"')::text "
                 "WHERE entity = ?2 AND body::jsonb ->> 'record_id' = ?3 AND jsonb_exists(body::jsonb -> 'fields', ?1)";
}
const char* blank_field_where_sql(SqlDialect dialect) {
    return dialect == SqlDialect::sqlite
               ? "UPDATE change_log SET body = json_set(body, '$.fields.' || ?1, '') WHERE entity = ?2 "
                 "AND json_extract(body, '$.fields.' || ?3) = ?4 AND json_extract(body, '$.fields.' || ?1) IS NOT NULL"
               : "UPDATE change_log SET body = jsonb_set(body::jsonb, ARRAY['fields', ?1], '\"\"')::text "
                 "WHERE entity = ?2 AND body::jsonb -> 'fields' ->> ?3 = ?4 AND jsonb_exists(body::jsonb -> 'fields', ?1)";
}
const char* blank_changes_about_sql(SqlDialect dialect) {
    return dialect == SqlDialect::sqlite
               ? "UPDATE change_log SET body = json_set(body, '$.fields', json('{}'), '$.deleted', json('true')) "
                 "WHERE subject_id = ?1 AND entity <> ?2"
               : "UPDATE change_log SET body = (body::jsonb || '{\"fields\": {}, \"deleted\": true}'::jsonb)::text "
                 "WHERE subject_id = ?1 AND entity <> ?2";
}
}  // namespace

void Store::blank_logged_field(const std::string& entity, const std::string& record_id, const std::string& field) {
    Statement(db_, blank_field_sql(db_.dialect())).bind(1, field).bind(2, entity).bind(3, record_id).run();
}

void Store::blank_logged_field_where(const std::string& entity, const std::string& field, const std::string& id_field,
                                     const std::string& value) {
    Statement(db_, blank_field_where_sql(db_.dialect()))
        .bind(1, field)
        .bind(2, entity)
        .bind(3, id_field)
        .bind(4, value)
        .run();
}

void Store::blank_logged_changes_about(const std::string& subject_id) {
    Statement(db_, blank_changes_about_sql(db_.dialect())).bind(1, subject_id).bind(2, kRemovalEntity).run();
}

bool Store::checkpoint_and_truncate() {
    // PostgreSQL's own files are made clean by the server's erasure (VACUUM FULL, person_data.cpp).
    if (!db_.handle()) return true;
    int log = 0, copied = 0;
    return sqlite3_wal_checkpoint_v2(db_.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &copied) == SQLITE_OK;
}

void Store::remove_record(const std::string& record_id) {
    cached(kRemoveRecord, "DELETE FROM records WHERE record_id = ?").bind(1, record_id).run();
}

bool Store::logged(const std::string& change_id) {
    auto& statement = cached(kLogged, "SELECT 1 FROM change_log WHERE change_id = ?");
    statement.bind(1, change_id);
    bool found = statement.step();
    statement.reset();
    return found;
}

int64_t Store::append_log(const std::string& change_id, const LogRow& row) {
    auto& statement = cached(kAppendLog, "INSERT INTO change_log(change_id, entity, author_id, subject_id, body, "
                                         "addressee_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING seq");
    statement.bind(1, change_id).bind(2, row.entity).bind(3, row.author_id).bind(4, row.subject_id).bind(5, row.body);
    statement.bind(6, row.addressee_id);
    statement.step();
    const int64_t seq = statement.integer(0);
    statement.reset();
    return seq;
}

int64_t Store::append_removal(const std::string& change_id, const std::string& recipient_id,
                              const std::string& entity, const std::string& record_id, const std::string& subject_id) {
    const Json body{{"entity", entity}, {"record_id", record_id}, {"removed", true}};
    return append_log(change_id, LogRow{0, kRemovalEntity, recipient_id, subject_id, body.dump()});
}

std::vector<LogRow> Store::scan_log(int64_t since, const ReadScope& scope, const std::string& actor_id, int limit) {
    std::vector<LogRow> rows;
    if (!scope.authored_by_actor && !scope.addressed_to_actor && !scope.about_actor && scope.shared_entities.empty())
        return rows;
    // One indexed range per part of the scope, each walked from `since` and cut at `limit`, merged by seq:
    // SQLite reads at most `limit` rows per range instead of the whole log. Each part leaves out the rows
    // an earlier part already covers (the actor's own, those addressed to them, those about them), so no row
    // comes twice.
    // On SQLite the parts and their merge carry only seq and the page's rows are read by seq afterwards, so
    // the merge never sorts bodies it drops (a full pull's scan: 0.23 s -> 0.13 s). PostgreSQL keeps the
    // form it was measured with, the rows carried through the merge.
    const bool seqs_first = db_.dialect() == SqlDialect::sqlite;
    const std::string row_columns = "seq, entity, author_id, subject_id, body, addressee_id";
    const std::string part_select = "SELECT " + (seqs_first ? std::string("seq") : row_columns) + " FROM change_log";
    const std::string not_own = scope.authored_by_actor ? " AND author_id <> ?2" : "";
    const std::string not_addressed = scope.addressed_to_actor ? " AND addressee_id <> ?2" : "";
    const std::string not_about = scope.about_actor ? " AND subject_id <> ?2" : "";
    std::vector<std::string> parts;
    if (scope.authored_by_actor)
        parts.push_back(part_select + " WHERE author_id = ?2 AND seq > ?1 ORDER BY seq LIMIT ?3");
    if (scope.addressed_to_actor)
        parts.push_back(part_select + " WHERE addressee_id = ?2" + not_own + " AND seq > ?1 ORDER BY seq LIMIT ?3");
    if (scope.about_actor)
        parts.push_back(part_select + " WHERE subject_id = ?2" + not_own + not_addressed +
                        " AND seq > ?1 ORDER BY seq LIMIT ?3");
    for (size_t i = 0; i < scope.shared_entities.size(); ++i)
        parts.push_back(part_select + " WHERE entity = ?" + std::to_string(4 + i) + not_own + not_addressed +
                        not_about + " AND seq > ?1 ORDER BY seq LIMIT ?3");
    std::string merged;
    for (size_t i = 0; i < parts.size(); ++i)
        merged += (i ? " UNION ALL SELECT * FROM (" : "SELECT * FROM (") + parts[i] + ") AS part" + std::to_string(i);
    const std::string sql =
        seqs_first ? "SELECT " + row_columns + " FROM change_log WHERE seq IN (SELECT seq FROM (" + merged +
                         ") AS scope ORDER BY seq LIMIT ?3) ORDER BY seq"
                   : "SELECT " + row_columns + " FROM (" + merged + ") AS scope ORDER BY seq LIMIT ?3";
    // PostgreSQL plans a statement that runs again once, for any cursor. Kept that way, a full pull of 100k
    // changes sometimes took 15-28 s instead of 1.7-3.7 s (three of sixteen pulls measured, with either
    // form of the merge), so there it is planned afresh for each page, with the cursor at hand.
    std::unique_ptr<Statement> planned_afresh;
    Statement* statement = nullptr;
    if (seqs_first) {
        auto& kept = scan_statements_[sql];
        if (!kept) kept = std::make_unique<Statement>(db_, sql);
        statement = kept.get();
    } else {
        planned_afresh = std::make_unique<Statement>(db_, sql);
        statement = planned_afresh.get();
    }
    statement->reset();
    statement->bind(1, since).bind(3, int64_t(limit));
    if (sql.find("?2") != std::string::npos) statement->bind(2, actor_id);
    for (size_t i = 0; i < scope.shared_entities.size(); ++i) statement->bind(int(4 + i), scope.shared_entities[i]);
    rows.reserve(size_t(std::max(0, limit)));
    while (statement->step())
        rows.push_back(LogRow{statement->integer(0), statement->text(1), statement->text(2), statement->text(3),
                              statement->text(4), statement->text(5)});
    statement->reset();
    return rows;
}

namespace {
// The one number a counting query returns; resets so the statement does not pin a read snapshot.
int64_t single_integer(Statement& statement) {
    statement.step();
    const int64_t value = statement.integer(0);
    statement.reset();
    return value;
}
}  // namespace

int64_t Store::last_seq() {
    return single_integer(cached(kLastSeq, "SELECT COALESCE(MAX(seq), 0) FROM change_log"));
}

void Store::append_outbox(const std::string& change_id, const std::string& body) {
    cached(kAppendOutbox, "INSERT INTO outbox(change_id, body) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .bind(1, change_id)
        .bind(2, body)
        .run();
}

std::vector<OutboxEntry> Store::outbox(int limit) {
    auto& statement = cached(kOutbox, "SELECT change_id, body, COALESCE(problem_code, ''), "
                                      "COALESCE(problem_message, '') FROM outbox "
                                      "ORDER BY problem_code IS NOT NULL, position LIMIT ?");
    statement.bind(1, int64_t(limit));
    std::vector<OutboxEntry> out;
    while (statement.step())
        out.push_back(OutboxEntry{statement.text(0), statement.text(1), statement.text(2), statement.text(3)});
    return out;
}

int64_t Store::outbox_pending() {
    return single_integer(cached(kOutboxPending, "SELECT COUNT(*) FROM outbox WHERE problem_code IS NULL"));
}

void Store::remove_outbox(const std::string& change_id) {
    cached(kRemoveOutbox, "DELETE FROM outbox WHERE change_id = ?").bind(1, change_id).run();
}

void Store::reject_outbox(const std::string& change_id, const Problem& problem) {
    cached(kRejectOutbox, "UPDATE outbox SET problem_code = ?, problem_message = ? WHERE change_id = ?")
        .bind(1, problem.code)
        .bind(2, problem.message)
        .bind(3, change_id)
        .run();
}

std::optional<std::string> Store::setting(const std::string& key) {
    auto& statement = cached(kSetting, "SELECT value FROM settings WHERE key = ?");
    statement.bind(1, key);
    if (!statement.step()) return std::nullopt;
    std::string value = statement.text(0);
    statement.reset();
    return value;
}

void Store::set_setting(const std::string& key, const std::string& value) {
    cached(kSetSetting, "INSERT INTO settings(key, value) VALUES (?, ?) "
                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value").bind(1, key).bind(2, value).run();
}

} // namespace tandem
