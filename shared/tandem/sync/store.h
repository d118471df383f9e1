#pragma once
// The SQLite store shared by the server and every device: merged records, the server's change log, the
// device's outbox and settings. Opening it migrates the schema. It holds no rules about who may do what;
// callers (SyncService on the server, Replica on a device) decide, then write through it.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tandem/sync/merge.h"
#include "tandem/sync/policy.h"
#include "tandem/base/sqlite_db.h"

namespace tandem {

struct StoredRecord {
    RecordState state;
    std::string author_id;
    std::string subject_id;
    std::string addressee_id;
    RecordMeta meta() const { return RecordMeta{state.entity, author_id, subject_id, addressee_id}; }
};

// Log rows of this entity tell one user's devices to drop a record that user may no longer see (an org
// change took it out of their sight; it was not deleted). author_id holds that user.
inline constexpr const char* kRemovalEntity = "removal";

struct LogRow {
    int64_t seq = 0;
    std::string entity, author_id, subject_id, body;
    std::string addressee_id = {};
    RecordMeta meta() const { return RecordMeta{entity, author_id, subject_id, addressee_id}; }
};

struct OutboxEntry {
    std::string change_id;
    std::string body;          // the change as JSON, ready to push
    std::string problem_code;  // set when the server rejected it
    std::string problem_message;
};

struct StoreOptions {
    // WAL suits the server (readers never block the writer). Browser storage has no shared memory for the
    // WAL index, so devices keep SQLite's default rollback journal.
    bool write_ahead_log = false;
    bool read_only = false;
    // The host makes the file durable itself (the browser copies it to IndexedDB after each commit), so
    // SQLite's own journal file and fsyncs would only cost time.
    bool host_flushes = false;
};

class Store {
public:
    explicit Store(const std::string& path, StoreOptions options = {});  // SQLite, migrated
    // Any engine; a SQLite one is migrated, another one's tables are its host's to create.
    explicit Store(Database database, StoreOptions options = {});
    ~Store();

    // Runs `work` in one IMMEDIATE transaction: all of it commits, or on an exception none of it does.
    // Inside another transaction it simply joins it, so services can be combined into one atomic action.
    void transaction(const std::function<void()>& work);

    std::optional<StoredRecord> load(const std::string& record_id);
    void save(const StoredRecord& record);
    std::vector<StoredRecord> records_of(const std::string& entity);
    std::vector<StoredRecord> records_about(const std::string& subject_id);
    void remove_record(const std::string& record_id);  // a device dropping what it may no longer see
    // Records of `entity` whose `field` holds `value` (a person id a record names besides its subject).
    std::vector<StoredRecord> records_naming(const std::string& entity, const std::string& field,
                                             const std::string& value);

    // Server change log.
    bool logged(const std::string& change_id);
    int64_t append_log(const std::string& change_id, const LogRow& row);  // returns the assigned seq
    int64_t append_removal(const std::string& change_id, const std::string& recipient_id, const std::string& entity,
                           const std::string& record_id, const std::string& subject_id);
    // Rows with seq > since that the scope may cover, oldest first, at most `limit`.
    std::vector<LogRow> scan_log(int64_t since, const ReadScope& scope, const std::string& actor_id, int limit);
    int64_t last_seq();
    // Erasure (people/person_data.h): the log keeps every change id, so a resent change stays a duplicate,
    // but none of what was erased. Blanks `field` in every logged change of the record that set it.
    void blank_logged_field(const std::string& entity, const std::string& record_id, const std::string& field);
    // Blanks `field` in every logged change of `entity` that also set `id_field` to `value` (a change that
    // named the person once, in a record that has named someone else since).
    void blank_logged_field_where(const std::string& entity, const std::string& field, const std::string& id_field,
                                  const std::string& value);
    // Empties the fields of every logged change about `subject_id` and marks it deleted.
    void blank_logged_changes_about(const std::string& subject_id);
    // Copies the write-ahead log back into the database file and truncates it, so old page images of erased
    // text leave the disk. False when a reader's snapshot kept it from finishing; try again later.
    bool checkpoint_and_truncate();

    // Device outbox.
    void append_outbox(const std::string& change_id, const std::string& body);
    std::vector<OutboxEntry> outbox(int limit);  // pending first; rejected ones are kept for the user to see
    int64_t outbox_pending();
    void remove_outbox(const std::string& change_id);
    void reject_outbox(const std::string& change_id, const Problem& problem);

    std::optional<std::string> setting(const std::string& key);
    void set_setting(const std::string& key, const std::string& value);

    Database& database() { return db_; }
    int64_t schema_version() { return db_.user_version(); }

private:
    Statement& cached(int slot, const char* sql);
    void migrate();
    static StoredRecord read_record(const Statement& row);
    static std::vector<StoredRecord> read_records(Statement& statement);

    Database db_;
    std::vector<std::unique_ptr<Statement>> statements_;
    std::map<std::string, std::unique_ptr<Statement>> scan_statements_;  // one per scope shape
};

} // namespace tandem
