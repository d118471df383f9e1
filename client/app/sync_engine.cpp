#include "app/sync_engine.h"

#include <algorithm>
#include <utility>

namespace tandem::client {

namespace {
constexpr uint64_t kRoundIntervalMs = 30'000;
constexpr uint64_t kMaxBackoffMs = 60'000;
constexpr int kPushBatch = 200;
constexpr int kPullPage = 1000;
constexpr size_t kMergeStep = 25;  // changes per transaction between clock checks
}  // namespace

void SyncEngine::tick(Platform& platform, Replica& replica, const std::string& token,
                      const std::function<void()>& changed) {
    if (!page_.is_null()) {
        if (std::exchange(page_parsed_this_frame_, false) || merge_budget_ms_ == 0) return;
        return merge_slice(platform, replica, token, changed);
    }
    if (in_flight_ || state_ == State::NeedsSignIn || token.empty()) return;
    if (platform.now_millis() < next_round_ms_) return;
    round_wanted_ = false;
    start_push(platform, replica, token, changed);
}

void SyncEngine::start_push(Platform& platform, Replica& replica, const std::string& token,
                            const std::function<void()>& changed) {
    auto body = replica.next_push(kPushBatch);
    if (!body) return start_pull(platform, replica, token, changed);
    state_ = State::Pushing;
    in_flight_ = true;
    platform.send(HttpRequest{"POST", "/api/v1/sync/push", body->dump(), token},
                  [this, alive = alive_, &platform, &replica, token, changed](HttpResponse response) {
                      if (!*alive) return;
                      in_flight_ = false;
                      if (response.status != 200) return fail(platform, response);
                      Json answer = Json::parse(response.body, nullptr, false);
                      if (answer.is_discarded() || !answer.contains("results"))
                          return fail(platform, HttpResponse{502, ""});
                      replica.apply_push_results(answer);
                      changed();  // refused changes show up in the status bar
                      start_push(platform, replica, token, changed);
                  });
}

void SyncEngine::start_pull(Platform& platform, Replica& replica, const std::string& token,
                            const std::function<void()>& changed) {
    state_ = State::Pulling;
    in_flight_ = true;
    if (round_since_ < 0) {
        round_since_ = pull_cursor_ = replica.cursor();
        changes_merged_ = 0;
        pull_head_ = -1;
    }
    const std::string path =
        "/api/v1/sync/pull?since=" + std::to_string(replica.cursor()) + "&limit=" + std::to_string(kPullPage);
    platform.send(HttpRequest{"GET", path, "", token}, [this, alive = alive_, &platform, &replica, token,
                                                           changed](HttpResponse response) {
        if (!*alive) return;
        in_flight_ = false;
        if (response.status != 200) return fail(platform, response);
        Json page = Json::parse(response.body, nullptr, false);
        if (page.is_discarded() || !page.contains("changes") || !page.contains("cursor"))
            return fail(platform, HttpResponse{502, ""});
        page_ = std::move(page);
        page_next_ = 0;
        pull_head_ = page_.value("head", int64_t(-1));
        // Parsing a page of changes took this frame's time; merging starts on the next one. An empty page (the
        // usual quiet round) ends the round now.
        if (!page_["changes"].empty()) {
            page_parsed_this_frame_ = true;
            return;
        }
        merge_slice(platform, replica, token, changed);
    });
}

void SyncEngine::merge_slice(Platform& platform, Replica& replica, const std::string& token,
                             const std::function<void()>& changed) {
    const Json& changes = page_["changes"];
    const uint64_t started = platform.now_millis();
    do {
        const size_t end = std::min(changes.size(), page_next_ + kMergeStep);
        replica.merge_pulled(changes, page_next_, end);
        changes_merged_ += int64_t(end - page_next_);
        page_next_ = end;
    } while (page_next_ < changes.size() && platform.now_millis() - started < merge_budget_ms_);
    // Merged records need saving and the views refreshing; an empty page (the usual quiet round every
    // 30 s) changes nothing a person sees, so it rebuilds nothing. Its cursor is saved with the next flush.
    if (!changes.empty()) changed();
    if (page_next_ < changes.size()) return;  // the rest on the next frames
    pull_cursor_ = page_["cursor"].get<int64_t>();
    replica.finish_pull(pull_cursor_);
    const bool more = page_.value("more", false);
    page_ = Json();
    if (more) return start_pull(platform, replica, token, changed);
    finish_round(platform);
}

double SyncEngine::pull_progress() const {
    if (state_ != State::Pulling || pull_head_ < 0 || round_since_ < 0 || pull_head_ <= round_since_) return -1;
    // Within the page being merged, the share of its changes merged so far moves the bar on.
    double done = double(std::max<int64_t>(0, pull_cursor_ - round_since_));
    if (!page_.is_null() && page_["changes"].size() > 0 && page_["cursor"].is_number_integer())
        done += double(page_["cursor"].get<int64_t>() - pull_cursor_) * double(page_next_) /
                double(page_["changes"].size());
    return std::min(1.0, done / double(pull_head_ - round_since_));
}

void SyncEngine::finish_round(Platform& platform) {
    round_since_ = -1;
    state_ = State::Idle;
    failures_ = 0;
    last_error_.clear();
    last_synced_ms_ = platform.now_millis();
    next_round_ms_ = round_wanted_ ? 0 : last_synced_ms_ + kRoundIntervalMs;
}

void SyncEngine::fail(Platform& platform, const HttpResponse& response) {
    if (response.status == 401) {
        state_ = State::NeedsSignIn;
        last_error_ = "Your session has ended. Sign in again; nothing you saved is lost.";
        return;
    }
    ++failures_;
    state_ = response.status == 0 ? State::Offline : State::Idle;
    if (response.status == 0) {
        last_error_ = "No connection to the server";
    } else {
        Json body = Json::parse(response.body, nullptr, false);
        last_error_ = body.is_object() && body.contains("error")
                          ? body["error"].value("message", std::string("The server refused the request"))
                          : "The server answered " + std::to_string(response.status);
    }
    // 1 s, 2 s, 4 s ... capped at a minute, so a server coming back is found quickly but not hammered.
    const uint64_t backoff = std::min<uint64_t>(kMaxBackoffMs, 1000ull << std::min(failures_ - 1, 6));
    next_round_ms_ = platform.now_millis() + backoff;
}

} // namespace tandem::client
