#include "http_api.h"

#include <chrono>
#include <cstdio>

#include "audit_log.h"
#include "http_helpers.h"
#include "static_files.h"
#include "tandem/ids.h"
#include "tandem/records/records.h"
#include "tandem/sync_service.h"

namespace tandem::server {

namespace {

constexpr size_t kMaxChangesPerPush = 5000;
constexpr int kDefaultPullLimit = 500;
constexpr int kMaxPullLimit = 1000;


// Generic answers for statuses httplib produces itself (unknown route, a request it could not parse, ...).
std::pair<const char*, const char*> default_error(int status) {
    switch (status) {
    case 400: return {"invalid_request", "The request could not be understood."};
    case 401: return {"unauthenticated", "Sign in first."};
    case 404: return {"not_found", "There is nothing at this address."};
    case 405: return {"method_not_allowed", "This address does not accept that method."};
    case 408: return {"request_timeout", "The request took too long to arrive."};
    case 413: return {"payload_too_large", "The request body is larger than the server accepts."};
    case 414: return {"invalid_request", "The address is too long."};
    case 415: return {"unsupported_media_type", "The body is not of a type this address accepts."};
    case 431: return {"headers_too_large", "The request has too many or too large headers."};
    default: return {"internal_error", "The server could not complete the request."};
    }
}

// What the connection layer refused part-way through a request, as the status the client should see.
int refusal_status(Refusal refusal) {
    switch (refusal) {
    case Refusal::HeadTimeout:
    case Refusal::BodyTimeout: return 408;
    case Refusal::HeadTooLarge: return 431;
    case Refusal::None: break;
    }
    return 0;
}

// Content-Length as digits only; anything else (signs, spaces, lists) is a malformed request.
std::optional<size_t> content_length(const httplib::Request& request) {
    if (!request.has_header("Content-Length")) return size_t(0);
    if (request.get_header_value_count("Content-Length") != 1) return std::nullopt;
    const std::string text = request.get_header_value("Content-Length");
    if (text.empty() || text.size() > 15 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return size_t(std::stoull(text));
}

// The session the gate found for the request this thread is serving (see TandemServer::gate).
struct GateVerdict {
    std::optional<Actor> actor;
    std::string token;
    std::optional<Kiosk> kiosk;
};
thread_local GateVerdict gate_verdict;

}  // namespace

OrgChart load_org_chart(Store& store) {
    OrgChart org;
    for (const auto& person : store.records_of("person")) {
        if (person.state.deleted) continue;
        Role role = Role::Employee;
        parse_role(person.state.text("role"), role);
        org.set_person(person.state.record_id, person.state.text("manager_id"), role);
        org.set_name(person.state.record_id, person.state.text("name"));
    }
    return org;
}

TandemServer::TandemServer(ServerOptions options)
    : options_(std::move(options)),
      databases_(options_.database_path, size_t(std::max(2, options_.threads))),
      accounts_(options_.session_days),
      hasher_(options_.hashing_threads, 4 * options_.hashing_threads),
      http_(options_.connections, size_t(std::max(2, options_.threads))) {
    reload_org_chart();
    (void)decoy_password_hash();  // computed once now rather than inside the first sign-in
    http_.set_keep_alive_timeout(
        std::chrono::duration_cast<std::chrono::seconds>(options_.connections.keep_alive_timeout).count());
    http_.set_keep_alive_max_count(options_.connections.keep_alive_max_requests);
    http_.set_read_timeout(std::chrono::duration_cast<std::chrono::seconds>(options_.connections.io_timeout).count());
    http_.set_write_timeout(std::chrono::duration_cast<std::chrono::seconds>(options_.connections.io_timeout).count());
    add_routes();
    if (!options_.web_dir.empty()) serve_web_client(http_, options_.web_dir);
    analytics_warm_up_ = std::thread([this] {
        databases_.read([this](Store& store) {
            return analytics_.with_ledger(store, [](const analytics::ActivityLedger&) { return 0; });
        });
    });
}

TandemServer::~TandemServer() {
    stop();
    if (analytics_warm_up_.joinable()) analytics_warm_up_.join();
}

int TandemServer::bind() {
    if (options_.port == 0) options_.port = http_.bind_to_any_port(options_.host);
    else if (!http_.bind_to_port(options_.host, options_.port)) return -1;
    http_.widen_listen_backlog();
    return options_.port;
}

bool TandemServer::run() { return http_.listen_after_bind(); }
void TandemServer::stop() { http_.shut_down(); }

std::shared_ptr<const OrgChart> TandemServer::org_chart() {
    std::lock_guard<std::mutex> lock(org_mutex_);
    return org_;
}

void TandemServer::reload_org_chart() {
    auto org = databases_.read([](Store& store) { return std::make_shared<const OrgChart>(load_org_chart(store)); });
    std::lock_guard<std::mutex> lock(org_mutex_);
    org_ = std::move(org);
}

void TandemServer::register_handler(const std::string& method, const std::string& pattern,
                                    httplib::Server::Handler handler) {
    if (method == "GET") http_.Get(pattern, std::move(handler));
    else if (method == "POST") http_.Post(pattern, std::move(handler));
    else if (method == "DELETE") http_.Delete(pattern, std::move(handler));
    else throw std::logic_error("no route registration for " + method);
}

void TandemServer::public_route(const std::string& method, const std::string& pattern, size_t max_body,
                                httplib::Server::Handler handler) {
    routes_.push_back(Route{method, std::regex(pattern), Access::Public, max_body, ""});
    register_handler(method, pattern, std::move(handler));
}

void TandemServer::session_route(const std::string& method, const std::string& pattern, size_t max_body,
                                 SessionHandler handler, const std::string& content_type) {
    routes_.push_back(Route{method, std::regex(pattern), Access::Session, max_body, content_type});
    register_handler(method, pattern, [handler](const httplib::Request& request, httplib::Response& response) {
        // The gate ran for this request on this thread and found the session; without one it never routes.
        if (!gate_verdict.actor)
            return send_error(response, 401, "unauthenticated", "Sign in again: the session is missing or ended.");
        handler(request, response, *gate_verdict.actor, gate_verdict.token);
    });
}

void TandemServer::kiosk_route(const std::string& method, const std::string& pattern, size_t max_body,
                               KioskHandler handler) {
    routes_.push_back(Route{method, std::regex(pattern), Access::Kiosk, max_body, ""});
    register_handler(method, pattern, [handler](const httplib::Request& request, httplib::Response& response) {
        if (!gate_verdict.kiosk)
            return send_error(response, 401, "unauthenticated", "This kiosk is not registered or was revoked.");
        handler(request, response, *gate_verdict.kiosk);
    });
}

httplib::Server::HandlerResponse TandemServer::gate(const httplib::Request& request, httplib::Response& response) {
    using Verdict = httplib::Server::HandlerResponse;
    gate_verdict = GateVerdict{};
    Connection* connection = current_connection();
    auto refuse = [&](int status, const std::string& code, const std::string& message) {
        send_error(response, status, code, message);
        return Verdict::Handled;
    };
    // A NUL or control character has no place in an address and could make one file pass for another.
    if (has_control_characters(request.path))
        return refuse(400, "invalid_request", "The address contains control characters.");

    const Route* route = nullptr;
    bool path_known = false;
    for (const auto& candidate : routes_) {
        if (!std::regex_match(request.path, candidate.path)) continue;
        path_known = true;
        if (candidate.method == request.method || (candidate.method == "GET" && request.method == "HEAD")) {
            route = &candidate;
            break;
        }
    }
    if (!route) {
        const bool is_api = request.path.rfind("/api/", 0) == 0;
        if (path_known) return refuse(405, "method_not_allowed", "This address does not accept that method.");
        if (is_api || (request.method != "GET" && request.method != "HEAD"))
            return refuse(404, "not_found", "There is nothing at this address.");
        if (connection) connection->grant_body(0);  // the web client's files: no body is read
        return Verdict::Unhandled;
    }

    if (request.has_header("Transfer-Encoding"))
        return refuse(411, "length_required", "Send the body with a Content-Length header; chunked bodies are "
                                              "not accepted.");
    const auto length = content_length(request);
    if (!length) return refuse(400, "invalid_request", "The Content-Length header is not a single whole number.");
    if (*length > route->max_body)
        return refuse(413, "payload_too_large",
                      "The request body is larger than this address accepts (" + std::to_string(route->max_body) +
                          " bytes).");
    if (!route->content_type.empty() && *length > 0) {
        const std::string type = request.get_header_value("Content-Type");
        if (type.substr(0, type.find(';')) != route->content_type)
            return refuse(415, "unsupported_media_type", "Send the body as " + route->content_type + ".");
    }
    auto token = bearer_token(request.get_header_value("Authorization"));
    auto kiosk_of = [&](const std::string& bearer) {
        return databases_.read([&](Store& store) { return active_kiosk(store, token_digest(bearer)); });
    };
    if (route->access == Access::Kiosk) {
        if (token) gate_verdict.kiosk = kiosk_of(*token);
        if (!gate_verdict.kiosk) return refuse(401, "unauthenticated", "This kiosk is not registered or was revoked.");
    } else if (route->access == Access::Session) {
        if (token)
            gate_verdict.actor = databases_.read(
                [&](Store& store) { return accounts_.authenticate(store, *token, now_millis() / 1000); });
        if (!gate_verdict.actor) {
            // A kiosk may only take answers: anything else it tries is refused as such, not as a lost session.
            if (token && kiosk_of(*token)) return refuse(403, "forbidden", "A kiosk may only send survey answers.");
            return refuse(401, "unauthenticated", "Sign in again: the session is missing or ended.");
        }
        gate_verdict.token = *token;
    } else if (token && request.path.rfind("/api/", 0) == 0 && kiosk_of(*token)) {
        return refuse(403, "forbidden", "A kiosk may only send survey answers.");
    }
    if (connection) connection->grant_body(*length);
    return Verdict::Unhandled;
}

void TandemServer::sign_in(const httplib::Request& request, httplib::Response& response) {
    auto body = parse_body(request, response);
    if (!body) return;
    auto email = body->find("email"), password = body->find("password");
    if (email == body->end() || !email->is_string() || password == body->end() || !password->is_string() ||
        email->get_ref<const std::string&>().size() > 254 || password->get_ref<const std::string&>().size() > 1024)
        return send_error(response, 400, "invalid_request", "Send {\"email\": \"...\", \"password\": \"...\"} as strings.");
    const std::string& address = email->get_ref<const std::string&>();
    const int64_t now = now_millis();
    if (int64_t wait = throttle_.wait_seconds(address, request.remote_addr, now)) {
        response.set_header("Retry-After", std::to_string(wait));
        return send_error(response, 429, "rate_limited",
                          "Too many failed sign-ins from here; try again in " + std::to_string(wait) + " s.");
    }
    // The reader is returned before hashing: a slow check must not hold a database connection.
    auto account = databases_.read([&](Store& store) { return find_account(store, address); });
    auto matches = hasher_.verify(account ? account->password_hash : decoy_password_hash(),
                                  password->get_ref<const std::string&>());
    if (!matches) {
        response.set_header("Retry-After", "1");
        return send_error(response, 429, "rate_limited", "The server is busy checking other sign-ins; try again.");
    }
    if (!*matches || !account) {
        throttle_.record_failure(address, request.remote_addr, now);
        return send_error(response, 401, "invalid_credentials", "The e-mail or password is not right.");
    }
    throttle_.record_success(address, request.remote_addr);
    const std::string token =
        databases_.write([&](Store& store) { return accounts_.open_session(store, *account, now / 1000); });
    send_sign_in(response, token, *account);
}

void TandemServer::send_sign_in(httplib::Response& response, const std::string& token, const Account& account) {
    Json body{{"token", token},
              {"user", {{"id", account.person_id}, {"name", account.name}, {"role", to_string(account.role)}}}};
    // A recent reset by HR is told to the person, on each sign-in while it is recent (see accounts.h).
    if (account.reset)
        body["password_reset"] = Json{{"at", iso_utc(account.reset->at)},
                                      {"by", account.reset->by_name.empty() ? Json() : Json(account.reset->by_name)},
                                      {"by_id", account.reset->by_id}};
    send_json(response, 200, body);
}

void TandemServer::add_routes() {
    http_.set_pre_routing_handler(
        [this](const httplib::Request& request, httplib::Response& response) { return gate(request, response); });
    http_.set_error_handler([](const httplib::Request&, httplib::Response& response) {
        const Connection* connection = current_connection();
        if (int status = connection ? refusal_status(connection->refusal()) : 0) {
            response.status = status;
            response.body.clear();
        }
        if (!response.body.empty()) return;
        auto [code, message] = default_error(response.status);
        send_error(response, response.status, code, message);
    });
    http_.set_exception_handler([](const httplib::Request& request, httplib::Response& response,
                                   std::exception_ptr error) {
        std::string what = "unknown";
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        // An answer link's token is in its path: logs never print it (docs/security-and-privacy.md, Survey
        // anonymity).
        const std::string path =
            request.path.rfind("/api/v1/answer/", 0) == 0 ? std::string("/api/v1/answer/...") : request.path;
        std::fprintf(stderr, "tandem-server: %s %s failed: %s\n", request.method.c_str(), path.c_str(), what.c_str());
        send_error(response, 500, "internal_error", "The server could not complete the request; nothing was saved.");
    });
    http_.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
        // A request refused before its body was read leaves that body on the wire: say the connection ends.
        const Connection* connection = current_connection();
        if (connection && !connection->reusable() && response.get_header_value("Connection") != "close")
            response.set_header("Connection", "close");
        response.set_header("X-Content-Type-Options", "nosniff");
        if (response.get_header_value("Content-Type").rfind("application/json", 0) == 0)
            response.set_header("Cache-Control", "no-store");
    });

    public_route("GET", "/healthz", 0, [](const httplib::Request&, httplib::Response& response) {
        send_json(response, 200, Json{{"status", "ok"}});
    });

    public_route("POST", "/api/v1/session", kMaxSignInBody,
                 [this](const httplib::Request& request, httplib::Response& response) { sign_in(request, response); });

    session_route("DELETE", "/api/v1/session", kMaxEmptyBody,
                  [this](const httplib::Request&, httplib::Response& response, const Actor&, const std::string& token) {
                      databases_.write([&](Store& store) { accounts_.sign_out(store, token); });
                      response.status = 204;
                  });

    session_route("POST", "/api/v1/sync/push", options_.max_body_bytes,
                  [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                         const std::string&) { push(request, response, actor); });

    session_route("GET", "/api/v1/sync/pull", 0,
                  [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                         const std::string&) { pull(request, response, actor); });
    add_people_routes();
    add_survey_routes();
    add_partnership_routes();
    add_analytics_routes();
}

// A survey's anonymity thresholds are a promise to the people answering it, so every accepted change of one
// is audited, in the push's own transaction (a refused or failed push leaves no entry).
static void audit_threshold_change(Store& store, const Actor& actor, const Change& change,
                                   const RecordState* before, int64_t now_seconds) {
    if (change.entity != "survey" || !before || change.deleted) return;
    // What the record holds now: a change whose stamp lost the merge changed nothing and is not audited.
    auto stored = store.load(change.record_id);
    if (!stored) return;
    Json details = Json::object();
    for (const char* field : kSurveyThresholds) {
        if (change.fields.find(field) == change.fields.end()) continue;
        const int64_t old_value = survey_threshold(before->value(field)),
                      new_value = survey_threshold(stored->state.value(field));
        if (old_value != new_value) details[field] = Json{{"old", old_value}, {"new", new_value}};
    }
    if (!details.empty())
        record_audit(store, actor.person_id, "survey.thresholds", change.record_id, details, now_seconds);
}

void TandemServer::push(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    auto body = parse_body(request, response);
    if (!body) return;
    auto device = body->find("device_id");
    auto changes = body->find("changes");
    if (device == body->end() || !device->is_string() || !is_client_token(device->get_ref<const std::string&>()))
        return send_error(response, 400, "invalid_request",
                          "\"device_id\" must be 1-64 characters of A-Z a-z 0-9 . _ : -");
    if (changes == body->end() || !changes->is_array())
        return send_error(response, 400, "invalid_request", "\"changes\" must be an array.");
    if (changes->size() > kMaxChangesPerPush)
        return send_error(response, 413, "payload_too_large",
                          "Send at most " + std::to_string(kMaxChangesPerPush) + " changes per push.");
    auto org = org_chart();
    const int64_t now = now_millis();
    auto outcomes = databases_.write([&](Store& store) {
        return SyncService(store).push(actor, *org, *device, *changes, uint64_t(now),
                                       [&](const Change& change, const RecordState* before) {
                                           audit_threshold_change(store, actor, change, before, now / 1000);
                                       });
    });
    Json results = Json::array();
    for (const auto& outcome : outcomes) {
        Json result{{"id", outcome.id}, {"status", outcome.status}};
        if (outcome.error) result["error"] = outcome.error->to_json();
        results.push_back(std::move(result));
    }
    send_json(response, 200, Json{{"results", std::move(results)}});
}

void TandemServer::pull(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    int64_t since = 0, limit = 0;
    if (!parse_int_parameter(request, "since", 0, since))
        return send_error(response, 400, "invalid_parameter", "\"since\" must be a whole number >= 0.");
    if (!parse_int_parameter(request, "limit", kDefaultPullLimit, limit))
        return send_error(response, 400, "invalid_parameter", "\"limit\" must be a whole number.");
    limit = std::clamp<int64_t>(limit, 1, kMaxPullLimit);
    auto org = org_chart();
    auto page =
        databases_.read([&](Store& store) { return SyncService(store).pull(actor, *org, since, int(limit)); });
    response.status = 200;
    response.set_content(pull_response_json(page), "application/json");
}

} // namespace tandem::server
