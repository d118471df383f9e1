#include "features/surveys/survey_client.h"

namespace tandem::client {

namespace {
std::string cache_key(const std::string& survey, const std::string& group) { return "results/" + survey + "/" + group; }

std::string error_text(int status, const std::string& raw) {
    if (status == 0) return "No connection: showing what this device kept, if anything.";
    Json body = Json::parse(raw, nullptr, false);
    if (body.is_object() && body.contains("error")) return body["error"].value("message", "The server refused.");
    return "The server answered " + std::to_string(status) + ".";
}

// A CSV field, quoted when it holds a comma, quote or line break.
std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}
}  // namespace

const SurveyClient::Results& SurveyClient::results(const std::string& survey, const std::string& group) {
    const std::string key = cache_key(survey, group);
    auto it = results_.find(key);
    if (it == results_.end()) {
        Results kept;
        Json saved = Json::parse(store_ ? store_->setting(key).value_or("") : "", nullptr, false);
        if (saved.is_object()) {
            kept.body = saved["body"];
            kept.fetched_on = saved.value("fetched_on", "");
        }
        it = results_.emplace(key, std::move(kept)).first;
    }
    return it->second;
}

void SurveyClient::refresh(Platform& platform, const std::string& token, const std::string& survey,
                           const std::string& group, const std::string& today) {
    const std::string key = cache_key(survey, group);
    results(survey, group);
    Results& entry = results_[key];
    if (entry.loading) return;
    entry.loading = true;
    entry.error.clear();
    HttpRequest request{"GET", "/api/v1/surveys/" + survey + "/results?children=true&group=" + group, "", token};
    Store* asked_for = store_;
    platform.send(request, [this, asked_for, key, today](HttpResponse response) {
        if (store_ != asked_for) return;  // signed out (or another user) meanwhile
        Results& done = results_[key];
        done.loading = false;
        Json body = Json::parse(response.body, nullptr, false);
        if (response.status != 200 || !body.is_object()) {
            done.error = error_text(response.status, response.body);
            return;
        }
        done.body = body;
        done.fetched_on = today;
        // Kept for offline reading: only figures the server already judged safe to show this reader.
        if (store_) store_->set_setting(key, Json{{"body", body}, {"fetched_on", today}}.dump());
    });
}

void SurveyClient::export_links(Platform& platform, const std::string& token, const std::string& survey,
                                const std::string& survey_title, const std::string& manager_id,
                                const std::string& manager_name, int count) {
    if (busy) return;
    busy = true;
    message = "Making " + std::to_string(count) + " links…";
    message_is_error = false;
    HttpRequest request{"POST", "/api/v1/surveys/" + survey + "/links",
                        Json{{"team_of", manager_id}, {"count", count}}.dump(), token};
    platform.send(request, [this, &platform, survey_title, manager_name](HttpResponse response) {
        busy = false;
        Json body = Json::parse(response.body, nullptr, false);
        if (response.status != 200 || !body.is_object()) {
            message = error_text(response.status, response.body);
            message_is_error = true;
            return;
        }
        // One row per link and nothing else: the file is for sending, and it must not say who got which.
        std::string csv = "survey,team,link\r\n";
        for (const auto& link : body["links"])
            csv += csv_field(survey_title) + "," + csv_field(manager_name) + "," +
                   csv_field(platform.origin() + link.value("path", "")) + "\r\n";
        platform.save_file("answer-links.csv", csv, "text/csv");
        message = std::to_string(body["links"].size()) + " links saved as answer-links.csv. Each works once; "
                  "send one to each person in the team.";
        message_is_error = false;
    });
}

void SurveyClient::forget() {
    results_.clear();
    store_ = nullptr;
    survey_id.clear();
    group.clear();
    message.clear();
    busy = false;
}

} // namespace tandem::client
