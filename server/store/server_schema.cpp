#include "store/server_schema.h"

#include <functional>
#include <string>
#include <vector>

#include "store/postgres_schema.h"
#include "tandem/base/sqlite_db.h"

namespace tandem::server {

namespace {

constexpr const char* kVersionKey = "server_schema_version";

bool has_column(Store& store, const char* table, const char* column) {
    Statement query(store.database(), "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    query.bind(1, table).bind(2, column);
    const bool found = query.step();
    query.reset();
    return found;
}

// Step i brings the server's tables from version i to i+1. Never edit a released step: add a new one, since
// servers hold databases made by every earlier build.
const std::vector<std::function<void(Store&)>>& steps() {
    static const std::vector<std::function<void(Store&)>> list{
        // 1: the tables as builds before this list made them, each "if not exists", so a database from such
        // a build is adopted as it is. Accounts, sessions and invitation links (auth):
        [](Store& store) {
            store.database().exec(R"sql(
CREATE TABLE IF NOT EXISTS accounts(
  person_id TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  reset_at INTEGER,
  reset_by TEXT
);
CREATE TABLE IF NOT EXISTS sessions(
  token_digest TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions(expires_at);
CREATE INDEX IF NOT EXISTS sessions_by_person ON sessions(person_id);
CREATE TABLE IF NOT EXISTS invites(
  person_id TEXT PRIMARY KEY,
  token_digest TEXT NOT NULL UNIQUE,
  expires_on TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'invite',
  issued_by TEXT,
  sent_to TEXT
);
CREATE INDEX IF NOT EXISTS person_by_email ON records(lower(json_extract(state, '$.email.v')))
  WHERE entity = 'person';
)sql");
            // The audit log, append-only (sync, written by every domain):
            store.database().exec(R"sql(
CREATE TABLE IF NOT EXISTS audit_log(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target_id TEXT,
  details TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_by_action ON audit_log(action, seq);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
)sql");
            // Answer links, answers and tallies, kiosks (surveys):
            store.database().exec(R"sql(
CREATE TABLE IF NOT EXISTS survey_link(
  token_digest TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL,
  team_of TEXT NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS survey_link_by_team ON survey_link(survey_id, team_of);
CREATE TABLE IF NOT EXISTS survey_answer(
  answer_key BLOB NOT NULL,
  survey_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  group_key TEXT NOT NULL,
  value TEXT NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY(survey_id, group_key, question_id, answer_key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS survey_tally(
  survey_id TEXT NOT NULL,
  group_key TEXT NOT NULL,
  counts BLOB NOT NULL,
  PRIMARY KEY(survey_id, group_key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS survey_layout(
  survey_id TEXT PRIMARY KEY,
  keys TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kiosk(
  kiosk_id TEXT PRIMARY KEY,
  token_digest TEXT NOT NULL UNIQUE,
  survey_id TEXT NOT NULL,
  label TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kiosk_submission(
  submission_digest TEXT PRIMARY KEY
) WITHOUT ROWID;
)sql");
        },
        // 2: databases made before accounts were keyed by person only: the copied e-mail goes (it is what let
        // an old address keep signing in), and invitations learn whether they are resets, who issued them and
        // to which address.
        [](Store& store) {
            if (has_column(store, "accounts", "email"))
                store.database().exec(R"sql(
CREATE TABLE accounts_by_person(person_id TEXT PRIMARY KEY, password_hash TEXT NOT NULL, reset_at INTEGER,
                                reset_by TEXT);
INSERT INTO accounts_by_person(person_id, password_hash) SELECT person_id, password_hash FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_by_person RENAME TO accounts;
)sql");
            if (!has_column(store, "invites", "kind"))
                store.database().exec("ALTER TABLE invites ADD COLUMN kind TEXT NOT NULL DEFAULT 'invite';"
                                      "ALTER TABLE invites ADD COLUMN issued_by TEXT;");
            if (!has_column(store, "invites", "sent_to")) store.database().exec("ALTER TABLE invites ADD COLUMN sent_to TEXT;");
        },
        // 3: blind survey tokens (docs/survey-tokens.md). A key pair per survey and group; who was issued a
        // token (survey, person, day: no element, no finer time); and the tokens spent, as a digest of their
        // input under the survey. Keyed so that no table keeps the order rows came in, and nothing joins
        // the second table to the third.
        [](Store& store) {
            store.database().exec(R"sql(
CREATE TABLE IF NOT EXISTS survey_token_key(
  survey_id TEXT NOT NULL,
  group_key TEXT NOT NULL,
  secret_key BLOB NOT NULL,
  public_key BLOB NOT NULL,
  PRIMARY KEY(survey_id, group_key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS survey_token_issued(
  survey_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY(survey_id, person_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS survey_token_spent(
  input_digest BLOB PRIMARY KEY
) WITHOUT ROWID;
)sql");
        },
        // 4: the analytics ledger's snapshot (server/analytics/analytics_index.h): one row, so a restarting
        // server folds only the changes logged after it.
        [](Store& store) {
            store.database().exec(R"sql(
CREATE TABLE IF NOT EXISTS analytics_snapshot(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  covers_seq INTEGER NOT NULL,
  bytes BLOB NOT NULL
);
)sql");
        },
    };
    return list;
}

}  // namespace

void migrate_server_schema(Store& store) {
    if (store.database().dialect() == SqlDialect::postgres) return migrate_postgres_schema(store);
    const auto& list = steps();
    const auto stored = store.setting(kVersionKey);
    size_t version = stored ? size_t(std::stoul(*stored)) : 0;
    if (version > list.size())
        throw StoreError("this database was written by a newer tandem-server (server schema " + *stored + ")");
    for (; version < list.size(); ++version)
        store.transaction([&] {
            list[version](store);
            store.set_setting(kVersionKey, std::to_string(version + 1));
        });
}

} // namespace tandem::server
