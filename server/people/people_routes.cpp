// People routes (docs/api.md, from People import to Export and erasure): HRIS import, invitations, role
// changes, the audit log, a person's export and erasure. Each translates HTTP to the core's import plan and
// org-change rules, and records its audit entry in the same transaction as the action.
#include <thread>

#include "store/audit_log.h"
#include "people/access_routes.h"
#include "people/csv_reader.h"
#include "people/people_routes.h"
#include "people/person_data.h"
#include "auth/session_routes.h"
#include "auth/route_table.h"
#include "auth/server_context.h"
#include "http/http_helpers.h"
#include "tandem/base/dates.h"
#include "tandem/sync/entity.h"
#include "tandem/base/ids.h"
#include "tandem/people/org_changes.h"
#include "tandem/people/people_import.h"
#include "tandem/sync/sync_service.h"

namespace tandem::server {

namespace {

constexpr size_t kMaxImportBody = 32 * 1024 * 1024;  // docs/api.md, People import: a 100,000-row export fits
constexpr int kInviteDays = 14;  // invitations and reset links alike

// Why no invitation or reset link was made, as the API answers it.
void send_refusal(httplib::Response& response, const std::string& refusal) {
    if (refusal == "person_exited")
        return send_error(response, 409, refusal,
                          "This person has left the organisation: they cannot be invited or have their password reset.");
    if (refusal == "already_active")
        return send_error(response, 409, refusal,
                          "This person already has an account: reset their password instead of inviting them.");
    send_error(response, 409, refusal, "This person has no account yet: invite them instead.");
}

// At most ImportProblems::kMaxListed problems are listed; "more" counts the rest, so neither the answer nor
// the check grows with a file's mistakes.
void send_invalid_import(httplib::Response& response, const ImportProblems& problems) {
    Json details = Json::array();
    for (const auto& problem : problems.listed()) details.push_back(problem.to_json());
    std::string message = std::to_string(problems.total()) + " problems in the file; nothing was imported.";
    message += problems.unlisted() == 0 ? " Each is listed with its line."
                                        : " The first " + std::to_string(details.size()) + " by line are listed.";
    Json error{{"code", "invalid_import"},
               {"message", message},
               {"details", std::move(details)},
               {"more", problems.unlisted()},
               {"total", problems.total()}};
    send_json(response, 400, Json{{"error", error}});
}

void send_last_hr_admin(httplib::Response& response, const std::string& what) {
    send_error(response, 409, "last_hr_admin",
               what + " would leave the organisation without an HR admin who is still employed. "
                      "Make someone else an HR admin first.");
}

// A live person record by id, or nothing (unknown, erased).
std::optional<StoredRecord> live_person(Store& store, const std::string& id) {
    auto record = store.load(id);
    if (!record || record->state.entity != "person" || record->state.deleted) return std::nullopt;
    return record;
}


std::optional<Invite> create_link(ServerContext& server, Store& store, const std::string& person_id,
                                  const std::string& actor_id, bool reset) {
    auto person = live_person(store, person_id);
    if (!person) return std::nullopt;
    const std::string today = iso_from_millis(uint64_t(now_millis()));
    const std::string exit = person->state.text("exit_date");
    if (!exit.empty() && exit <= today) return Invite{"", "", "person_exited"};
    if (has_account(store, person_id) != reset) return Invite{"", "", reset ? "not_active" : "already_active"};
    Invite invite{new_token(), add_days(today, kInviteDays), ""};
    store.transaction([&] {
        server.accounts.store_link(store, person_id, token_digest(invite.token), invite.expires_on, reset, actor_id);
        record_audit(store, actor_id, reset ? "people.reset" : "people.invite", person_id,
                     Json{{"expires_on", invite.expires_on}}, now_millis() / 1000);
    });
    return invite;
}

class PeopleRoutes {
public:
    explicit PeopleRoutes(ServerContext& server) : server_(server) {}

    void add_to(RouteTable& routes) {
        routes.session_route(
            "POST", "/api/v1/people/import", kMaxImportBody,
            [this](const httplib::Request& request, httplib::Response& response, const Actor& actor, const std::string&) {
                import_people(request, response, actor);
            },
            "text/csv");

        // An invitation is for a person without an account, a reset link for one with an account: an invitation
        // can never replace a password someone already has.
        for (const bool reset : {false, true})
            routes.session_route("POST", reset ? R"(/api/v1/people/([0-9a-f-]{36})/reset-password)"
                                        : R"(/api/v1/people/([0-9a-f-]{36})/invite)",
                          kMaxEmptyBody,
                          [this, reset](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                                        const std::string&) {
                              if (!require_hr(actor, response)) return;
                              auto link = server_.databases.write([&](Store& store) {
                                  return create_link(server_, store, request.matches[1], actor.person_id, reset);
                              });
                              if (!link) return send_error(response, 404, "not_found", "There is no such person.");
                              if (!link->refusal.empty()) return send_refusal(response, link->refusal);
                              send_json(response, 200,
                                        Json{{reset ? "reset_token" : "invite_token", link->token},
                                             {reset ? "reset_path" : "invite_path", invite_path(link->token)},
                                             {"expires_on", link->expires_on}});
                          });

        routes.public_route("POST", "/api/v1/session/accept-invite", kMaxSignInBody,
                     [this](const httplib::Request& request, httplib::Response& response) { accept_invite(request, response); });

        routes.session_route("POST", R"(/api/v1/people/([0-9a-f-]{36})/role)", kMaxSignInBody,
                      [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                             const std::string&) { change_role(request, response, actor); });

        routes.session_route("GET", "/api/v1/audit", 0,
                      [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                             const std::string&) {
                          if (!require_hr(actor, response)) return;
                          int64_t since = 0, limit = 0;
                          if (!parse_int_parameter(request, "since", 0, since) ||
                              !parse_int_parameter(request, "limit", 100, limit))
                              return send_error(response, 400, "invalid_parameter",
                                                "\"since\" and \"limit\" must be whole numbers >= 0.");
                          const std::string action = request.get_param_value("action");
                          if (action.size() > 64) return send_error(response, 400, "invalid_parameter", "\"action\" is too long.");
                          auto page = server_.databases.read([&](Store& store) {
                              return read_audit(store, since, int(std::clamp<int64_t>(limit, 1, 1000)), action);
                          });
                          send_json(response, 200,
                                    Json{{"entries", page.entries}, {"cursor", page.cursor}, {"more", page.more}});
                      });

        routes.session_route("GET", R"(/api/v1/people/([0-9a-f-]{36})/export)", 0,
                      [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                             const std::string&) { export_person(server_, request.matches[1], response, actor); });

        routes.session_route("POST", R"(/api/v1/people/([0-9a-f-]{36})/erase)", kMaxEmptyBody,
                      [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                             const std::string&) { erase_person(server_, request.matches[1], response, actor); });
    }

private:
    void import_people(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    void accept_invite(const httplib::Request& request, httplib::Response& response);
    void change_role(const httplib::Request& request, httplib::Response& response, const Actor& actor);

    ServerContext& server_;
};

void PeopleRoutes::import_people(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    if (!require_hr(actor, response)) return;
    const std::string dry_run_text = request.get_param_value("dry_run");
    if (!dry_run_text.empty() && dry_run_text != "true" && dry_run_text != "false")
        return send_error(response, 400, "invalid_parameter", "\"dry_run\" must be true or false.");
    const bool dry_run = dry_run_text == "true";

    CsvReadResult csv = read_csv(request.body);
    if (!csv.problems.empty()) return send_invalid_import(response, csv.problems);

    const uint64_t now = uint64_t(now_millis());
    ImportProblems problems;
    bool no_hr_admin_left = false;
    Json counts;
    bool wrote = false;
    server_.databases.write([&](Store& store) {
        HlcClock clock;
        ImportClock import_clock{iso_from_millis(now), [] { return new_uuid_v7(uint64_t(now_millis())); },
                                 [&] { return clock.now(now).to_string(); }};
        ImportPlan plan = plan_import(csv.records, store.records_of("person"), import_clock);
        if (!plan.problems.empty()) {
            problems = std::move(plan.problems);
            return;
        }
        if (plan.lasting_hr_admins == 0) {
            no_hr_admin_left = true;
            return;
        }
        counts = plan.counts();
        if (dry_run) return;
        // Read under the writer: an org chart taken before it could predate an import that just finished.
        const OrgChart before = plan.moved_ids.empty() ? OrgChart() : load_org_chart(store);
        store.transaction([&] {
            SyncService(store).write_as_server(plan.changes, actor.person_id);
            if (!plan.moved_ids.empty()) {
                const OrgChart after = load_org_chart(store);
                publish_org_moves(store, before, after, plan.moved_ids,
                                  [] { return new_uuid_v7(uint64_t(now_millis())); });
            }
            for (const auto& person : plan.newly_exited_ids) server_.accounts.end_sessions(store, person);
            record_audit(store, actor.person_id, "people.import", std::nullopt, counts, int64_t(now / 1000));
            // A role is who may do what: each change by a file is audited like one made by hand.
            for (const auto& change : plan.role_changes)
                record_audit(store, actor.person_id, "people.role", change.person_id,
                             Json{{"from", change.from}, {"to", change.to}}, int64_t(now / 1000));
        });
        wrote = true;
    });
    if (!problems.empty()) return send_invalid_import(response, problems);
    if (no_hr_admin_left) return send_last_hr_admin(response, "This import");
    if (wrote) server_.reload_org_chart();
    counts["dry_run"] = dry_run;
    send_json(response, 200, counts);
}

// Takes an invitation or a reset link alike: the link itself says which it is.
void PeopleRoutes::accept_invite(const httplib::Request& request, httplib::Response& response) {
    auto body = parse_body(request, response);
    if (!body) return;
    auto token = body->find("invite_token"), password = body->find("password");
    if (token == body->end() || !token->is_string() || password == body->end() || !password->is_string() ||
        password->get_ref<const std::string&>().size() > 1024)
        return send_error(response, 400, "invalid_request",
                          "Send {\"invite_token\": \"...\", \"password\": \"...\"} as strings.");
    const std::string today = iso_from_millis(uint64_t(now_millis()));
    const std::string digest = token_digest(token->get<std::string>());
    auto invalid = [&] {
        send_error(response, 400, "invalid_invite", "This invitation is unknown, used or expired: ask HR for a new one.");
    };
    // An employee's link waits while employee access is off: refused before it is used, so it still works
    // once HR switches access on.
    auto employee_shut_out = [&](Store& store, const std::string& person_id) {
        auto person = store.load(person_id);
        return person && person->state.text("role") == "employee" && !server_.accounts.employee_access(store);
    };
    bool shut_out = false;
    auto link = server_.databases.read([&](Store& store) {
        auto found = server_.accounts.pending_link(store, digest, today);
        shut_out = found && employee_shut_out(store, found->person_id);
        return found;
    });
    if (!link) return invalid();
    if (shut_out) return send_employee_access_off(response);
    const std::string& chosen = password->get_ref<const std::string&>();
    if (weak_password(chosen))
        return send_error(response, 400, "weak_password",
                          "Choose a password of at least " + std::to_string(kMinPasswordCharacters) +
                              " characters that are not all spaces; the invitation stays valid.");
    // On the bounded argon2 threads, before taking the writer: each hash costs 64 MiB and ~0.1 s, so a burst
    // of accepts waits in a short queue or is refused, never hashes all at once on the request threads.
    auto hash = server_.hasher.hash(chosen);
    if (!hash) {
        response.set_header("Retry-After", "1");
        return send_error(response, 429, "rate_limited", "The server is busy with other passwords; try again.");
    }
    const int64_t now = now_millis() / 1000;
    std::optional<Account> account;
    std::string session_token;
    server_.databases.write([&](Store& store) {
        store.transaction([&] {
            // Checked again under the writer: the link may have been used or replaced meanwhile, and an
            // invitation made before its person had an account must not replace that account's password.
            auto current = server_.accounts.pending_link(store, digest, today);
            if (!current || current->person_id != link->person_id) return;
            if (!current->reset && has_account(store, current->person_id)) return;
            if (employee_shut_out(store, current->person_id)) {
                shut_out = true;
                return;
            }
            server_.accounts.set_password(store, *current, *hash, now);
            account = account_of(store, current->person_id);
            if (account) session_token = server_.accounts.open_session(store, *account, now);
        });
    });
    if (shut_out) return send_employee_access_off(response);
    if (!account) return invalid();
    send_sign_in(response, session_token, *account);
}

void PeopleRoutes::change_role(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    if (!require_hr(actor, response)) return;
    auto body = parse_body(request, response);
    if (!body) return;
    Role role;
    auto wanted = body->find("role");
    if (wanted == body->end() || !wanted->is_string() || !parse_role(wanted->get<std::string>(), role))
        return send_error(response, 400, "invalid_request",
                          "Send {\"role\": \"manager|hr_admin|mentor|employee\"}.");
    const std::string person_id = request.matches[1];
    bool found = false, no_hr_admin_left = false;
    server_.databases.write([&](Store& store) {
        auto person = live_person(store, person_id);
        if (!person) return;
        found = true;
        const std::string from = person->state.text("role");
        if (from == wanted->get<std::string>()) return;
        if (role != Role::HrAdmin && lasting_hr_admins_besides(store, person_id) == 0) {
            no_hr_admin_left = true;
            return;
        }
        HlcClock clock;
        Change change;
        change.id = new_uuid_v7(uint64_t(now_millis()));
        change.entity = "person";
        change.record_id = person_id;
        change.hlc = clock.now(uint64_t(now_millis())).to_string();
        change.device_id = "server";
        change.fields = Json{{"role", wanted->get<std::string>()}};
        store.transaction([&] {
            SyncService(store).write_as_server({change}, actor.person_id);
            record_audit(store, actor.person_id, "people.role", person_id, Json{{"from", from}, {"to", *wanted}},
                         now_millis() / 1000);
        });
    });
    if (!found) return send_error(response, 404, "not_found", "There is no such person.");
    if (no_hr_admin_left) return send_last_hr_admin(response, "This role change");
    server_.reload_org_chart();
    send_json(response, 200, Json{{"person_id", person_id}, {"role", *wanted}});
}

}  // namespace

std::optional<Invite> link_by_email(ServerContext& server, const std::string& email, const std::string& actor_id,
                                    bool reset) {
    return server.databases.write([&](Store& store) -> std::optional<Invite> {
        for (const auto& person : store.records_of("person"))
            if (!person.state.deleted && lower_ascii(person.state.text("email")) == lower_ascii(email))
                return create_link(server, store, person.state.record_id, actor_id, reset);
        return std::nullopt;
    });
}

void add_people_routes(RouteTable& routes, ServerContext& server) {
    routes.keep(std::make_shared<PeopleRoutes>(server)).add_to(routes);
    add_access_routes(routes, server);
}

} // namespace tandem::server
