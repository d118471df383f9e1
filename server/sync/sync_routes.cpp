#include "sync/sync_routes.h"

#include <algorithm>

#include "http/http_helpers.h"
#include "auth/route_table.h"
#include "auth/server_context.h"
#include "store/audit_log.h"
#include "tandem/base/ids.h"
#include "tandem/surveys/survey_rules.h"
#include "tandem/sync/sync_service.h"

namespace tandem::server {

namespace {

constexpr size_t kMaxChangesPerPush = 5000;
constexpr int kDefaultPullLimit = 500;
constexpr int kMaxPullLimit = 1000;

// Each accepted move of a survey's anonymity thresholds is audited in the push's own transaction (a refused
// or failed push leaves no entry).
void audit_threshold_change(Store& store, const Actor& actor, const Change& change, const RecordState* before,
                            int64_t now_seconds) {
    if (change.entity != "survey") return;
    auto stored = store.load(change.record_id);
    Json moved = threshold_changes(change, before, stored ? &stored->state : nullptr);
    if (!moved.empty())
        record_audit(store, actor.person_id, "survey.thresholds", change.record_id, moved, now_seconds);
}

class SyncRoutes {
public:
    explicit SyncRoutes(ServerContext& server) : server_(server) {}

    void add_to(RouteTable& routes) {
        routes.session_route("POST", "/api/v1/sync/push", server_.options.max_body_bytes,
                             [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                                    const std::string&) { push(request, response, actor); });
        routes.session_route("GET", "/api/v1/sync/pull", 0,
                             [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                                    const std::string&) { pull(request, response, actor); });
    }

private:
    void push(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    void pull(const httplib::Request& request, httplib::Response& response, const Actor& actor);

    ServerContext& server_;
};

void SyncRoutes::push(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    auto body = parse_body(request, response);
    if (!body) return;
    auto device = body->find("device_id");
    auto changes = body->find("changes");
    if (device == body->end() || !device->is_string() || !is_client_token(device->get_ref<const std::string&>()))
        return send_error(response, 400, "invalid_request",
                          "\"device_id\" must be 1-64 characters of A-Z a-z 0-9 . _ : -");
    if (changes == body->end() || !changes->is_array())
        return send_error(response, 400, "invalid_request", "\"changes\" must be an array.");
    if (changes->size() > kMaxChangesPerPush)
        return send_error(response, 413, "payload_too_large",
                          "Send at most " + std::to_string(kMaxChangesPerPush) + " changes per push.");
    auto org = server_.org_chart();
    const int64_t now = now_millis();
    auto outcomes = server_.databases.write([&](Store& store) {
        return SyncService(store).push(actor, *org, *device, *changes, uint64_t(now),
                                       [&](const Change& change, const RecordState* before) {
                                           audit_threshold_change(store, actor, change, before, now / 1000);
                                       });
    });
    Json results = Json::array();
    for (const auto& outcome : outcomes) {
        Json result{{"id", outcome.id}, {"status", outcome.status}};
        if (outcome.error) result["error"] = outcome.error->to_json();
        results.push_back(std::move(result));
    }
    send_json(response, 200, Json{{"results", std::move(results)}});
}

void SyncRoutes::pull(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    int64_t since = 0, limit = 0;
    if (!parse_int_parameter(request, "since", 0, since))
        return send_error(response, 400, "invalid_parameter", "\"since\" must be a whole number >= 0.");
    if (!parse_int_parameter(request, "limit", kDefaultPullLimit, limit))
        return send_error(response, 400, "invalid_parameter", "\"limit\" must be a whole number.");
    limit = std::clamp<int64_t>(limit, 1, kMaxPullLimit);
    auto org = server_.org_chart();
    auto page =
        server_.databases.read([&](Store& store) { return SyncService(store).pull(actor, *org, since, int(limit)); });
    response.status = 200;
    response.set_content(pull_response_json(page), "application/json");
}

}  // namespace

void add_sync_routes(RouteTable& routes, ServerContext& server) {
    routes.keep(std::make_shared<SyncRoutes>(server)).add_to(routes);
}

} // namespace tandem::server
