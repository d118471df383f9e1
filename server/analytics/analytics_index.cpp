#include "analytics/analytics_index.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace tandem::server {

namespace {
double seconds_between(std::chrono::steady_clock::time_point from, std::chrono::steady_clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}
}  // namespace

AnalyticsIndex::AnalyticsIndex(Databases& databases, int64_t snapshot_every)
    : databases_(&databases), snapshot_every_(snapshot_every), writer_([this] { write_snapshots(); }) {}

AnalyticsIndex::~AnalyticsIndex() {
    if (!writer_.joinable()) return;
    {
        std::lock_guard<std::mutex> lock(pending_mutex_);
        stopping_ = true;
    }
    pending_changed_.notify_one();
    writer_.join();  // after writing what is pending: a server stopped right after a save keeps it
}

void AnalyticsIndex::start_from_snapshot(Store& store) {
    started_ = true;
    if (!databases_) return;
    // Read before the snapshot: an erasure between the two then stops this ledger from being saved.
    erasure_at_start_ = last_erasure(store);
    const auto started = std::chrono::steady_clock::now();
    auto snapshot = read_analytics_snapshot(store);
    if (!snapshot) {
        start_report_ = "no snapshot";
        return;
    }
    const auto read = std::chrono::steady_clock::now();
    auto restored = analytics::ActivityLedger::restore(snapshot->bytes);
    char report[160];
    std::snprintf(report, sizeof report, "a snapshot of %.1f MB read in %.2f s, %s in %.2f s",
                  double(snapshot->bytes.size()) / 1e6, seconds_between(started, read),
                  restored ? "restored" : "refused", seconds_between(read, std::chrono::steady_clock::now()));
    start_report_ = report;
    if (!restored) return;  // another version, or damaged: the log has everything
    ledger_ = std::move(*restored);
    seq_ = snapshot->covers_seq;
}

void AnalyticsIndex::save_if_due() {
    if (!databases_ || snapshot_every_ <= 0 || folded_since_save_ < snapshot_every_ || saving_stopped_) return;
    folded_since_save_ = 0;
    AnalyticsSnapshot snapshot{seq_, ledger_.save()};
    {
        std::lock_guard<std::mutex> lock(pending_mutex_);
        pending_ = std::move(snapshot);  // a newer one replaces one not yet written
    }
    pending_changed_.notify_one();
}

void AnalyticsIndex::write_snapshots() {
    for (;;) {
        AnalyticsSnapshot snapshot;
        {
            std::unique_lock<std::mutex> lock(pending_mutex_);
            pending_changed_.wait(lock, [this] { return pending_ || stopping_; });
            if (!pending_) return;
            snapshot = std::move(*pending_);
            pending_.reset();
        }
        try {
            databases_->write([&](Store& store) {
                // Checked under the write lock every instance takes, so an erasure cannot slip in between.
                if (last_erasure(store) > erasure_at_start_) {
                    saving_stopped_ = true;
                    return;
                }
                write_analytics_snapshot(store, snapshot.covers_seq, snapshot.bytes);
            });
        } catch (const std::exception& error) {  // without it the next start only takes longer
            std::fprintf(stderr, "tandem-server: saving the analytics snapshot failed: %s\n", error.what());
        }
    }
}

void AnalyticsIndex::catch_up(Store& store) {
    if (!started_) start_from_snapshot(store);
    const auto fold_started = std::chrono::steady_clock::now();
    constexpr int kBatch = 20000;
    Statement read(store.database(),
                   "SELECT seq, body FROM change_log WHERE seq > ? AND entity IN ('person', 'checkin', 'cadence', "
                   "'action_item', 'feedback', 'recognition', 'mentoring_pair', 'mentoring_session') "
                   "ORDER BY seq LIMIT ?");
    const int64_t last = store.last_seq();
    int64_t folded = 0;
    if (seq_ == 0) ledger_.reserve(size_t(last));  // the first fold: about one record per logged change
    while (seq_ < last) {
        read.reset();
        read.bind(1, seq_).bind(2, int64_t(kBatch));
        int rows = 0;
        while (read.step()) {
            ++rows;
            ++folded;
            seq_ = read.integer(0);
            Json body = Json::parse(read.text(1), nullptr, false);
            if (!body.is_object()) continue;  // a body rewritten by an erasure
            Change change;
            change.entity = body.value("entity", "");
            change.record_id = body.value("record_id", "");
            change.hlc = body.value("hlc", "");
            change.deleted = body.value("deleted", false);
            auto fields = body.find("fields");
            if (fields != body.end() && fields->is_object()) change.fields = std::move(*fields);
            ledger_.apply(change);
        }
        if (rows < kBatch) seq_ = std::max(seq_, last);  // the rest of the log holds nothing analytics reads
    }
    ledger_.refresh();
    // Where a start's wait for the first figures went (docs/benchmarks.md, scripts/bench-analytics).
    if (!ready_)
        std::fprintf(stderr, "tandem-server: analytics ready: %s; %lld logged changes folded in %.2f s\n",
                     start_report_.c_str(), static_cast<long long>(folded),
                     seconds_between(fold_started, std::chrono::steady_clock::now()));
    ready_ = true;
    folded_since_save_ += folded;
    save_if_due();
}

std::vector<std::string> members_of(const OrgChart& org, const std::string& group) {
    if (group.rfind("team:", 0) == 0) return org.reports_of(group.substr(5));
    if (group.rfind("tree:", 0) == 0) {
        auto tree = org.tree_of(group.substr(5));
        if (!tree.empty()) tree.erase(tree.begin());  // the manager themself is not in their tree's group
        return tree;
    }
    return {};
}

analytics::GroupFigures figures_of(const analytics::ActivityLedger& ledger, const std::vector<std::string>& people,
                                   analytics::Day from, analytics::Day to) {
    analytics::GroupFigures figures;
    const analytics::Day base = analytics::year_before(to);
    for (const auto& id : people)
        if (const auto* person = ledger.find(id)) analytics::add_person(figures, *person, from, to, base);
    return figures;
}

}  // namespace tandem::server
