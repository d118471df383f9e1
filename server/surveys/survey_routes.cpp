// Survey routes (docs/api.md, Surveys): answer links and the pages and endpoints that take answers without an
// account, kiosks, and results. Answers are checked whole by the core before anything is stored, then counted
// into tallies in the same transaction that uses up the link or remembers the kiosk submission.
#include <sodium.h>

#include <algorithm>
#include <optional>

#include "http/rate_limiter.h"
#include "surveys/answer_page.h"
#include "store/audit_log.h"
#include "surveys/survey_routes.h"
#include "auth/route_table.h"
#include "auth/server_context.h"
#include "http/http_helpers.h"
#include "surveys/survey_store.h"
#include "surveys/token_routes.h"
#include "tandem/base/dates.h"
#include "tandem/sync/entity.h"
#include "tandem/base/ids.h"
#include "tandem/base/random_tokens.h"
#include "tandem/surveys/survey_rules.h"
#include "tandem/surveys/survey_views.h"

namespace tandem::server {

namespace {

constexpr size_t kMaxAnswerBody = 512 * 1024;  // 5,000 bytes of text for each of dozens of questions
constexpr size_t kMaxComments = 1000;

std::string today() { return iso_from_millis(uint64_t(now_millis())); }

// What an answer page or a kiosk shows: the title, the questions and the anonymity rule.
Json survey_for_answering(const SurveyDefinition& survey) {
    Json questions = Json::array();
    for (const auto& question : survey.questions)
        questions.push_back(Json{{"question_id", question.id},
                                 {"kind", survey::to_string(question.kind)},
                                 {"text", question.text},
                                 {"choices", question.kind == survey::Kind::Choice ? Json(question.choices)
                                                                                   : Json(nullptr)}});
    return Json{{"survey", {{"title", survey.title}}},
                {"questions", std::move(questions)},
                {"anonymity", survey::anonymity_sentence(survey.rules)}};
}

void send_closed(httplib::Response& response) {
    send_error(response, 409, "survey_closed", "This survey is not taking answers now.");
}

bool limited(RateLimiter& limiter, const std::string& key, httplib::Response& response) {
    if (int64_t wait = limiter.wait_seconds(key, now_millis())) {
        response.set_header("Retry-After", std::to_string(wait));
        send_error(response, 429, "rate_limited", "Too many requests; try again in " + std::to_string(wait) + " s.");
        return true;
    }
    return false;
}

// `value` as a whole number in [low, high], judged on the JSON number itself (signed or unsigned) so that
// no value can overflow into the range.
std::optional<int64_t> whole_number_within(const Json& value, int64_t low, int64_t high) {
    if (high < low) return std::nullopt;
    if (value.is_number_unsigned()) {
        const uint64_t n = value.get<uint64_t>();
        if (n >= uint64_t(std::max<int64_t>(low, 0)) && n <= uint64_t(high)) return int64_t(n);
        return std::nullopt;
    }
    if (value.is_number_integer()) {
        const int64_t n = value.get<int64_t>();
        if (n >= low && n <= high) return n;
    }
    return std::nullopt;
}

// The stored groups whose comments make up a node of the forest: a tree's are its teams'.
std::vector<std::string> stored_groups_of(const survey::GroupForest& forest, size_t node) {
    const auto& nodes = forest.nodes();
    if (nodes[node].id.rfind("tree:", 0) != 0) return {nodes[node].id};
    std::vector<std::string> groups;
    std::vector<size_t> pending{node};
    while (!pending.empty()) {
        size_t at = pending.back();
        pending.pop_back();
        if (nodes[at].id.rfind("team:", 0) == 0) groups.push_back(nodes[at].id);
        pending.insert(pending.end(), nodes[at].children.begin(), nodes[at].children.end());
    }
    return groups;
}

class SurveyRoutes {
public:
    explicit SurveyRoutes(ServerContext& server)
        : server_(server),
          answer_limiter_(30, server.shared_counters.get(), "answer"),
          kiosk_limiter_(600, server.shared_counters.get(), "kiosk") {}

    void add_to(RouteTable& routes) {
        routes.public_route("GET", "/answer", 0, [](const httplib::Request&, httplib::Response& response) {
            response.set_content(answer_page_html(), "text/html; charset=utf-8");
            response.set_header("Cache-Control", "no-store");
            response.set_header("Referrer-Policy", "no-referrer");
            response.set_header("Content-Security-Policy",
                                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                                "connect-src 'self'; base-uri 'none'; form-action 'none'");
        });

        routes.session_route("POST", R"(/api/v1/surveys/([0-9a-f-]{36})/links)", kMaxSignInBody,
                      [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                             const std::string&) { create_links(request, response, actor); });

        routes.public_route("GET", R"(/api/v1/answer/([^/]{1,200}))", 0,
                     [this](const httplib::Request& request, httplib::Response& response) {
                         answer_with_link(request, response, false);
                     });
        routes.public_route("POST", R"(/api/v1/answer/([^/]{1,200}))", kMaxAnswerBody,
                     [this](const httplib::Request& request, httplib::Response& response) {
                         answer_with_link(request, response, true);
                     });

        routes.session_route("POST", "/api/v1/kiosks", kMaxSignInBody,
                      [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                             const std::string&) { register_kiosk(request, response, actor); });
        routes.session_route("GET", "/api/v1/kiosks", 0,
                      [this](const httplib::Request&, httplib::Response& response, const Actor& actor,
                             const std::string&) {
                          if (!require_hr(actor, response)) return;
                          auto kiosks = server_.databases.read([](Store& store) { return list_kiosks(store); });
                          send_json(response, 200, Json{{"kiosks", kiosks}});
                      });
        routes.session_route("DELETE", R"(/api/v1/kiosks/([0-9a-f-]{36}))", kMaxEmptyBody,
                      [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                             const std::string&) {
                          if (!require_hr(actor, response)) return;
                          const std::string kiosk_id = request.matches[1];
                          bool revoked = false;
                          server_.databases.write([&](Store& store) {
                              store.transaction([&] {
                                  revoked = revoke_kiosk(store, kiosk_id);
                                  if (revoked)
                                      record_audit(store, actor.person_id, "kiosk.revoke", kiosk_id, Json::object(),
                                                   now_millis() / 1000);
                              });
                          });
                          if (!revoked) return send_error(response, 404, "not_found", "There is no active kiosk with this id.");
                          response.status = 204;
                      });

        routes.kiosk_route("GET", "/api/v1/kiosk/survey", 0,
                    [this](const httplib::Request&, httplib::Response& response, const Kiosk& kiosk) {
                        if (limited(kiosk_limiter_, kiosk.kiosk_id, response)) return;
                        auto survey = server_.databases.read([&](Store& store) { return load_survey(store, kiosk.survey_id); });
                        if (!survey) return send_error(response, 404, "not_found", "This kiosk's survey no longer exists.");
                        if (!survey->accepts_answers(today())) return send_closed(response);
                        Json body = survey_for_answering(*survey);
                        body["kiosk"] = Json{{"kiosk_id", kiosk.kiosk_id}, {"label", kiosk.label}};
                        send_json(response, 200, body);
                    });
        routes.kiosk_route("POST", "/api/v1/kiosk/responses", kMaxAnswerBody,
                    [this](const httplib::Request& request, httplib::Response& response, const Kiosk& kiosk) {
                        kiosk_response(request, response, kiosk);
                    });

        routes.session_route("GET", R"(/api/v1/surveys/([0-9a-f-]{36})/results)", 0,
                      [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                             const std::string&) { survey_results(request, response, actor); });
    }

private:
    void create_links(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    void answer_with_link(const httplib::Request& request, httplib::Response& response, bool submitting);
    void register_kiosk(const httplib::Request& request, httplib::Response& response, const Actor& actor);
    void kiosk_response(const httplib::Request& request, httplib::Response& response, const Kiosk& kiosk);
    void survey_results(const httplib::Request& request, httplib::Response& response, const Actor& actor);

    ServerContext& server_;
    // Answer endpoints need no account: each link and each kiosk gets a request budget per minute.
    RateLimiter answer_limiter_;
    RateLimiter kiosk_limiter_;
};


void SurveyRoutes::create_links(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    if (!require_hr(actor, response)) return;
    auto body = parse_body(request, response);
    if (!body) return;
    auto team_of = body->find("team_of"), count = body->find("count");
    if (team_of == body->end() || !team_of->is_string() || count == body->end())
        return send_error(response, 400, "invalid_request",
                          "Send {\"team_of\": \"<manager person id>\", \"count\": <whole number>}.");
    const std::string survey_id = request.matches[1], manager_id = team_of->get<std::string>();
    auto org = server_.org_chart();
    if (org->reports_of(manager_id).empty())
        return send_error(response, 400, "invalid_request", "\"team_of\" must be a manager with a team.");
    bool outside_audience = false;
    std::vector<std::string> tokens;
    std::string problem;
    bool found = false;
    server_.databases.write([&](Store& store) {
        auto survey = load_survey(store, survey_id);
        if (!survey) return;
        found = true;
        // Links for a team the survey never invited would only pad the organisation's figures.
        if (!survey_invites_team(survey->audience, manager_id, *org)) {
            outside_audience = true;
            return;
        }
        const int64_t remaining =
            answer_link_allowance(store, *org, manager_id, today(), count_links(store, survey_id, manager_id));
        // Compared as the number it was sent as, before any arithmetic: a huge count must not wrap.
        const auto wanted = whole_number_within(*count, 1, remaining);
        if (!wanted) {
            problem = remaining > 0 ? "\"count\" must be a whole number from 1 to " + std::to_string(remaining) +
                                          ": one link per person still employed in the team, less those made before."
                                    : "Every person still employed in this team already has a link.";
            return;
        }
        for (int64_t i = 0; i < *wanted; ++i) tokens.push_back(random_hex(32));
        store.transaction([&] {
            for (const auto& token : tokens) add_link(store, token_digest(token), survey_id, manager_id);
            record_audit(store, actor.person_id, "survey.links", survey_id,
                         Json{{"team_of", manager_id}, {"count", *wanted}}, now_millis() / 1000);
        });
    });
    if (!found) return send_error(response, 404, "not_found", "There is no such survey.");
    if (outside_audience)
        return send_error(response, 400, "invalid_parameter", "\"team_of\" must lead a team the survey invites.");
    if (!problem.empty()) return send_error(response, 400, "invalid_parameter", problem);
    Json links = Json::array();
    for (const auto& token : tokens) links.push_back(Json{{"token", token}, {"path", "/answer#" + token}});
    send_json(response, 200, Json{{"links", std::move(links)}});
}

void SurveyRoutes::answer_with_link(const httplib::Request& request, httplib::Response& response, bool submitting) {
    const std::string digest = token_digest(request.matches[1]);
    if (limited(answer_limiter_, digest, response)) return;
    auto link = server_.databases.read([&](Store& store) { return find_link(store, digest); });
    if (!link) return send_error(response, 404, "not_found", "This answer link is unknown.");
    if (link->used) return send_error(response, 409, "already_answered", "This link has already been used to answer.");
    auto survey = server_.databases.read([&](Store& store) { return load_survey(store, link->survey_id); });
    if (!survey) return send_error(response, 404, "not_found", "This survey no longer exists.");
    if (!survey->accepts_answers(today())) return send_closed(response);
    if (!submitting) return send_json(response, 200, survey_for_answering(*survey));

    auto body = parse_body(request, response);
    if (!body) return;
    auto checked = survey::check_answers(survey->questions, *body);
    if (!checked.problem.empty()) return send_error(response, 400, "invalid_answer", checked.problem);
    bool recorded = false, closed = false;
    server_.databases.write([&](Store& store) {
        store.transaction([&] {
            // Checked again under the writer: two tabs could send the same link at once, and HR could close
            // the survey meanwhile (an answer counted after the close would change released figures).
            auto now = find_link(store, digest);
            if (!now || now->used) return;
            auto current = load_survey(store, link->survey_id);
            if (!current || !current->accepts_answers(today())) {
                closed = true;
                return;
            }
            record_respondent(store, *current, checked.answers, {survey::team_group(link->team_of), "org"}, today());
            use_link(store, digest);
            recorded = true;
        });
    });
    if (closed) return send_closed(response);
    if (!recorded) return send_error(response, 409, "already_answered", "This link has already been used to answer.");
    send_json(response, 201, Json{{"status", "recorded"}});
}

void SurveyRoutes::register_kiosk(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    if (!require_hr(actor, response)) return;
    auto body = parse_body(request, response);
    if (!body) return;
    auto survey_id = body->find("survey_id"), label = body->find("label");
    if (survey_id == body->end() || !survey_id->is_string() || label == body->end() || !label->is_string() ||
        label->get_ref<const std::string&>().empty() || label->get_ref<const std::string&>().size() > 100 ||
        has_control_characters(label->get<std::string>()) || !is_valid_utf8(label->get<std::string>()))
        return send_error(response, 400, "invalid_request",
                          "Send {\"survey_id\": \"...\", \"label\": \"1 to 100 characters\"}.");
    Kiosk kiosk{random_uuid_v4(), survey_id->get<std::string>(), label->get<std::string>()};
    const std::string token = random_hex(32);
    bool found = false;
    server_.databases.write([&](Store& store) {
        store.transaction([&] {
            if (!load_survey(store, kiosk.survey_id)) return;
            found = true;
            add_kiosk(store, kiosk, token_digest(token));
            record_audit(store, actor.person_id, "kiosk.register", kiosk.kiosk_id,
                         Json{{"survey_id", kiosk.survey_id}, {"label", kiosk.label}}, now_millis() / 1000);
        });
    });
    if (!found) return send_error(response, 404, "not_found", "There is no such survey.");
    send_json(response, 201, Json{{"kiosk_id", kiosk.kiosk_id}, {"kiosk_token", token}});
}

void SurveyRoutes::kiosk_response(const httplib::Request& request, httplib::Response& response, const Kiosk& kiosk) {
    if (limited(kiosk_limiter_, kiosk.kiosk_id, response)) return;
    auto body = parse_body(request, response);
    if (!body) return;
    auto submission = body->find("submission_id");
    if (submission == body->end() || !submission->is_string() ||
        !is_uuid(lower_ascii(submission->get<std::string>())))
        return send_error(response, 400, "invalid_request", "\"submission_id\" must be a UUID made on the kiosk.");
    // The digest binds the submission to this kiosk; the table holds nothing else, and nothing links it to answers.
    const std::string digest = token_digest(kiosk.kiosk_id + ":" + lower_ascii(submission->get<std::string>()));
    enum class Outcome { Recorded, Duplicate, Gone, Closed, Invalid } outcome = Outcome::Invalid;
    std::string problem;
    struct Refused {};  // leaves the transaction, undoing the remembered submission
    auto record = [&](Store& store) {
        auto survey = load_survey(store, kiosk.survey_id);
        if (!survey) {
            outcome = Outcome::Gone;
            return;
        }
        // A submission already counted is acknowledged first: an offline queue sending again must be able to
        // empty itself even after the survey has closed.
        if (!remember_submission(store, digest)) {
            outcome = Outcome::Duplicate;
            return;
        }
        if (!survey->accepts_answers(today())) {
            outcome = Outcome::Closed;
            throw Refused{};
        }
        auto checked = survey::check_answers(survey->questions, *body);
        if (!checked.problem.empty()) {
            problem = checked.problem;
            outcome = Outcome::Invalid;
            throw Refused{};
        }
        const std::string group = survey->training_session_id.empty()
                                      ? std::string("org")
                                      : survey::session_group(survey->training_session_id);
        record_respondent(store, *survey, checked.answers, {group}, today());
        outcome = Outcome::Recorded;
    };
    server_.databases.write([&](Store& store) {
        try {
            store.transaction([&] { record(store); });
        } catch (const Refused&) {
        }
    });
    switch (outcome) {
    case Outcome::Recorded: return send_json(response, 201, Json{{"status", "recorded"}});
    case Outcome::Duplicate: return send_json(response, 200, Json{{"status", "duplicate"}});
    case Outcome::Gone: return send_error(response, 404, "not_found", "This kiosk's survey no longer exists.");
    case Outcome::Closed: return send_closed(response);
    case Outcome::Invalid: return send_error(response, 400, "invalid_answer", problem);
    }
}

void SurveyRoutes::survey_results(const httplib::Request& request, httplib::Response& response, const Actor& actor) {
    const std::string survey_id = request.matches[1], group = request.get_param_value("group");
    const bool with_children = request.get_param_value("children") == "true";
    if (group.empty() || group.size() > 200)
        return send_error(response, 400, "invalid_parameter",
                          "Name a group: org, team:<manager id>, tree:<manager id> or session:<session id>.");
    auto org = server_.org_chart();
    auto body = server_.databases.read([&](Store& store) -> std::optional<Json> {
        auto facilitates = [&](const std::string& session_id) {
            auto session = store.load(session_id);
            return session && !session->state.deleted && session->state.entity == "training_session" &&
                   session->state.text("facilitator_id") == actor.person_id;
        };
        auto root = survey::reading_root(actor, group, *org, facilitates);
        if (!root) {
            send_error(response, 403, "forbidden", "You may not read the results of this group.");
            return std::nullopt;
        }
        auto survey = load_survey(store, survey_id);
        if (!survey) {
            send_error(response, 404, "not_found", "There is no such survey.");
            return std::nullopt;
        }
        // A survey meant for another division is not this reader's to read in any group: not even its
        // questions or thresholds. The person who ran a session reads that session's survey.
        const bool runs_its_session = !survey->training_session_id.empty() &&
                                      group == survey::session_group(survey->training_session_id) &&
                                      facilitates(survey->training_session_id);
        if (!may_read(actor, survey->meta, *org) && !runs_its_session) {
            send_error(response, 403, "forbidden", "This survey's audience does not include you.");
            return std::nullopt;
        }
        survey::GroupForest forest(*org, load_tallies(store, survey_id), *root);
        auto node = forest.find(group);
        if (!node) {
            send_error(response, 404, "not_found", "There is no such group: it names no manager with a team.");
            return std::nullopt;
        }
        const survey::TallyLayout layout = load_layout(store, survey_id);
        auto visibility = survey::decide_visibility(forest, survey->questions, layout, survey->rules);
        const bool released = survey->results_released(today());
        auto results_of = [&](size_t at) {
            if (!released)
                return survey::group_participation(forest, at, visibility, survey->questions, layout, survey->rules);
            const auto groups = stored_groups_of(forest, at);
            return survey::group_results(forest, at, visibility, survey->questions, layout, survey->rules,
                                         [&](const std::string& question_id) {
                                             return load_comments(store, survey_id, question_id, groups,
                                                                  kMaxComments);
                                         });
        };
        Json body = results_of(*node);
        // The groups inside it, decided in the same view: what a heatmap of teams draws in one request.
        if (with_children) {
            body["children"] = Json::array();
            for (size_t child : forest.nodes()[*node].children) body["children"].push_back(results_of(child));
        }
        return body;
    });
    if (body) send_json(response, 200, *body);
}

}  // namespace

void add_survey_routes(RouteTable& routes, ServerContext& server) {
    routes.keep(std::make_shared<SurveyRoutes>(server)).add_to(routes);
    add_token_routes(routes, server);
}

} // namespace tandem::server
