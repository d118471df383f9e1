#pragma once
// Background sync for one signed-in device: push the outbox, then pull until the server has no more,
// again every half minute or soon after a local edit. One request at a time, small pages, so applying an
// answer never holds the UI thread for long. Failures back off exponentially; a 401 stops sync and asks
// the user to sign in again while the outbox keeps every queued change.
#include <cstdint>
#include <memory>
#include <string>

#include "platform/platform.h"
#include "tandem/base/change.h"
#include "tandem/sync/replica.h"

namespace tandem::client {

class SyncEngine {
public:
    enum class State { Idle, Pushing, Pulling, Offline, NeedsSignIn };

    // Starts a round now if one is due. `changed` is called after pulled data was merged.
    void tick(Platform& platform, Replica& replica, const std::string& token, const std::function<void()>& changed);
    // Another round as soon as possible; if one is running, right after it (its snapshot of the outbox
    // may predate the edit that asked).
    void request_soon() {
        next_round_ms_ = 0;
        round_wanted_ = true;
    }
    // Forgets the current round; answers still in flight for it are ignored (the replica may be gone).
    void reset() {
        *alive_ = false;
        *this = SyncEngine();
    }
    void signed_in_again() {
        if (state_ == State::NeedsSignIn) state_ = State::Idle;
        next_round_ms_ = 0;
    }

    // Time each frame may spend merging pulled changes: small while the person is using the app, larger while
    // they only wait for a catch-up (the frame then draws nothing else).
    void set_merge_budget_ms(uint64_t budget) { merge_budget_ms_ = budget; }
    // How far this round's pull has come, for a progress bar: changes merged so far, and the share of the
    // server's log (by position) already read; -1 while unknown.
    int64_t changes_merged() const { return changes_merged_; }
    double pull_progress() const;

    State state() const { return state_; }
    uint64_t last_synced_ms() const { return last_synced_ms_; }
    const std::string& last_error() const { return last_error_; }

private:
    void start_push(Platform& platform, Replica& replica, const std::string& token, const std::function<void()>& changed);
    void start_pull(Platform& platform, Replica& replica, const std::string& token, const std::function<void()>& changed);
    void finish_round(Platform& platform);
    void merge_slice(Platform& platform, Replica& replica, const std::string& token, const std::function<void()>& changed);
    void fail(Platform& platform, const HttpResponse& response);

    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
    State state_ = State::Idle;
    bool in_flight_ = false;
    bool round_wanted_ = false;
    // A pulled page being merged a slice per frame, so a big catch-up never stalls the UI.
    Json page_;
    size_t page_next_ = 0;
    bool page_parsed_this_frame_ = false;  // parsing a page is a frame's work already; merging starts next frame
    uint64_t merge_budget_ms_ = 12;
    int64_t changes_merged_ = 0;
    int64_t round_since_ = -1;  // the cursor this round's pull started from
    int64_t pull_cursor_ = 0;
    int64_t pull_head_ = -1;    // the newest position in the server's log when the last page was read
    uint64_t next_round_ms_ = 0;
    uint64_t last_synced_ms_ = 0;
    int failures_ = 0;
    std::string last_error_;
};

} // namespace tandem::client
