#pragma once
// Small pieces every route file uses: JSON answers and errors in the API's shape (docs/api.md, Conventions),
// body and parameter parsing, the wall clock.
#include <httplib.h>

#include <optional>
#include <string>

#include "tandem/base/change.h"
#include "tandem/sync/policy.h"

namespace tandem::server {

constexpr size_t kMaxSignInBody = 4 * 1024;
constexpr size_t kMaxEmptyBody = 1024;

int64_t now_millis();
void send_json(httplib::Response& response, int status, const Json& body);
void send_error(httplib::Response& response, int status, const std::string& code, const std::string& message);
// The body as a JSON object, or an error answer already sent (malformed_json / invalid_request).
std::optional<Json> parse_body(const httplib::Request& request, httplib::Response& response);
// A whole number >= 0 from the query, `fallback` when absent; false when present but not such a number.
bool parse_int_parameter(const httplib::Request& request, const char* name, int64_t fallback, int64_t& out);
// True for an HR admin; anyone else gets 403 forbidden, already sent.
bool require_hr(const Actor& actor, httplib::Response& response);

} // namespace tandem::server
