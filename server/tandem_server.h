#pragma once
// The sync server: the HTTP layer, the gate and the one route table, into which each domain adds its routes
// from its own folder (routes.cpp lists the domains; docs/api.md describes them). Who may write and read each
// record is decided by the core's policy; who may read figures that need everyone's records by the core's
// rules beside them (analytics_access.h, agreements.h, program_views.h).
//
// Every route is declared once with its kind (public, session or kiosk) and how large a body it takes. A gate
// runs when a request's head has arrived and before any body byte is read: it refuses bodies past the route's
// limit or without a length, and checks the session, so a caller without one never gets a body read at all.
#include <optional>
#include <string>

#include "http/http_connections.h"
#include "people/people_routes.h"
#include "auth/route_table.h"
#include "auth/server_context.h"

namespace tandem::server {

class TandemServer {
public:
    using Invite = server::Invite;

    explicit TandemServer(ServerOptions options);
    ~TandemServer();

    int bind();         // binds the listening socket; returns the port (useful with port 0)
    bool run();         // serves until stop(); returns false if the socket failed
    void stop();
    size_t open_connections() const { return http_.open_connections(); }
    uint64_t body_bytes_read() const { return http_.body_bytes_read(); }
    // For the `invite` and `reset-password` commands: a link for the person with this e-mail, audited as
    // `actor_id`; nothing when nobody has that e-mail.
    std::optional<Invite> link_by_email(const std::string& email, const std::string& actor_id, bool reset);

private:
    void install_handlers();
    httplib::Server::HandlerResponse gate(const httplib::Request& request, httplib::Response& response);

    ServerContext context_;
    GuardedServer http_;
    // Last, so a domain's state (a warm-up thread, say) ends before the databases it reads.
    RouteTable routes_;
};

} // namespace tandem::server
