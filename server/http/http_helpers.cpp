#include "http/http_helpers.h"

#include <chrono>

namespace tandem::server {

int64_t now_millis() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void send_json(httplib::Response& response, int status, const Json& body) {
    response.status = status;
    response.set_content(body.dump(), "application/json");
}

void send_error(httplib::Response& response, int status, const std::string& code, const std::string& message) {
    send_json(response, status, Json{{"error", Problem{code, message}.to_json()}});
}

std::optional<Json> parse_body(const httplib::Request& request, httplib::Response& response) {
    Json body = Json::parse(request.body, nullptr, false);
    if (body.is_discarded()) {
        send_error(response, 400, "malformed_json", "The request body is not valid JSON.");
        return std::nullopt;
    }
    if (!body.is_object()) {
        send_error(response, 400, "invalid_request", "The request body must be a JSON object.");
        return std::nullopt;
    }
    return body;
}

bool parse_int_parameter(const httplib::Request& request, const char* name, int64_t fallback, int64_t& out) {
    if (!request.has_param(name)) {
        out = fallback;
        return true;
    }
    const std::string text = request.get_param_value(name);
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoll(text);
    return true;
}

bool require_hr(const Actor& actor, httplib::Response& response) {
    if (actor.role == Role::HrAdmin) return true;
    send_error(response, 403, "forbidden", "Only HR admins may do this.");
    return false;
}

} // namespace tandem::server
