#include "store/postgres_schema.h"

#include <string>
#include <vector>

namespace tandem::server {

namespace {

constexpr const char* kVersionKey = "postgres_schema_version";

// Step i brings a database from version i to i+1. Never edit a released step: add one.
const std::vector<std::string>& steps() {
    static const std::vector<std::string> list{
        // 1: the core's tables as SQLite has them after its sixth step and the server's after its third,
        // with the two SQLite functions the core's queries use. Columns that hold people's words or names
        // keep no statistics: ANALYZE would copy samples of them into pg_statistic, where erasure cannot
        // reach.
        R"sql(
CREATE FUNCTION json_extract(doc text, path text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE jsonb_typeof(v) WHEN 'boolean' THEN CASE WHEN v = 'true'::jsonb THEN '1' ELSE '0' END
                                ELSE v #>> '{}' END
    FROM (SELECT doc::jsonb #> string_to_array(substr(path, 3), '.') AS v) AS found
  $$;
CREATE TABLE records(
  record_id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  author_id TEXT NOT NULL DEFAULT '',
  subject_id TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL,
  addressee_id TEXT NOT NULL DEFAULT ''
);
ALTER TABLE records ALTER COLUMN state SET STATISTICS 0;
CREATE INDEX records_by_subject ON records(entity, subject_id);
CREATE INDEX records_by_subject_id ON records(subject_id);
CREATE INDEX records_by_author ON records(entity, author_id);
CREATE INDEX person_by_email ON records(lower(json_extract(state, '$.email.v'))) WHERE entity = 'person';
ALTER INDEX person_by_email ALTER COLUMN 1 SET STATISTICS 0;
CREATE TABLE change_log(
  seq BIGSERIAL PRIMARY KEY,
  change_id TEXT NOT NULL UNIQUE,
  entity TEXT NOT NULL,
  author_id TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  body TEXT NOT NULL,
  addressee_id TEXT NOT NULL DEFAULT ''
);
ALTER TABLE change_log ALTER COLUMN body SET STATISTICS 0;
CREATE INDEX change_log_by_author ON change_log(author_id, seq);
CREATE INDEX change_log_by_entity ON change_log(entity, seq);
CREATE INDEX change_log_by_addressee ON change_log(addressee_id, seq);
CREATE INDEX change_log_by_subject ON change_log(subject_id, seq);
CREATE TABLE outbox(
  position BIGSERIAL PRIMARY KEY,
  change_id TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  problem_code TEXT,
  problem_message TEXT
);

CREATE TABLE accounts(
  person_id TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  reset_at BIGINT,
  reset_by TEXT
);
CREATE TABLE sessions(
  token_digest TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);
CREATE INDEX sessions_by_person ON sessions(person_id);
CREATE TABLE invites(
  person_id TEXT PRIMARY KEY,
  token_digest TEXT NOT NULL UNIQUE,
  expires_on TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'invite',
  issued_by TEXT,
  sent_to TEXT
);
ALTER TABLE invites ALTER COLUMN sent_to SET STATISTICS 0;

CREATE TABLE audit_log(
  seq BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target_id TEXT,
  details TEXT NOT NULL
);
ALTER TABLE audit_log ALTER COLUMN details SET STATISTICS 0;
CREATE INDEX audit_log_by_action ON audit_log(action, seq);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'audit entries are append-only'; END
  $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE survey_link(
  token_digest TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL,
  team_of TEXT NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX survey_link_by_team ON survey_link(survey_id, team_of);
CREATE TABLE survey_answer(
  answer_key BYTEA NOT NULL,
  survey_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  group_key TEXT NOT NULL,
  value TEXT NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY(survey_id, group_key, question_id, answer_key)
);
ALTER TABLE survey_answer ALTER COLUMN value SET STATISTICS 0;
CREATE TABLE survey_tally(
  survey_id TEXT NOT NULL,
  group_key TEXT NOT NULL,
  counts BYTEA NOT NULL,
  PRIMARY KEY(survey_id, group_key)
);
CREATE TABLE survey_layout(
  survey_id TEXT PRIMARY KEY,
  keys TEXT NOT NULL
);
CREATE TABLE kiosk(
  kiosk_id TEXT PRIMARY KEY,
  token_digest TEXT NOT NULL UNIQUE,
  survey_id TEXT NOT NULL,
  label TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE kiosk_submission(
  submission_digest TEXT PRIMARY KEY
);
CREATE TABLE survey_token_key(
  survey_id TEXT NOT NULL,
  group_key TEXT NOT NULL,
  secret_key BYTEA NOT NULL,
  public_key BYTEA NOT NULL,
  PRIMARY KEY(survey_id, group_key)
);
CREATE TABLE survey_token_issued(
  survey_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY(survey_id, person_id)
);
CREATE TABLE survey_token_spent(
  input_digest BYTEA PRIMARY KEY
);

-- Counters that every instance shares: the sign-in throttle and the per-link and per-kiosk rate limits.
CREATE TABLE rate_window(
  counter_key TEXT PRIMARY KEY,
  window_start BIGINT NOT NULL,
  hits BIGINT NOT NULL
);
CREATE TABLE sign_in_counter(
  counter_key TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  last_failure BIGINT NOT NULL,
  blocked_until BIGINT NOT NULL
);
ALTER TABLE sign_in_counter ALTER COLUMN counter_key SET STATISTICS 0;
)sql",
        // 2: the analytics ledger's snapshot, as in SQLite's step 4. It holds person ids and days: no
        // statistics, for the reason given in step 1.
        R"sql(
CREATE TABLE analytics_snapshot(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  covers_seq BIGINT NOT NULL,
  bytes BYTEA NOT NULL
);
ALTER TABLE analytics_snapshot ALTER COLUMN bytes SET STATISTICS 0;
)sql",
    };
    return list;
}

}  // namespace

void migrate_postgres_schema(Store& store) {
    // One transaction, under the write lock: instances starting together migrate once.
    store.transaction([&] {
        store.database().exec("CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        const auto& list = steps();
        const auto stored = store.setting(kVersionKey);
        size_t version = stored ? size_t(std::stoul(*stored)) : 0;
        if (version > list.size())
            throw StoreError("this database was written by a newer tandem-server (PostgreSQL schema " + *stored + ")");
        for (; version < list.size(); ++version) {
            store.database().exec(list[version]);
            store.set_setting(kVersionKey, std::to_string(version + 1));
        }
    });
}

}  // namespace tandem::server
