#include "feature_api/kept_figures.h"

namespace tandem::client {

std::string server_error_text(int status, const std::string& raw) {
    if (status == 0) return "No connection: showing what this device kept, if anything.";
    Json body = Json::parse(raw, nullptr, false);
    if (body.is_object() && body.contains("error") && body["error"].is_object())
        return body["error"].value("message", "The server refused.");
    return "The server answered " + std::to_string(status) + ".";
}

const KeptFigures::Entry& KeptFigures::get(const std::string& key) {
    auto it = entries_.find(key);
    if (it == entries_.end()) {
        Entry kept;
        Json saved = Json::parse(store_ ? store_->setting(key).value_or("") : "", nullptr, false);
        if (saved.is_object()) {
            kept.body = saved["body"];
            kept.fetched_on = saved.value("fetched_on", "");
        }
        it = entries_.emplace(key, std::move(kept)).first;
    }
    return it->second;
}

void KeptFigures::refresh(Platform& platform, const std::string& token, const std::string& key,
                          const std::string& path, const std::string& today) {
    get(key);
    Entry& entry = entries_[key];
    if (entry.loading) return;
    entry.loading = true;
    entry.error.clear();
    Store* asked_for = store_;
    platform.send(HttpRequest{"GET", path, "", token}, [this, asked_for, key, today](HttpResponse response) {
        if (store_ != asked_for) return;  // signed out (or another user) meanwhile
        Entry& done = entries_[key];
        done.loading = false;
        Json body = Json::parse(response.body, nullptr, false);
        if (response.status != 200 || !body.is_object()) {
            done.error = server_error_text(response.status, response.body);
            return;
        }
        done.body = body;
        done.fetched_on = today;
        // Kept for offline reading: only figures the server already judged this reader may see.
        if (store_) {
            store_->set_setting(key, Json{{"body", body}, {"fetched_on", today}}.dump());
            if (kept_) kept_();
        }
    });
}

void KeptFigures::keep(const std::string& key, const Json& body, const std::string& today) {
    get(key);
    Entry& entry = entries_[key];
    entry.body = body;
    entry.fetched_on = today;
    entry.error.clear();
    if (store_) {
        store_->set_setting(key, Json{{"body", body}, {"fetched_on", today}}.dump());
        if (kept_) kept_();
    }
}

} // namespace tandem::client
