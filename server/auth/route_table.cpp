#include "auth/route_table.h"

#include <stdexcept>

#include "http/http_helpers.h"

namespace tandem::server {

Caller& RouteTable::caller() {
    thread_local Caller current;
    return current;
}

void RouteTable::register_handler(const std::string& method, const std::string& pattern,
                                  httplib::Server::Handler handler) {
    if (method == "GET") http_.Get(pattern, std::move(handler));
    else if (method == "POST") http_.Post(pattern, std::move(handler));
    else if (method == "PUT") http_.Put(pattern, std::move(handler));
    else if (method == "DELETE") http_.Delete(pattern, std::move(handler));
    else throw std::logic_error("no route registration for " + method);
}

void RouteTable::public_route(const std::string& method, const std::string& pattern, size_t max_body,
                              httplib::Server::Handler handler) {
    routes_.push_back(Route{method, std::regex(pattern), Access::Public, max_body, ""});
    register_handler(method, pattern, std::move(handler));
}

void RouteTable::session_route(const std::string& method, const std::string& pattern, size_t max_body,
                               SessionHandler handler, const std::string& content_type) {
    routes_.push_back(Route{method, std::regex(pattern), Access::Session, max_body, content_type});
    register_handler(method, pattern, [handler](const httplib::Request& request, httplib::Response& response) {
        // The gate ran for this request on this thread and found the session; without one it never routes.
        const Caller& found = caller();
        if (!found.actor)
            return send_error(response, 401, "unauthenticated", "Sign in again: the session is missing or ended.");
        handler(request, response, *found.actor, found.token);
    });
}

void RouteTable::kiosk_route(const std::string& method, const std::string& pattern, size_t max_body,
                             KioskHandler handler) {
    routes_.push_back(Route{method, std::regex(pattern), Access::Kiosk, max_body, ""});
    register_handler(method, pattern, [handler](const httplib::Request& request, httplib::Response& response) {
        const Caller& found = caller();
        if (!found.kiosk)
            return send_error(response, 401, "unauthenticated", "This kiosk is not registered or was revoked.");
        handler(request, response, *found.kiosk);
    });
}

const Route* RouteTable::find(const std::string& method, const std::string& path, bool& path_known) const {
    path_known = false;
    for (const auto& candidate : routes_) {
        if (!std::regex_match(path, candidate.path)) continue;
        path_known = true;
        if (candidate.method == method || (candidate.method == "GET" && method == "HEAD")) return &candidate;
    }
    return nullptr;
}

} // namespace tandem::server
