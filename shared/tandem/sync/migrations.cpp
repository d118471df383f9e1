#include "tandem/sync/migrations.h"

namespace tandem {

const std::vector<std::string>& schema_migrations() {
    static const std::vector<std::string> steps{
        // 1: merged records, the server's change log, the device's outbox, small settings.
        R"sql(
CREATE TABLE records(
  record_id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  author_id TEXT NOT NULL DEFAULT '',
  subject_id TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX records_by_subject ON records(entity, subject_id);
CREATE TABLE change_log(
  seq INTEGER PRIMARY KEY,
  change_id TEXT NOT NULL UNIQUE,
  entity TEXT NOT NULL,
  author_id TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE outbox(
  position INTEGER PRIMARY KEY,
  change_id TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  problem_code TEXT,
  problem_message TEXT
);
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql",
        // 2: pulls for a manager scan the rows they wrote plus people records, not the whole log.
        R"sql(
CREATE INDEX change_log_by_author ON change_log(author_id, seq);
CREATE INDEX change_log_by_entity ON change_log(entity, seq);
)sql",
        // 3: an org change looks up every record about the people who moved.
        R"sql(
CREATE INDEX records_by_subject_id ON records(subject_id);
)sql",
        // 4: records addressed to one person besides their author (shared feedback, requests); a pull reads
        // them through their own index like the rows the puller wrote.
        R"sql(
ALTER TABLE records ADD COLUMN addressee_id TEXT NOT NULL DEFAULT '';
ALTER TABLE change_log ADD COLUMN addressee_id TEXT NOT NULL DEFAULT '';
CREATE INDEX change_log_by_addressee ON change_log(addressee_id, seq);
)sql",
        // 5: what one person wrote of a type (a manager's recognitions, measured by their agreement).
        R"sql(
CREATE INDEX records_by_author ON records(entity, author_id);
)sql",
        // 6: rows about one person (a report's own 1:1s): an employee's pull reads them through this index.
        R"sql(
CREATE INDEX change_log_by_subject ON change_log(subject_id, seq);
)sql",
    };
    return steps;
}

} // namespace tandem
