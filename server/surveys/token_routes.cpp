// Answers from signed-in people by blind token (docs/survey-tokens.md, docs/api.md, Survey tokens). Issuance
// knows the person and sees only a blinded element; redemption knows the group and the token and never looks
// at a session. The two share no stored value: issuance keeps (survey, person, day), redemption keeps a digest
// of the token's input and the answers, stored as a link's answers are.
#include "surveys/token_routes.h"

#include <algorithm>
#include <set>

#include "auth/route_table.h"
#include "auth/server_context.h"
#include "http/http_helpers.h"
#include "http/rate_limiter.h"
#include "surveys/survey_store.h"
#include "surveys/token_store.h"
#include "tandem/base/dates.h"
#include "tandem/surveys/blind_tokens.h"
#include "tandem/surveys/survey_results.h"
#include "tandem/surveys/survey_scoring.h"
#include "tandem/surveys/survey_views.h"

namespace tandem::server {

namespace {

constexpr size_t kMaxTokenBody = 1024;
constexpr size_t kMaxTokenAnswerBody = 512 * 1024;  // as a link's answers

std::string today() { return iso_from_millis(uint64_t(now_millis())); }

void send_closed(httplib::Response& response) {
    send_error(response, 409, "survey_closed", "This survey is not taking answers now.");
}

Json public_keys_of(const std::vector<GroupKey>& keys) {
    Json list = Json::array();
    for (const auto& key : keys)
        list.push_back(Json{{"group", key.group}, {"public_key", voprf::to_base64url(key.key.public_key)}});
    return list;
}

class TokenRoutes {
public:
    explicit TokenRoutes(ServerContext& server)
        : server_(server), redeem_limiter_(30, server.shared_counters.get(), "redeem") {}

    void add_to(RouteTable& routes) {
        routes.session_route("GET", R"(/api/v1/surveys/([0-9a-f-]{36})/token-keys)", 0,
                             [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                                    const std::string&) { token_keys(request, response, actor); });
        routes.session_route("POST", R"(/api/v1/surveys/([0-9a-f-]{36})/token)", kMaxTokenBody,
                             [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                                    const std::string&) { issue(request, response, actor); });
        // Public on purpose: the gate finds no session for it and the handler reads no header.
        routes.public_route("POST", R"(/api/v1/surveys/([0-9a-f-]{36})/token-answers)", kMaxTokenAnswerBody,
                            [this](const httplib::Request& request, httplib::Response& response) {
                                redeem(request, response);
                            });
    }

private:
    void token_keys(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    void issue(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    void redeem(const httplib::Request& request, httplib::Response& response);

    ServerContext& server_;
    RateLimiter redeem_limiter_;  // per token input, as per answer link
};

// Every group's key, the same list for every caller, so a device can tell that the key its token was made
// under is the one everyone in its team got.
void TokenRoutes::token_keys(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    const std::string survey_id = request.matches[1];
    auto org = server_.org_chart();
    auto survey = server_.databases.read([&](Store& store) { return load_survey(store, survey_id); });
    if (!survey) return send_error(response, 404, "not_found", "There is no such survey.");
    if (!may_read(actor, survey->meta, *org))
        return send_error(response, 403, "forbidden", "This survey's audience does not include you.");
    const auto groups = invited_groups(survey->audience, *org);
    auto keys = server_.databases.read([&](Store& store) { return load_group_keys(store, survey_id); });
    std::set<std::string> have;
    for (const auto& key : keys) have.insert(key.group);
    if (std::any_of(groups.begin(), groups.end(), [&](const std::string& group) { return !have.count(group); })) {
        // Keys are made for every invited team at once, so the list is complete before anyone's token.
        server_.databases.write([&](Store& store) {
            store.transaction([&] { ensure_group_keys(store, survey_id, groups); });
            keys = load_group_keys(store, survey_id);
        });
    }
    send_json(response, 200, Json{{"suite", voprf::kSuite}, {"keys", public_keys_of(keys)}});
}

void TokenRoutes::issue(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    const std::string survey_id = request.matches[1];
    auto body = parse_body(request, response);
    if (!body) return;
    auto field = body->find("blinded_element");
    std::optional<std::string> blinded;
    if (field != body->end() && field->is_string()) blinded = voprf::from_base64url(field->get<std::string>(), 32);
    if (!blinded || !voprf::is_valid_element(*blinded))
        return send_error(response, 400, "invalid_request",
                          "Send {\"blinded_element\": \"<a ristretto255 element, 32 bytes in base64url without "
                          "padding>\"}.");
    auto org = server_.org_chart();
    const std::string manager = org->manager_of(actor.person_id);
    const std::string group = survey::team_group(manager);
    enum class Outcome { Issued, Missing, Outside, Closed, Again } outcome = Outcome::Missing;
    std::optional<voprf::Evaluation> evaluation;
    std::optional<GroupKey> key;
    server_.databases.write([&](Store& store) {
        store.transaction([&] {
            auto survey = load_survey(store, survey_id);
            if (!survey) return;
            if (manager.empty() || !survey_invites_team(survey->audience, manager, *org)) {
                outcome = Outcome::Outside;
                return;
            }
            if (!survey->accepts_answers(today())) {
                outcome = Outcome::Closed;
                return;
            }
            if (token_issued(store, survey_id, actor.person_id)) {
                outcome = Outcome::Again;
                return;
            }
            // Every invited team's key at once (the caller's is among them), so the published list is whole.
            ensure_group_keys(store, survey_id, invited_groups(survey->audience, *org));
            key = load_group_key(store, survey_id, group);
            evaluation = voprf::blind_evaluate(key->key, *blinded);
            record_issuance(store, survey_id, actor.person_id, today());
            outcome = Outcome::Issued;
        });
    });
    switch (outcome) {
    case Outcome::Missing: return send_error(response, 404, "not_found", "There is no such survey.");
    case Outcome::Outside:
        return send_error(response, 403, "forbidden", "This survey does not invite your team, so it has no token for you.");
    case Outcome::Closed: return send_closed(response);
    case Outcome::Again:
        return send_error(response, 409, "already_issued",
                          "This survey already gave you its one token; the device that asked first holds it.");
    case Outcome::Issued: break;
    }
    send_json(response, 200,
              Json{{"group", group},
                   {"public_key", voprf::to_base64url(key->key.public_key)},
                   {"evaluated_element", voprf::to_base64url(evaluation->evaluated_element)},
                   {"proof", voprf::to_base64url(evaluation->proof)}});
}

void TokenRoutes::redeem(const httplib::Request& request, httplib::Response& response) {
    const std::string survey_id = request.matches[1];
    auto body = parse_body(request, response);
    if (!body) return;
    auto text_field = [&](const char* name) -> std::string {
        auto it = body->find(name);
        return it != body->end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const std::string group = text_field("group");
    auto input = voprf::from_base64url(text_field("token_input"), 32);
    auto token = voprf::from_base64url(text_field("token"), voprf::kOutputBytes);
    if (group.empty() || group.size() > 200 || !input || !token)
        return send_error(response, 400, "invalid_request",
                          "Send {\"group\", \"token_input\" (32 bytes), \"token\" (64 bytes), \"answers\"}, bytes in "
                          "base64url without padding.");
    const std::string digest = spent_digest(survey_id, *input);
    if (int64_t wait = redeem_limiter_.wait_seconds(digest, now_millis())) {
        response.set_header("Retry-After", std::to_string(wait));
        return send_error(response, 429, "rate_limited", "Too many requests; try again in " + std::to_string(wait) + " s.");
    }
    auto survey = server_.databases.read([&](Store& store) { return load_survey(store, survey_id); });
    if (!survey) return send_error(response, 404, "not_found", "There is no such survey.");
    if (!survey->accepts_answers(today())) return send_closed(response);
    auto key = server_.databases.read([&](Store& store) { return load_group_key(store, survey_id, group); });
    if (!key || !voprf::token_matches(key->key.secret_key, *input, *token))
        return send_error(response, 400, "invalid_token", "This token was not issued for this survey and group.");
    if (server_.databases.read([&](Store& store) { return token_spent(store, digest); }))
        return send_error(response, 409, "already_answered", "This token has already been used to answer.");
    auto checked = survey::check_answers(survey->questions, *body);
    if (!checked.problem.empty()) return send_error(response, 400, "invalid_answer", checked.problem);
    bool recorded = false, closed = false;
    server_.databases.write([&](Store& store) {
        store.transaction([&] {
            // Checked again under the writer: the same token sent twice at once, or the survey closed meanwhile.
            if (token_spent(store, digest)) return;
            auto current = load_survey(store, survey_id);
            if (!current || !current->accepts_answers(today())) {
                closed = true;
                return;
            }
            record_respondent(store, *current, checked.answers, {group, "org"}, today());
            record_spent(store, digest);
            recorded = true;
        });
    });
    if (closed) return send_closed(response);
    if (!recorded) return send_error(response, 409, "already_answered", "This token has already been used to answer.");
    send_json(response, 201, Json{{"status", "recorded"}});
}

}  // namespace

void add_token_routes(RouteTable& routes, ServerContext& server) {
    routes.keep(std::make_shared<TokenRoutes>(server)).add_to(routes);
}

} // namespace tandem::server
