#include "features/surveys/survey_client.h"

#include "tandem/base/csv.h"

namespace tandem::client {

namespace {
std::string cache_key(const std::string& survey, const std::string& group) { return "results/" + survey + "/" + group; }
}  // namespace

const SurveyClient::Results& SurveyClient::results(KeptFigures& kept, const std::string& survey,
                                                   const std::string& group) {
    return kept.get(cache_key(survey, group));
}

void SurveyClient::refresh(KeptFigures& kept, Platform& platform, const std::string& token,
                           const std::string& survey, const std::string& group, const std::string& today) {
    kept.refresh(platform, token, cache_key(survey, group),
                  "/api/v1/surveys/" + survey + "/results?children=true&group=" + group, today);
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
            message = server_error_text(response.status, response.body);
            message_is_error = true;
            return;
        }
        // One row per link and nothing else: the file is for sending, and it must not say who got which.
        std::string csv = "survey,team,link\r\n";
        for (const auto& link : body["links"])
            csv += csv_text(survey_title) + "," + csv_text(manager_name) + "," +
                   csv_text(platform.origin() + link.value("path", "")) + "\r\n";
        platform.save_file("answer-links.csv", csv, "text/csv");
        message = std::to_string(body["links"].size()) + " links saved as answer-links.csv. Each works once; "
                  "send one to each person in the team.";
        message_is_error = false;
    });
}

} // namespace tandem::client
