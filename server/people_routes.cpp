// People routes (api-v2 §1-3): HRIS import, invitations, role changes, the audit log, a person's export and
// erasure. Each translates HTTP to the core's import plan and org-change rules, and records its audit entry
// in the same transaction as the action.
#include <sodium.h>

#include <thread>

#include "audit_log.h"
#include "csv_reader.h"
#include "http_api.h"
#include "http_helpers.h"
#include "tandem/dates.h"
#include "tandem/entity.h"
#include "tandem/ids.h"
#include "tandem/org_changes.h"
#include "tandem/people_import.h"
#include "tandem/sync_service.h"

namespace tandem::server {

namespace {

constexpr size_t kMaxImportBody = 32 * 1024 * 1024;  // api-v2 §1: a 100,000-row export fits
constexpr int kInviteDays = 14;
constexpr size_t kMinPasswordCharacters = 10;

bool is_hr(const Actor& actor, httplib::Response& response) {
    if (actor.role == Role::HrAdmin) return true;
    send_error(response, 403, "forbidden", "Only HR admins may do this.");
    return false;
}

size_t characters_in(const std::string& utf8) {
    size_t count = 0;
    for (unsigned char c : utf8) count += (c & 0xc0) != 0x80;
    return count;
}

Json problems_json(const std::vector<ImportProblem>& problems) {
    Json details = Json::array();
    for (const auto& problem : problems) details.push_back(problem.to_json());
    return details;
}

void send_invalid_import(httplib::Response& response, const std::vector<ImportProblem>& problems) {
    Json error{{"code", "invalid_import"},
               {"message", std::to_string(problems.size()) +
                               " problems in the file; nothing was imported. Each is listed with its line."},
               {"details", problems_json(problems)}};
    send_json(response, 400, Json{{"error", error}});
}

// A live person record by id, or nothing (unknown, erased).
std::optional<StoredRecord> live_person(Store& store, const std::string& id) {
    auto record = store.load(id);
    if (!record || record->state.entity != "person" || record->state.deleted) return std::nullopt;
    return record;
}

}  // namespace

void TandemServer::add_people_routes() {
    session_route(
        "POST", "/api/v1/people/import", kMaxImportBody,
        [this](const httplib::Request& request, httplib::Response& response, const Actor& actor, const std::string&) {
            import_people(request, response, actor);
        },
        "text/csv");

    session_route("POST", R"(/api/v1/people/([0-9a-f-]{36})/invite)", kMaxEmptyBody,
                  [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                         const std::string&) {
                      if (!is_hr(actor, response)) return;
                      auto invite = databases_.write([&](Store& store) {
                          return create_invite(store, request.matches[1], actor.person_id);
                      });
                      if (!invite) return send_error(response, 404, "not_found", "There is no such person.");
                      if (invite->token.empty())
                          return send_error(response, 409, "person_exited",
                                            "This person has left the organisation and cannot be invited.");
                      send_json(response, 200, Json{{"invite_token", invite->token}, {"expires_on", invite->expires_on}});
                  });

    public_route("POST", "/api/v1/session/accept-invite", kMaxSignInBody,
                 [this](const httplib::Request& request, httplib::Response& response) { accept_invite(request, response); });

    session_route("POST", R"(/api/v1/people/([0-9a-f-]{36})/role)", kMaxSignInBody,
                  [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                         const std::string&) { change_role(request, response, actor); });

    session_route("GET", "/api/v1/audit", 0,
                  [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                         const std::string&) {
                      if (!is_hr(actor, response)) return;
                      int64_t since = 0, limit = 0;
                      if (!parse_int_parameter(request, "since", 0, since) ||
                          !parse_int_parameter(request, "limit", 100, limit))
                          return send_error(response, 400, "invalid_parameter",
                                            "\"since\" and \"limit\" must be whole numbers >= 0.");
                      const std::string action = request.get_param_value("action");
                      if (action.size() > 64) return send_error(response, 400, "invalid_parameter", "\"action\" is too long.");
                      auto page = databases_.read([&](Store& store) {
                          return read_audit(store, since, int(std::clamp<int64_t>(limit, 1, 1000)), action);
                      });
                      send_json(response, 200,
                                Json{{"entries", page.entries}, {"cursor", page.cursor}, {"more", page.more}});
                  });

    session_route("GET", R"(/api/v1/people/([0-9a-f-]{36})/export)", 0,
                  [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                         const std::string&) { export_person(request.matches[1], response, actor); });

    session_route("POST", R"(/api/v1/people/([0-9a-f-]{36})/erase)", kMaxEmptyBody,
                  [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                         const std::string&) { erase_person(request.matches[1], response, actor); });
}

void TandemServer::import_people(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    if (!is_hr(actor, response)) return;
    const std::string dry_run_text = request.get_param_value("dry_run");
    if (!dry_run_text.empty() && dry_run_text != "true" && dry_run_text != "false")
        return send_error(response, 400, "invalid_parameter", "\"dry_run\" must be true or false.");
    const bool dry_run = dry_run_text == "true";

    CsvReadResult csv = read_csv(request.body);
    if (!csv.problems.empty()) return send_invalid_import(response, csv.problems);

    const uint64_t now = uint64_t(now_millis());
    std::vector<ImportProblem> problems;
    Json counts;
    bool wrote = false;
    databases_.write([&](Store& store) {
        HlcClock clock;
        ImportClock import_clock{iso_from_millis(now), [] { return new_uuid_v7(uint64_t(now_millis())); },
                                 [&] { return clock.now(now).to_string(); }};
        ImportPlan plan = plan_import(csv.records, store.records_of("person"), import_clock);
        if (!plan.problems.empty()) {
            problems = std::move(plan.problems);
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
            for (const auto& person : plan.newly_exited_ids) accounts_.end_sessions(store, person);
            record_audit(store, actor.person_id, "people.import", std::nullopt, counts, int64_t(now / 1000));
        });
        wrote = true;
    });
    if (!problems.empty()) return send_invalid_import(response, problems);
    if (wrote) reload_org_chart();
    counts["dry_run"] = dry_run;
    send_json(response, 200, counts);
}

std::optional<TandemServer::Invite> TandemServer::create_invite(Store& store, const std::string& person_id,
                                                                const std::string& actor_id) {
    auto person = live_person(store, person_id);
    if (!person) return std::nullopt;
    const std::string today = iso_from_millis(uint64_t(now_millis()));
    const std::string exit = person->state.text("exit_date");
    if (!exit.empty() && exit <= today) return Invite{};
    Invite invite;
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
    invite.token = hex;
    invite.expires_on = add_days(today, kInviteDays);
    store.transaction([&] {
        accounts_.store_invite(store, person_id, token_digest(invite.token), invite.expires_on);
        record_audit(store, actor_id, "people.invite", person_id, Json{{"expires_on", invite.expires_on}},
                     now_millis() / 1000);
    });
    return invite;
}

std::optional<TandemServer::Invite> TandemServer::invite_by_email(const std::string& email,
                                                                 const std::string& actor_id) {
    return databases_.write([&](Store& store) -> std::optional<Invite> {
        for (const auto& person : store.records_of("person"))
            if (!person.state.deleted && lower_ascii(person.state.text("email")) == lower_ascii(email))
                return create_invite(store, person.state.record_id, actor_id);
        return std::nullopt;
    });
}

void TandemServer::accept_invite(const httplib::Request& request, httplib::Response& response) {
    auto body = parse_body(request, response);
    if (!body) return;
    auto token = body->find("invite_token"), password = body->find("password");
    if (token == body->end() || !token->is_string() || password == body->end() || !password->is_string() ||
        password->get_ref<const std::string&>().size() > 1024)
        return send_error(response, 400, "invalid_request",
                          "Send {\"invite_token\": \"...\", \"password\": \"...\"} as strings.");
    const std::string today = iso_from_millis(uint64_t(now_millis()));
    auto person_id = databases_.read([&](Store& store) {
        return accounts_.invited_person(store, token_digest(token->get<std::string>()), today);
    });
    if (!person_id)
        return send_error(response, 400, "invalid_invite",
                          "This invitation is unknown, used or expired: ask HR for a new one.");
    const std::string& chosen = password->get_ref<const std::string&>();
    if (characters_in(chosen) < kMinPasswordCharacters)
        return send_error(response, 400, "weak_password",
                          "Choose a password of at least " + std::to_string(kMinPasswordCharacters) +
                              " characters; the invitation stays valid.");
    const std::string hash = hash_password(chosen);  // before taking the writer: it is slow on purpose
    std::optional<Account> account;
    std::string session_token;
    databases_.write([&](Store& store) {
        store.transaction([&] {
            // Checked again under the writer: the invite may have been used or replaced meanwhile.
            if (accounts_.invited_person(store, token_digest(token->get<std::string>()), today) != person_id) return;
            auto person = live_person(store, *person_id);
            if (!person) return;
            accounts_.activate(store, *person_id, person->state.text("email"), hash);
            account = find_account(store, person->state.text("email"));
            if (account) session_token = accounts_.open_session(store, *account, now_millis() / 1000);
        });
    });
    if (!account)
        return send_error(response, 400, "invalid_invite",
                          "This invitation is unknown, used or expired: ask HR for a new one.");
    send_sign_in(response, session_token, *account);
}

void TandemServer::change_role(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    if (!is_hr(actor, response)) return;
    auto body = parse_body(request, response);
    if (!body) return;
    Role role;
    auto wanted = body->find("role");
    if (wanted == body->end() || !wanted->is_string() || !parse_role(wanted->get<std::string>(), role))
        return send_error(response, 400, "invalid_request",
                          "Send {\"role\": \"manager|hr_admin|mentor|employee\"}.");
    const std::string person_id = request.matches[1];
    bool found = false;
    databases_.write([&](Store& store) {
        auto person = live_person(store, person_id);
        if (!person) return;
        found = true;
        if (person->state.text("role") == wanted->get<std::string>()) return;
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
            record_audit(store, actor.person_id, "people.role", person_id, Json{{"role", *wanted}},
                         now_millis() / 1000);
        });
    });
    if (!found) return send_error(response, 404, "not_found", "There is no such person.");
    reload_org_chart();
    send_json(response, 200, Json{{"person_id", person_id}, {"role", *wanted}});
}

} // namespace tandem::server
