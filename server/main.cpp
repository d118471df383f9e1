// tandem-server: the sync server's command line. `demo` makes a demo database, `serve` runs the API and
// serves the web client. Every flag can also come from the environment (TANDEM_DB, TANDEM_PORT, ...).
#include <CLI/CLI.hpp>
#include <sodium.h>

#include <csignal>
#include <cstdio>

#include "demo/demo_org.h"
#include "store/server_store.h"
#include "tandem_server.h"

namespace {

tandem::server::TandemServer* running_server = nullptr;

void stop_on_signal(int) {
    if (running_server) running_server->stop();
}

}  // namespace

int main(int argc, char** argv) {
    if (sodium_init() < 0) {
        std::fprintf(stderr, "tandem-server: libsodium failed to initialise\n");
        return 1;
    }
    CLI::App app{"Tandem sync server"};
    app.require_subcommand(1);

    // Each command takes its database as a SQLite file (--db) or a PostgreSQL URL (--database-url).
    const auto database_options = [](CLI::App* command, std::string& file, std::string& url, const char* what) {
        auto* by_file = command->add_option("--db", file, what)->envname("TANDEM_DB");
        auto* by_url = command->add_option("--database-url", url,
                                           "PostgreSQL database, as a libpq URL "
                                           "(postgresql://user@127.0.0.1:5432/tandem)")
                           ->envname("TANDEM_DATABASE_URL");
        by_url->excludes(by_file);
        by_file->excludes(by_url);
    };
    std::string demo_db, demo_url;
    auto* demo = app.add_subcommand("demo", "Create a database with the demo organisation");
    database_options(demo, demo_db, demo_url, "Database file to create");

    tandem::server::ServerOptions options;
    size_t max_body_mib = 8;
    auto* serve = app.add_subcommand("serve", "Serve the sync API and the web client");
    std::string serve_db, serve_url;
    database_options(serve, serve_db, serve_url, "Database file");
    serve->add_option("--host", options.host, "Address to listen on")->envname("TANDEM_HOST")->capture_default_str();
    serve->add_option("--port", options.port, "Port to listen on")
        ->envname("TANDEM_PORT")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    serve->add_option("--web", options.web_dir, "Folder of the built web client")
        ->envname("TANDEM_WEB")
        ->check(CLI::ExistingDirectory);
    serve->add_option("--max-body-mib", max_body_mib, "Largest request body accepted, in MiB")
        ->envname("TANDEM_MAX_BODY_MIB")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    serve->add_option("--threads", options.threads, "Database readers and connection workers kept warm")
        ->envname("TANDEM_THREADS")
        ->check(CLI::Range(2, 256))
        ->capture_default_str();
    serve->add_option("--max-connections", options.connections.max_connections,
                      "Open connections served at once; more are answered 503 at once")
        ->envname("TANDEM_MAX_CONNECTIONS")
        ->check(CLI::Range(16, 100000))
        ->capture_default_str();
    serve->add_option("--session-days", options.session_days, "How long a sign-in lasts")
        ->envname("TANDEM_SESSION_DAYS")
        ->check(CLI::Range(1, 365))
        ->capture_default_str();

    std::string invite_db, invite_url, invite_email;
    auto* invite = app.add_subcommand("invite", "Create an invitation for a person (for operators); prints the token");
    database_options(invite, invite_db, invite_url, "Database file");
    invite->add_option("--email", invite_email, "E-mail address of the person to invite")->required();
    // The way back in when no HR admin can sign in to reset a password.
    auto* reset = app.add_subcommand("reset-password", "Create a password reset link for a person with an account "
                                                       "(for operators); prints the token");
    database_options(reset, invite_db, invite_url, "Database file");
    reset->add_option("--email", invite_email, "E-mail address of the person")->required();

    CLI11_PARSE(app, argc, argv);
    // The URL wins when both variables are set in the environment.
    const auto database_of = [](const std::string& file, const std::string& url) { return url.empty() ? file : url; };
    const std::string locator = *demo    ? database_of(demo_db, demo_url)
                                : *serve ? database_of(serve_db, serve_url)
                                         : database_of(invite_db, invite_url);
    if (locator.empty()) {
        std::fprintf(stderr, "tandem-server: name the database with --db FILE or --database-url URL\n");
        return 2;
    }

    try {
        if (*demo) {
            std::string error = tandem::server::create_demo_database(locator);
            if (!error.empty()) {
                std::fprintf(stderr, "tandem-server demo: %s\n", error.c_str());
                return 2;
            }
            std::printf("Created %s with the demo organisation (password \"%s\" for every demo account; "
                        "Maya Chen's private notes open with the passphrase \"%s\")\n",
                        tandem::server::is_postgres_url(locator) ? "the database" : locator.c_str(),
                        tandem::server::kDemoPassword, tandem::server::kDemoPassphrase);
            return 0;
        }
        if (*invite || *reset) {
            const bool resetting = bool(*reset);
            const char* command = resetting ? "reset-password" : "invite";
            tandem::server::ServerOptions offline;
            offline.database_path = locator;
            offline.threads = 2;
            tandem::server::TandemServer server(offline);
            auto made = server.link_by_email(invite_email, "operator", resetting);
            if (!made) {
                std::fprintf(stderr, "tandem-server %s: nobody has the e-mail %s\n", command, invite_email.c_str());
                return 2;
            }
            if (!made->refusal.empty()) {
                std::fprintf(stderr, "tandem-server %s: %s: %s\n", command, invite_email.c_str(),
                             made->refusal == "person_exited"    ? "has left the organisation"
                             : made->refusal == "already_active" ? "already has an account (use reset-password)"
                                                                 : "has no account yet (use invite)");
                return 2;
            }
            std::printf("%s %s\nexpires_on %s\n", resetting ? "reset_token" : "invite_token", made->token.c_str(),
                        made->expires_on.c_str());
            return 0;
        }
        options.database_path = locator;
        options.max_body_bytes = max_body_mib * 1024 * 1024;
        tandem::server::TandemServer server(options);
        int port = server.bind();
        if (port < 0) {
            std::fprintf(stderr, "tandem-server: cannot listen on %s:%d\n", options.host.c_str(), options.port);
            return 1;
        }
        running_server = &server;
        std::signal(SIGINT, stop_on_signal);
        std::signal(SIGTERM, stop_on_signal);
        // A URL may carry a password: name only the engine.
        std::printf("Tandem listening on http://%s:%d (database %s)\n", options.host.c_str(), port,
                    tandem::server::is_postgres_url(locator) ? "PostgreSQL" : locator.c_str());
        std::fflush(stdout);
        bool ok = server.run();
        running_server = nullptr;
        return ok ? 0 : 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "tandem-server: %s\n", error.what());
        return 1;
    }
}
