// Employee access (docs/api.md, Employee access and Bulk invitations): HR's switch for whether employees may
// sign in, and invitations for a whole department or a manager's tree, as JSON or as a CSV to hand out.
#include "people/access_routes.h"

#include <algorithm>
#include <unordered_set>

#include "auth/route_table.h"
#include "auth/server_context.h"
#include "http/http_helpers.h"
#include "people/invite_page.h"
#include "store/audit_log.h"
#include "tandem/base/csv.h"
#include "tandem/base/dates.h"

namespace tandem::server {

namespace {

constexpr size_t kMaxBulkInvites = 5000;
constexpr int kInviteDays = 14;  // as single invitations (people_routes.cpp)

Json access_body(const EmployeeAccess& access) {
    return Json{{"enabled", access.enabled},
                {"changed_on", access.changed_on.empty() ? Json() : Json(access.changed_on)}};
}

// Where the links point: the address HR reached this server at, so a CSV fetched through the app holds links
// to the same app. Anything unexpected in Host leaves the link relative rather than pointing elsewhere.
std::string origin_of(const httplib::Request& request) {
    const std::string host = request.get_header_value("Host");
    if (host.empty() || host.size() > 255 ||
        host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") != std::string::npos)
        return "";
    const bool https = request.get_header_value("X-Forwarded-Proto") == "https";
    return (https ? "https://" : "http://") + host;
}

bool wants_csv(const httplib::Request& request, bool& valid) {
    const std::string format = request.get_param_value("format");
    valid = format.empty() || format == "csv" || format == "json";
    if (!format.empty()) return format == "csv";
    return request.get_header_value("Accept").find("text/csv") != std::string::npos;
}

struct BulkResult {
    int status = 200;
    std::string code, message;
    Json invites = Json::array(), skipped = Json::array();
};

class AccessRoutes {
public:
    explicit AccessRoutes(ServerContext& server) : server_(server) {}

    void add_to(RouteTable& routes) {
        routes.session_route("GET", "/api/v1/settings/employee-access", 0,
                             [this](const httplib::Request&, httplib::Response& response, const Actor& actor,
                                    const std::string&) {
                                 if (!require_hr(actor, response)) return;
                                 send_json(response, 200,
                                           access_body(server_.databases.read(
                                               [](Store& store) { return read_employee_access(store); })));
                             });
        routes.session_route("PUT", "/api/v1/settings/employee-access", kMaxSignInBody,
                             [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                                    const std::string&) { switch_access(request, response, actor); });
        routes.session_route("POST", "/api/v1/people/invites", kMaxSignInBody,
                             [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                                    const std::string&) { invite_many(request, response, actor); });
        routes.public_route("GET", "/invite", 0, [](const httplib::Request&, httplib::Response& response) {
            response.set_header("Referrer-Policy", "no-referrer");
            response.set_content(invite_page_html(), "text/html; charset=utf-8");
        });
    }

private:
    void switch_access(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    void invite_many(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    BulkResult make_invites(Store& store, const std::string& department, const std::string& manager_id,
                            const Actor& actor);

    ServerContext& server_;
};

void AccessRoutes::switch_access(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    if (!require_hr(actor, response)) return;
    auto body = parse_body(request, response);
    if (!body) return;
    auto enabled = body->find("enabled");
    if (enabled == body->end() || !enabled->is_boolean() || body->size() != 1)
        return send_error(response, 400, "invalid_request", "Send {\"enabled\": true} or {\"enabled\": false}.");
    const bool on = enabled->get<bool>();
    const std::string today = iso_from_millis(uint64_t(now_millis()));
    auto access = server_.databases.write([&](Store& store) {
        server_.accounts.set_employee_access(store, on, today, [&] {
            record_audit(store, actor.person_id, "settings.employee_access", std::nullopt, Json{{"enabled", on}},
                         now_millis() / 1000);
        });
        return read_employee_access(store);
    });
    send_json(response, 200, access_body(access));
}

void AccessRoutes::invite_many(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    if (!require_hr(actor, response)) return;
    bool format_valid = true;
    const bool csv = wants_csv(request, format_valid);
    if (!format_valid) return send_error(response, 400, "invalid_parameter", "\"format\" must be csv or json.");
    auto body = parse_body(request, response);
    if (!body) return;
    auto department = body->find("department"), manager = body->find("manager_id");
    const bool by_department = department != body->end(), by_manager = manager != body->end();
    if (by_department == by_manager || body->size() != 1 || (by_department && !department->is_string()) ||
        (by_manager && !manager->is_string()))
        return send_error(response, 400, "invalid_request",
                          "Send {\"department\": \"<name>\"} or {\"manager_id\": \"<person id>\"}, one of them.");
    if (by_department && department->get_ref<const std::string&>().empty())
        return send_error(response, 400, "invalid_request", "Name the department: it is empty.");
    auto result = server_.databases.write([&](Store& store) {
        return make_invites(store, by_department ? department->get<std::string>() : "",
                            by_manager ? manager->get<std::string>() : "", actor);
    });
    if (result.status != 200) return send_error(response, result.status, result.code, result.message);
    if (!csv) return send_json(response, 200, Json{{"invites", result.invites}, {"skipped", result.skipped}});
    const std::string origin = origin_of(request);
    Json rows = Json::array();
    for (const auto& invite : result.invites)
        rows.push_back(Json{{"name", invite["name"]},
                            {"email", invite["email"]},
                            {"invite_link", origin + invite["invite_path"].get<std::string>()},
                            {"expires_on", invite["expires_on"]}});
    response.status = 200;
    response.set_header("Content-Disposition", "attachment; filename=\"invites.csv\"");
    response.set_header("Cache-Control", "no-store");  // each row is a password-setting link
    response.set_content(csv_table({"name", "email", "invite_link", "expires_on"}, rows), "text/csv; charset=utf-8");
}

BulkResult AccessRoutes::make_invites(Store& store, const std::string& department, const std::string& manager_id,
                                      const Actor& actor) {
    BulkResult result;
    const auto people = store.records_of("person");
    std::unordered_map<std::string, const StoredRecord*> by_id;
    for (const auto& person : people)
        if (!person.state.deleted) by_id[person.state.record_id] = &person;

    std::vector<const StoredRecord*> targets;
    Json scope;
    if (!department.empty()) {
        for (const auto& [id, person] : by_id)
            if (person->state.text("department") == department) targets.push_back(person);
        if (targets.empty())
            return BulkResult{404, "not_found", "Nobody is in the department \"" + department + "\".", {}, {}};
        scope = Json{{"department", department}};
    } else {
        if (!by_id.count(manager_id)) return BulkResult{404, "not_found", "There is no such person.", {}, {}};
        // Read under the writer, so the tree is the one this transaction sees.
        for (const auto& id : load_org_chart(store).tree_of(manager_id))
            if (id != manager_id && by_id.count(id)) targets.push_back(by_id[id]);
        scope = Json{{"manager_id", manager_id}};
    }
    std::sort(targets.begin(), targets.end(), [](const StoredRecord* a, const StoredRecord* b) {
        const std::string an = a->state.text("name"), bn = b->state.text("name");
        return an != bn ? an < bn : a->state.record_id < b->state.record_id;
    });

    std::unordered_set<std::string> with_account;
    Statement accounts(store.database(), "SELECT person_id FROM accounts");
    while (accounts.step()) with_account.insert(accounts.text(0));
    accounts.reset();

    const std::string today = iso_from_millis(uint64_t(now_millis()));
    std::vector<const StoredRecord*> invited;
    for (const StoredRecord* person : targets) {
        const std::string exit = person->state.text("exit_date");
        const char* reason = !exit.empty() && exit <= today                     ? "left"
                             : with_account.count(person->state.record_id) > 0 ? "already_active"
                                                                                : nullptr;
        if (reason)
            result.skipped.push_back(Json{{"person_id", person->state.record_id},
                                          {"name", person->state.text("name")},
                                          {"reason", reason}});
        else invited.push_back(person);
    }
    if (invited.size() > kMaxBulkInvites)
        return BulkResult{400, "invalid_request",
                          std::to_string(invited.size()) + " people would be invited; at most " +
                              std::to_string(kMaxBulkInvites) + " at once. Invite smaller teams one after another.",
                          {}, {}};
    const std::string expires_on = add_days(today, kInviteDays);
    Json details = scope;
    details["expires_on"] = expires_on;
    store.transaction([&] {
        for (const StoredRecord* person : invited) {
            const std::string token = new_token();
            server_.accounts.store_link(store, person->state.record_id, token_digest(token), expires_on, false,
                                        actor.person_id);
            record_audit(store, actor.person_id, "people.invite", person->state.record_id, details,
                         now_millis() / 1000);
            result.invites.push_back(Json{{"person_id", person->state.record_id},
                                          {"name", person->state.text("name")},
                                          {"email", person->state.text("email")},
                                          {"invite_token", token},
                                          {"invite_path", invite_path(token)},
                                          {"expires_on", expires_on}});
        }
    });
    return result;
}

}  // namespace

std::string invite_path(const std::string& token) { return "/invite#" + token; }

void add_access_routes(RouteTable& routes, ServerContext& server) {
    routes.keep(std::make_shared<AccessRoutes>(server)).add_to(routes);
}

} // namespace tandem::server
