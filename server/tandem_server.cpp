#include "tandem_server.h"

#include <chrono>
#include <cstdio>

#include "http/answer_compression.h"
#include "http/http_helpers.h"
#include "http/static_files.h"
#include "surveys/survey_store.h"

namespace tandem::server {

namespace {

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

}  // namespace

TandemServer::TandemServer(ServerOptions options)
    : context_(std::move(options)),
      http_(context_.options.connections, size_t(std::max(2, context_.options.threads))),
      routes_(http_) {
    (void)decoy_password_hash();  // computed once now rather than inside the first sign-in
    const auto& limits = context_.options.connections;
    http_.set_keep_alive_timeout(std::chrono::duration_cast<std::chrono::seconds>(limits.keep_alive_timeout).count());
    http_.set_keep_alive_max_count(limits.keep_alive_max_requests);
    http_.set_read_timeout(std::chrono::duration_cast<std::chrono::seconds>(limits.io_timeout).count());
    http_.set_write_timeout(std::chrono::duration_cast<std::chrono::seconds>(limits.io_timeout).count());
    install_handlers();
    add_all_routes(routes_, context_);
    if (!context_.options.web_dir.empty()) serve_web_client(http_, context_.options.web_dir);
}

TandemServer::~TandemServer() { stop(); }

int TandemServer::bind() {
    auto& options = context_.options;
    if (options.port == 0) options.port = http_.bind_to_any_port(options.host);
    else if (!http_.bind_to_port(options.host, options.port)) return -1;
    http_.widen_listen_backlog();
    return options.port;
}

bool TandemServer::run() { return http_.listen_after_bind(); }
void TandemServer::stop() { http_.shut_down(); }

std::optional<TandemServer::Invite> TandemServer::link_by_email(const std::string& email, const std::string& actor_id,
                                                               bool reset) {
    return server::link_by_email(context_, email, actor_id, reset);
}

httplib::Server::HandlerResponse TandemServer::gate(const httplib::Request& request, httplib::Response& response) {
    using Verdict = httplib::Server::HandlerResponse;
    Caller& caller = RouteTable::caller();
    caller = Caller{};
    Connection* connection = current_connection();
    auto refuse = [&](int status, const std::string& code, const std::string& message) {
        send_error(response, status, code, message);
        return Verdict::Handled;
    };
    // The Request is the server's own object, handed to us as const; its Accept-Encoding is rewritten before
    // any handler reads it, so httplib never compresses an API answer itself (answer_compression.h).
    choose_answer_coding(const_cast<httplib::Request&>(request));
    // A NUL or control character has no place in an address and could make one file pass for another.
    if (has_control_characters(request.path))
        return refuse(400, "invalid_request", "The address contains control characters.");

    bool path_known = false;
    const Route* route = routes_.find(request.method, request.path, path_known);
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
        return context_.databases.read([&](Store& store) { return active_kiosk(store, token_digest(bearer)); });
    };
    if (route->access == Access::Kiosk) {
        if (token) caller.kiosk = kiosk_of(*token);
        if (!caller.kiosk) return refuse(401, "unauthenticated", "This kiosk is not registered or was revoked.");
    } else if (route->access == Access::Session) {
        if (token)
            caller.actor = context_.databases.read(
                [&](Store& store) { return context_.accounts.authenticate(store, *token, now_millis() / 1000); });
        if (!caller.actor) {
            // A kiosk may only take answers: anything else it tries is refused as such, not as a lost session.
            if (token && kiosk_of(*token)) return refuse(403, "forbidden", "A kiosk may only send survey answers.");
            return refuse(401, "unauthenticated", "Sign in again: the session is missing or ended.");
        }
        caller.token = *token;
    } else if (token && request.path.rfind("/api/", 0) == 0 && kiosk_of(*token)) {
        return refuse(403, "forbidden", "A kiosk may only send survey answers.");
    }
    if (connection) connection->grant_body(*length);
    return Verdict::Unhandled;
}

void TandemServer::install_handlers() {
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
    http_.set_post_routing_handler([](const httplib::Request& request, httplib::Response& response) {
        compress_answer(request, response);
        // A request refused before its body was read leaves that body on the wire: say the connection ends.
        const Connection* connection = current_connection();
        if (connection && !connection->reusable() && response.get_header_value("Connection") != "close")
            response.set_header("Connection", "close");
        response.set_header("X-Content-Type-Options", "nosniff");
        if (response.get_header_value("Content-Type").rfind("application/json", 0) == 0)
            response.set_header("Cache-Control", "no-store");
    });

    routes_.public_route("GET", "/healthz", 0, [](const httplib::Request&, httplib::Response& response) {
        send_json(response, 200, Json{{"status", "ok"}});
    });

}

} // namespace tandem::server
