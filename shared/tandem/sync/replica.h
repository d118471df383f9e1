#pragma once
// A device's copy of the data it may see, and its half of sync. Every local edit becomes a change that is
// merged into the records and queued in the outbox in one transaction, exactly as the server will merge it;
// pulled changes go through the same merge. The replica does no I/O beyond its store: the platform layer
// moves the JSON it builds to the server and hands back the answers.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "tandem/base/change.h"
#include "tandem/base/hlc.h"
#include "tandem/sync/store.h"

namespace tandem {

struct EditResult {
    std::optional<Problem> problem;  // set when the edit was refused locally (nothing was written)
    Change change;
};

class Replica {
public:
    using WallClock = std::function<uint64_t()>;
    // `user_id` is the signed-in person; the device id is created once per store and kept.
    Replica(Store& store, std::string user_id, WallClock wall_clock);

    // Sets `fields` of a record (creating it when new) or deletes it. Validated as the server would.
    EditResult edit(const std::string& entity, const std::string& record_id, const Json& fields,
                    bool deleted = false);
    std::string new_record_id();

    // {"device_id":..., "changes":[...]} for up to `max_changes` queued changes; empty when nothing waits.
    std::optional<Json> next_push(int max_changes = 500);
    // Applies the server's answer to a push built by next_push: acknowledged changes leave the outbox,
    // rejected ones stay with their problem so the user can see what was refused.
    void apply_push_results(const Json& response);
    // Merges one pull page and advances the cursor; returns whether the server has more.
    bool apply_pull(const Json& response);
    // The same in slices, so a UI can spread a large page over several frames: merge changes
    // [begin, end) of a page, then, after the last slice, record the page's cursor.
    void merge_pulled(const Json& changes, size_t begin, size_t end);
    void finish_pull(int64_t cursor);

    int64_t cursor();
    const std::string& device_id() const { return device_id_; }
    Store& store() { return store_; }

private:
    void merge_into_store(const Change& change, const std::string& author_id);

    Store& store_;
    std::string user_id_;
    WallClock wall_clock_;
    std::string device_id_;
    HlcClock clock_;
};

} // namespace tandem
