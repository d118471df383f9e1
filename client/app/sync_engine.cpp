#include "app/sync_engine.h"

#include <algorithm>

namespace tandem::client {

namespace {
constexpr uint64_t kRoundIntervalMs = 30'000;
constexpr uint64_t kMaxBackoffMs = 60'000;
constexpr int kPushBatch = 200;
constexpr int kPullPage = 1000;
constexpr uint64_t kMergeBudgetMs = 12;  // merging per frame, so a catch-up keeps the UI above 30 fps
constexpr size_t kMergeStep = 25;        // changes per transaction between clock checks
}  // namespace

void SyncEngine::tick(Platform& platform, Replica& replica, const std::string& token,
                      const std::function<void()>& changed) {
    if (!page_.is_null()) return merge_slice(platform, replica, token, changed);
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
        page_next_ = end;
    } while (page_next_ < changes.size() && platform.now_millis() - started < kMergeBudgetMs);
    // Merged records need saving and the views refreshing; an empty page (the usual quiet round every
    // 30 s) changes nothing a person sees, so it rebuilds nothing. Its cursor is saved with the next flush.
    if (!changes.empty()) changed();
    if (page_next_ < changes.size()) return;  // the rest on the next frames
    replica.finish_pull(page_["cursor"].get<int64_t>());
    const bool more = page_.value("more", false);
    page_ = Json();
    if (more) return start_pull(platform, replica, token, changed);
    finish_round(platform);
}

void SyncEngine::finish_round(Platform& platform) {
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
