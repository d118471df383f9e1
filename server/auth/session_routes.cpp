#include "auth/session_routes.h"

#include "auth/sign_in_throttle.h"
#include "store/audit_log.h"
#include "http/http_helpers.h"
#include "auth/route_table.h"
#include "auth/server_context.h"

namespace tandem::server {

namespace {

class SessionRoutes {
public:
    explicit SessionRoutes(ServerContext& server) : server_(server), throttle_(server.shared_counters.get()) {}

    void add_to(RouteTable& routes) {
        routes.public_route("POST", "/api/v1/session", kMaxSignInBody,
                            [this](const httplib::Request& request, httplib::Response& response) {
                                sign_in(request, response);
                            });
        routes.session_route("DELETE", "/api/v1/session", kMaxEmptyBody,
                             [this](const httplib::Request&, httplib::Response& response, const Actor&,
                                    const std::string& token) {
                                 server_.databases.write([&](Store& store) { server_.accounts.sign_out(store, token); });
                                 response.status = 204;
                             });
    }

private:
    void sign_in(const httplib::Request& request, httplib::Response& response);

    ServerContext& server_;
    SignInThrottle throttle_;
};

void SessionRoutes::sign_in(const httplib::Request& request, httplib::Response& response) {
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
    auto account = server_.databases.read([&](Store& store) { return find_account(store, address); });
    auto matches = server_.hasher.verify(account ? account->password_hash : decoy_password_hash(),
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
    // Told only after the password matched, so the answer reveals nothing about an address to a guesser.
    if (account->role == Role::Employee &&
        !server_.databases.read([&](Store& store) { return server_.accounts.employee_access(store); }))
        return send_employee_access_off(response);
    const std::string token =
        server_.databases.write([&](Store& store) { return server_.accounts.open_session(store, *account, now / 1000); });
    send_sign_in(response, token, *account);
}

}  // namespace

void send_sign_in(httplib::Response& response, const std::string& token, const Account& account) {
    Json body{{"token", token},
              {"user", {{"id", account.person_id}, {"name", account.name}, {"role", to_string(account.role)}}}};
    // A recent reset by HR is told to the person, on each sign-in while it is recent (see accounts.h).
    if (account.reset)
        body["password_reset"] = Json{{"at", iso_utc(account.reset->at)},
                                      {"by", account.reset->by_name.empty() ? Json() : Json(account.reset->by_name)},
                                      {"by_id", account.reset->by_id}};
    send_json(response, 200, body);
}

void send_employee_access_off(httplib::Response& response) {
    send_error(response, 401, "employee_access_off",
               "Employee access is switched off for your organisation; ask HR to switch it on.");
}

void add_session_routes(RouteTable& routes, ServerContext& server) {
    routes.keep(std::make_shared<SessionRoutes>(server)).add_to(routes);
}

} // namespace tandem::server
