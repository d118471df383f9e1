#pragma once
// The one table of the server's routes. Each domain adds its routes here from its own folder (see
// routes.cpp for the list of domains), declaring with each who may call it and how large a body it takes.
// The gate (tandem_server.cpp) looks a request up here when its head has arrived, before any body byte is
// read, and leaves who it found for the handler.
#include <httplib.h>

#include <functional>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "auth/kiosk_identity.h"
#include "tandem/sync/policy.h"

namespace tandem::server {

struct ServerContext;

enum class Access { Public, Session, Kiosk };

struct Route {
    std::string method;
    std::regex path;
    Access access;
    size_t max_body;
    std::string content_type;  // required media type of the body; empty: JSON or nothing
};

// Who the gate found for the request this thread is serving.
struct Caller {
    std::optional<Actor> actor;
    std::string token;
    std::optional<Kiosk> kiosk;
};

class RouteTable {
public:
    using SessionHandler =
        std::function<void(const httplib::Request&, httplib::Response&, const Actor&, const std::string& token)>;
    using KioskHandler = std::function<void(const httplib::Request&, httplib::Response&, const Kiosk&)>;

    explicit RouteTable(httplib::Server& http) : http_(http) {}

    void public_route(const std::string& method, const std::string& pattern, size_t max_body,
                      httplib::Server::Handler handler);
    void session_route(const std::string& method, const std::string& pattern, size_t max_body,
                       SessionHandler handler, const std::string& content_type = "");
    void kiosk_route(const std::string& method, const std::string& pattern, size_t max_body, KioskHandler handler);

    // The route for this method and path (GET serves HEAD too); `path_known` when another method has it.
    const Route* find(const std::string& method, const std::string& path, bool& path_known) const;

    // A domain's routes and their state live as long as the table.
    template <class Routes>
    Routes& keep(std::shared_ptr<Routes> routes) {
        kept_.push_back(routes);
        return *routes;
    }

    // Set by the gate for the request this thread serves; read by the handlers the table wraps.
    static Caller& caller();

private:
    void register_handler(const std::string& method, const std::string& pattern, httplib::Server::Handler handler);

    httplib::Server& http_;
    std::vector<Route> routes_;
    std::vector<std::shared_ptr<void>> kept_;
};

// Each domain's entry point, listed once in routes.cpp.
using RouteModule = void (*)(RouteTable& routes, ServerContext& server);
void add_all_routes(RouteTable& routes, ServerContext& server);

} // namespace tandem::server
