#pragma once
// The server's half of sync (docs/api.md, Push and Pull), free of HTTP: routes hand it parsed JSON and an
// authenticated actor. Every change goes validate -> authorise (policy.may_write) -> merge -> log.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tandem/base/change.h"
#include "tandem/base/hlc.h"
#include "tandem/sync/org_chart.h"
#include "tandem/sync/policy.h"
#include "tandem/sync/entity.h"
#include "tandem/sync/store.h"

namespace tandem {

struct PushOutcome {
    std::string id;
    std::string status;  // "accepted" | "duplicate" | "rejected"
    std::optional<Problem> error;
};

struct PullPage {
    std::vector<LogRow> rows;
    int64_t cursor = 0;
    bool more = false;
    // The log's newest position when the page was read: how far a catch-up has to go, for its progress bar.
    int64_t head = 0;
};

constexpr uint64_t kMaxClockLeadMillis = 24ull * 60 * 60 * 1000;

class SyncService {
public:
    explicit SyncService(Store& store) : store_(store) {}

    // Told of each accepted change inside the push's transaction, with the record as it stood before (null
    // when created): what the server records about a change (an audit entry) commits or fails with it.
    using Accepted = std::function<void(const Change& change, const RecordState* before)>;

    // Judges each change on its own, in order, inside one transaction; returns after the commit, so an
    // outcome of "accepted" is durable. Throws StoreError if the database fails (nothing is applied then).
    std::vector<PushOutcome> push(const Actor& actor, const OrgChart& org, const std::string& device_id,
                                  const Json& changes, uint64_t now_millis, const Accepted& on_accepted = {});

    PullPage pull(const Actor& actor, const OrgChart& org, int64_t since, int limit);

    // Server-side writes (demo organisation, HR import) take the same merge and log path but no policy.
    // `author_id` is recorded as the author of records these changes create.
    void write_as_server(const std::vector<Change>& changes, const std::string& author_id = "");

private:
    PushOutcome judge(const Actor& actor, const OrgChart& org, const std::string& device_id, const Json& json,
                      uint64_t now_millis, const Accepted& on_accepted);
    std::optional<Problem> check_references(const Actor& actor, const OrgChart& org, const EntitySpec& spec,
                                            const Change& change, const RecordState* existing);
    void apply(Change& change, std::optional<StoredRecord> existing, const RecordMeta& meta);
    void update_colleague_card(const Change& cause);

    Store& store_;
};

// {"changes":[...],"cursor":N,"more":b} built from stored change bodies without re-parsing them.
std::string pull_response_json(const PullPage& page);

// A change written by the server itself (demo data, imports, erasure), stamped by `clock`.
Change server_change(HlcClock& clock, uint64_t now, const char* entity, const std::string& record_id, Json fields);

} // namespace tandem
