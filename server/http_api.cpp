#include "http_api.h"

#include <chrono>
#include <cstdio>

#include "static_files.h"
#include "tandem/ids.h"
#include "tandem/sync_service.h"

namespace tandem::server {

namespace {

constexpr size_t kMaxChangesPerPush = 5000;
constexpr int kDefaultPullLimit = 500;
constexpr int kMaxPullLimit = 1000;

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

// Generic answers for statuses httplib produces itself (unknown route, 413 before reading the body, ...).
std::pair<const char*, const char*> default_error(int status) {
    switch (status) {
    case 400: return {"invalid_request", "The request could not be understood."};
    case 401: return {"unauthenticated", "Sign in first."};
    case 404: return {"not_found", "There is nothing at this address."};
    case 405: return {"method_not_allowed", "This address does not accept that method."};
    case 413: return {"payload_too_large", "The request body is larger than the server accepts."};
    case 414: return {"invalid_request", "The address is too long."};
    default: return {"internal_error", "The server could not complete the request."};
    }
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

}  // namespace

OrgChart load_org_chart(Store& store) {
    OrgChart org;
    for (const auto& person : store.records_of("person")) {
        if (person.state.deleted) continue;
        Role role = Role::Employee;
        parse_role(person.state.text("role"), role);
        org.set_person(person.state.record_id, person.state.text("manager_id"), role);
    }
    return org;
}

TandemServer::TandemServer(ServerOptions options)
    : options_(std::move(options)),
      databases_(options_.database_path, size_t(std::max(2, options_.threads))),
      accounts_(options_.session_days) {
    reload_org_chart();
    const int threads = options_.threads;
    http_.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
    // Small JSON answers otherwise wait ~40 ms on delayed ACKs; idle keep-alive connections are bounded
    // so they cannot hold every worker thread.
    http_.set_tcp_nodelay(true);
    http_.set_keep_alive_max_count(1000);
    http_.set_keep_alive_timeout(5);
    http_.set_read_timeout(15);
    http_.set_write_timeout(15);
    http_.set_payload_max_length(options_.max_body_bytes);
    add_routes();
    if (!options_.web_dir.empty()) serve_web_client(http_, options_.web_dir);
}

TandemServer::~TandemServer() { stop(); }

int TandemServer::bind() {
    if (options_.port == 0) return options_.port = http_.bind_to_any_port(options_.host);
    return http_.bind_to_port(options_.host, options_.port) ? options_.port : -1;
}

bool TandemServer::run() { return http_.listen_after_bind(); }
void TandemServer::stop() {
    if (http_.is_running()) http_.stop();
}

std::shared_ptr<const OrgChart> TandemServer::org_chart() {
    std::lock_guard<std::mutex> lock(org_mutex_);
    return org_;
}

void TandemServer::reload_org_chart() {
    auto org = databases_.read([](Store& store) { return std::make_shared<const OrgChart>(load_org_chart(store)); });
    std::lock_guard<std::mutex> lock(org_mutex_);
    org_ = std::move(org);
}

void TandemServer::add_routes() {
    http_.set_error_handler([](const httplib::Request&, httplib::Response& response) {
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
        std::fprintf(stderr, "tandem-server: %s %s failed: %s\n", request.method.c_str(), request.path.c_str(),
                     what.c_str());
        send_error(response, 500, "internal_error", "The server could not complete the request; nothing was saved.");
    });
    http_.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
        response.set_header("X-Content-Type-Options", "nosniff");
        if (response.get_header_value("Content-Type").rfind("application/json", 0) == 0)
            response.set_header("Cache-Control", "no-store");
    });

    http_.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
        send_json(response, 200, Json{{"status", "ok"}});
    });

    http_.Post("/api/v1/session", [this](const httplib::Request& request, httplib::Response& response) {
        auto body = parse_body(request, response);
        if (!body) return;
        auto email = body->find("email"), password = body->find("password");
        if (email == body->end() || !email->is_string() || password == body->end() || !password->is_string() ||
            email->get_ref<const std::string&>().size() > 254 || password->get_ref<const std::string&>().size() > 1024)
            return send_error(response, 400, "invalid_request",
                              "Send {\"email\": \"...\", \"password\": \"...\"} as strings.");
        const int64_t now = now_millis() / 1000;
        if (accounts_.throttled(*email, now))
            return send_error(response, 429, "rate_limited", "Too many failed sign-ins; try again in 15 minutes.");
        auto signed_in = databases_.read(
            [&](Store& store) { return accounts_.check_credentials(store, *email, *password); });
        if (!signed_in) {
            accounts_.record_failure(*email, now);
            return send_error(response, 401, "invalid_credentials", "The e-mail or password is not right.");
        }
        databases_.write([&](Store& store) { accounts_.open_session(store, *signed_in, now); });
        send_json(response, 200,
                  Json{{"token", signed_in->token},
                       {"user", {{"id", signed_in->actor.person_id},
                                 {"name", signed_in->name},
                                 {"role", to_string(signed_in->actor.role)}}}});
    });

    // Every other /api/ route: resolve the bearer token to an actor or answer 401.
    auto authenticated = [this](auto handler) {
        return [this, handler](const httplib::Request& request, httplib::Response& response) {
            const std::string header = request.get_header_value("Authorization");
            const std::string prefix = "Bearer ";
            std::optional<Actor> actor;
            std::string token;
            if (header.rfind(prefix, 0) == 0) {
                token = header.substr(prefix.size());
                actor = databases_.read(
                    [&](Store& store) { return accounts_.authenticate(store, token, now_millis() / 1000); });
            }
            if (!actor)
                return send_error(response, 401, "unauthenticated", "Sign in again: the session is missing or ended.");
            handler(request, response, *actor, token);
        };
    };

    http_.Delete("/api/v1/session", authenticated([this](const httplib::Request&, httplib::Response& response,
                                                         const Actor&, const std::string& token) {
                     databases_.write([&](Store& store) { accounts_.sign_out(store, token); });
                     response.status = 204;
                 }));

    http_.Post("/api/v1/sync/push", authenticated([this](const httplib::Request& request, httplib::Response& response,
                                                         const Actor& actor, const std::string&) {
                   auto body = parse_body(request, response);
                   if (!body) return;
                   auto device = body->find("device_id");
                   auto changes = body->find("changes");
                   if (device == body->end() || !device->is_string() ||
                       !is_client_token(device->get_ref<const std::string&>()))
                       return send_error(response, 400, "invalid_request",
                                         "\"device_id\" must be 1-64 characters of A-Z a-z 0-9 . _ : -");
                   if (changes == body->end() || !changes->is_array())
                       return send_error(response, 400, "invalid_request", "\"changes\" must be an array.");
                   if (changes->size() > kMaxChangesPerPush)
                       return send_error(response, 413, "payload_too_large",
                                         "Send at most " + std::to_string(kMaxChangesPerPush) + " changes per push.");
                   auto org = org_chart();
                   auto outcomes = databases_.write([&](Store& store) {
                       return SyncService(store).push(actor, *org, *device, *changes, uint64_t(now_millis()));
                   });
                   Json results = Json::array();
                   for (const auto& outcome : outcomes) {
                       Json result{{"id", outcome.id}, {"status", outcome.status}};
                       if (outcome.error) result["error"] = outcome.error->to_json();
                       results.push_back(std::move(result));
                   }
                   send_json(response, 200, Json{{"results", std::move(results)}});
               }));

    http_.Get("/api/v1/sync/pull", authenticated([this](const httplib::Request& request, httplib::Response& response,
                                                        const Actor& actor, const std::string&) {
                  int64_t since = 0, limit = 0;
                  if (!parse_int_parameter(request, "since", 0, since))
                      return send_error(response, 400, "invalid_parameter", "\"since\" must be a whole number >= 0.");
                  if (!parse_int_parameter(request, "limit", kDefaultPullLimit, limit))
                      return send_error(response, 400, "invalid_parameter", "\"limit\" must be a whole number.");
                  limit = std::clamp<int64_t>(limit, 1, kMaxPullLimit);
                  auto org = org_chart();
                  auto page = databases_.read(
                      [&](Store& store) { return SyncService(store).pull(actor, *org, since, int(limit)); });
                  response.status = 200;
                  response.set_content(pull_response_json(page), "application/json");
              }));
}

} // namespace tandem::server
