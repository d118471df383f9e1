#pragma once
// The server's analytics facts: the core's ActivityLedger, folded from the change log as writes land. Each
// reader catches up from the last change it saw (all of them once, at start), so a request costs a fold of
// the changes since the previous one plus a pass over the people it asks about, never a scan of records.
#include <atomic>
#include <chrono>
#include <thread>
#include <mutex>
#include <string>
#include <vector>

#include "tandem/analytics/activity_ledger.h"
#include "tandem/sync/org_chart.h"
#include "tandem/sync/store.h"

namespace tandem::server {

class AnalyticsIndex {
public:
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
    void catch_up(Store& store);
    std::mutex mutex_;
    analytics::ActivityLedger ledger_;
    int64_t seq_ = 0;
    std::atomic<bool> ready_{false};
};

// Who a group holds, for figures: "org" everyone, "tree:M" everyone below M, "team:M" M's direct reports
// (people who left stay under the manager they left from, so their exits count there).
std::vector<std::string> members_of(const OrgChart& org, const std::string& group);

// The figures of these people over [from, to].
analytics::GroupFigures figures_of(const analytics::ActivityLedger& ledger, const std::vector<std::string>& people,
                                   analytics::Day from, analytics::Day to);

}  // namespace tandem::server
