#pragma once
// The sync server: HTTP routes (docs/api.md) over the core's SyncService. Who may write and read each record is
// decided in shared/tandem/policy; the routes outside sync still check roles themselves, and erasure runs its
// own SQL (docs/architecture.md, The server).
//
// Every route is declared once with its kind (public, session or kiosk) and how large a body it takes. A gate
// runs when a request's head has arrived and before any body byte is read: it refuses bodies past the route's
// limit or without a length, and checks the session, so a caller without one never gets a body read at all.
#include <httplib.h>

#include <functional>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "accounts.h"
#include "analytics_index.h"
#include "databases.h"
#include "http_connections.h"
#include "password_hasher.h"
#include "rate_limiter.h"
#include "sign_in_throttle.h"
#include "survey_store.h"
#include "tandem/org_chart.h"

namespace tandem::server {

struct ServerOptions {
    std::string database_path;
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string web_dir;  // the built web client; empty serves the API only
    size_t max_body_bytes = 8 * 1024 * 1024;
    int threads = 16;  // database readers, and connection workers kept warm
    int session_days = 30;
    ConnectionLimits connections;
    size_t hashing_threads = PasswordHasher::default_threads();
};

class TandemServer {
public:
    // An invitation or a reset link, or why none was made.
    struct Invite {
        std::string token;  // empty when refused
        std::string expires_on;
        std::string refusal;  // person_exited, already_active (invite) or not_active (reset); empty when made
    };

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
    enum class Access { Public, Session, Kiosk };
    using SessionHandler =
        std::function<void(const httplib::Request&, httplib::Response&, const Actor&, const std::string& token)>;
    using KioskHandler = std::function<void(const httplib::Request&, httplib::Response&, const Kiosk&)>;
    struct Route {
        std::string method;
        std::regex path;
        Access access;
        size_t max_body;
        std::string content_type;  // required media type of the body; empty: JSON or nothing
    };
    void add_routes();
    void add_people_routes();  // people_routes.cpp
    void add_survey_routes();  // survey_routes.cpp
    void add_partnership_routes();  // partnership_routes.cpp
    void add_analytics_routes();    // analytics_routes.cpp
    void analytics_series(const httplib::Request& request, httplib::Response& response, const Actor& actor, bool csv);
    void analytics_return(const httplib::Request& request, httplib::Response& response, const Actor& actor, bool csv);
    void send_export(const httplib::Request& request, httplib::Response& response, const Actor& actor,
                     const std::string& csv, const std::string& file_name, Json details);
    void public_route(const std::string& method, const std::string& pattern, size_t max_body,
                      httplib::Server::Handler handler);
    void session_route(const std::string& method, const std::string& pattern, size_t max_body,
                       SessionHandler handler, const std::string& content_type = "");
    void kiosk_route(const std::string& method, const std::string& pattern, size_t max_body, KioskHandler handler);
    void register_handler(const std::string& method, const std::string& pattern, httplib::Server::Handler handler);
    httplib::Server::HandlerResponse gate(const httplib::Request& request, httplib::Response& response);
    void sign_in(const httplib::Request& request, httplib::Response& response);
    void send_sign_in(httplib::Response& response, const std::string& token, const Account& account);
    void push(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    void import_people(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    std::optional<Invite> create_link(Store& writer, const std::string& person_id, const std::string& actor_id,
                                      bool reset);
    void accept_invite(const httplib::Request& request, httplib::Response& response);
    void change_role(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    void export_person(const std::string& person_id, httplib::Response& response, const Actor& actor);
    void erase_person(const std::string& person_id, httplib::Response& response, const Actor& actor);
    void pull(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    void create_links(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    void answer_with_link(const httplib::Request& request, httplib::Response& response, bool submitting);
    void register_kiosk(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    void kiosk_response(const httplib::Request& request, httplib::Response& response, const Kiosk& kiosk);
    void survey_results(const httplib::Request& request, httplib::Response& response, const Actor& actor);

    std::shared_ptr<const OrgChart> org_chart();
    void reload_org_chart();

    ServerOptions options_;
    Databases databases_;
    Accounts accounts_;
    PasswordHasher hasher_;
    SignInThrottle throttle_;
    // Answer endpoints need no account: each link and each kiosk gets a request budget per minute.
    RateLimiter answer_limiter_{30};
    RateLimiter kiosk_limiter_{600};
    GuardedServer http_;
    std::vector<Route> routes_;
    std::mutex org_mutex_;
    std::shared_ptr<const OrgChart> org_;
    AnalyticsIndex analytics_;
    std::thread analytics_warm_up_;  // folds the change log once at start, so the first figures come quickly
};

// Builds the reporting lines from the person records in `store`.
OrgChart load_org_chart(Store& store);
// HR admins with no exit date other than `person_id`: a role change or erasure that leaves none is refused.
int lasting_hr_admins_besides(Store& store, const std::string& person_id);

} // namespace tandem::server
