#pragma once
// The server's analytics facts: the core's ActivityLedger, folded from the change log as writes land. Each
// reader catches up from the last change it saw (all of them once, at start), so a request costs a fold of
// the changes since the previous one plus a pass over the people it asks about, never a scan of records.
// The first fold starts from the ledger's snapshot row (store/analytics_snapshot.h) when there is one, and
// a new snapshot is saved every so many folded changes, so a restart refolds only the log's tail.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <optional>
#include <thread>
#include <mutex>
#include <string>
#include <vector>

#include "store/analytics_snapshot.h"
#include "store/databases.h"
#include "tandem/analytics/activity_ledger.h"
#include "tandem/sync/org_chart.h"
#include "tandem/sync/store.h"

namespace tandem::server {

class AnalyticsIndex {
public:
    AnalyticsIndex() = default;  // folds from the start of the log and never saves
    // Starts from the snapshot row and saves a new one, through `databases`, after every `snapshot_every`
    // folded changes (ServerOptions::analytics_snapshot_every).
    AnalyticsIndex(Databases& databases, int64_t snapshot_every);
    ~AnalyticsIndex();
    AnalyticsIndex(const AnalyticsIndex&) = delete;
    AnalyticsIndex& operator=(const AnalyticsIndex&) = delete;

    // Runs `work(ledger)` on a ledger up to date with everything `store` has logged.
    template <class Work> auto with_ledger(Store& store, Work&& work) {
        std::lock_guard<std::mutex> lock(mutex_);
        catch_up(store);
        return work(static_cast<const analytics::ActivityLedger&>(ledger_));
    }
    // False until the first fold (at start) has finished: a large log takes a minute, and requests should
    // say so rather than wait on it.
    bool ready() const { return ready_; }
    // Waits up to `limit` for the first fold (a small database is folded in milliseconds).
    bool wait_ready(std::chrono::milliseconds limit) const {
        for (auto waited = std::chrono::milliseconds(0); !ready_ && waited < limit; waited += std::chrono::milliseconds(10))
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return ready_;
    }

private:
    void start_from_snapshot(Store& store);
    void catch_up(Store& store);
    void save_if_due();
    void write_snapshots();

    std::mutex mutex_;
    analytics::ActivityLedger ledger_;
    int64_t seq_ = 0;
    bool started_ = false;
    int64_t folded_since_save_ = 0;
    std::atomic<bool> ready_{false};
    std::string start_report_;  // how the ledger was rebuilt at start: logged once, when it is first ready

    // Saving: the bytes are taken under mutex_ and written by writer_, so neither requests nor the ledger
    // wait on a write of the whole snapshot.
    Databases* databases_ = nullptr;
    int64_t snapshot_every_ = 0;
    int64_t erasure_at_start_ = 0;  // a later erasure may linger in ledger_: it is not saved any more
    std::atomic<bool> saving_stopped_{false};
    std::mutex pending_mutex_;
    std::condition_variable pending_changed_;
    std::optional<AnalyticsSnapshot> pending_;
    bool stopping_ = false;
    std::thread writer_;
};

// Who a group holds, for figures: "org" everyone, "tree:M" everyone below M, "team:M" M's direct reports
// (people who left stay under the manager they left from, so their exits count there).
std::vector<std::string> members_of(const OrgChart& org, const std::string& group);

// The figures of these people over [from, to].
analytics::GroupFigures figures_of(const analytics::ActivityLedger& ledger, const std::vector<std::string>& people,
                                   analytics::Day from, analytics::Day to);

}  // namespace tandem::server
