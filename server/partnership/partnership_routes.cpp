// Figures about programs and agreements that need everyone's records, so only the server can compute them:
// an agreement's adherence for HR (the manager's own device computes it offline from the same core code)
// and a program's adoption per team.
#include "partnership/partnership_routes.h"
#include "route_table.h"
#include "server_context.h"
#include "http/http_helpers.h"
#include "tandem/agreements.h"
#include "tandem/dates.h"
#include "tandem/program_views.h"

namespace tandem::server {

namespace {

class PartnershipRoutes {
public:
    explicit PartnershipRoutes(ServerContext& server) : server_(server) {}

    void add_to(RouteTable& routes) {
        routes.session_route("GET", R"(/api/v1/agreements/([0-9a-f-]{36})/adherence)", 0,
                      [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                             const std::string&) {
                          const std::string agreement_id = request.matches[1];
                          const std::string today = iso_from_millis(uint64_t(now_millis()));
                          auto org = server_.org_chart();
                          std::optional<Json> body;
                          bool found = false;
                          server_.databases.read([&](Store& store) {
                              auto agreement = agreement_view(store, agreement_id);
                              if (!agreement) return;
                              found = true;
                              if (!may_read_adherence(actor, *agreement)) return;
                              const ManagerActivity activity = manager_activity(store, agreement->manager_id, today, org.get());
                              body = adherence_json(*agreement, agreement_adherence(*agreement, activity, today));
                          });
                          if (!found) return send_error(response, 404, "not_found", "There is no such agreement.");
                          if (!body)
                              return send_error(response, 403, "forbidden",
                                                "Only HR and the manager it concerns read an agreement's adherence.");
                          send_json(response, 200, *body);
                      });

        routes.session_route("GET", R"(/api/v1/programs/([0-9a-f-]{36})/adoption)", 0,
                      [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                             const std::string&) {
                          if (!may_read_adoption(actor))
                              return send_error(response, 403, "forbidden", "Adoption is for HR and managers.");
                          const std::string program_id = request.matches[1];
                          auto org = server_.org_chart();
                          std::optional<Json> body;
                          server_.databases.read([&](Store& store) {
                              for (const ProgramView& program : program_views(store, actor.person_id)) {
                                  if (program.program_id != program_id) continue;
                                  Json teams = Json::array();
                                  for (const TeamAdoption& team : program_adoption(store, program)) {
                                      if (!may_read_team_adoption(actor, team.manager_id, *org)) continue;
                                      teams.push_back({{"manager_id", team.manager_id},
                                                       {"manager_name", team.manager_name},
                                                       {"checkins", team.checkins},
                                                       {"checkins_with_program", team.checkins_with_program},
                                                       {"checkin_share", team.checkin_share()},
                                                       {"team_size", team.team_size},
                                                       {"attended", team.attended},
                                                       {"attendance_share", team.attendance_share()}});
                                  }
                                  body = Json{{"program_id", program_id}, {"since", program.starts_on},
                                              {"teams", std::move(teams)}};
                              }
                          });
                          if (!body) return send_error(response, 404, "not_found", "There is no such program.");
                          send_json(response, 200, *body);
                      });
    }

private:


    ServerContext& server_;
};


}  // namespace

void add_partnership_routes(RouteTable& routes, ServerContext& server) {
    routes.keep(std::make_shared<PartnershipRoutes>(server)).add_to(routes);
}

} // namespace tandem::server
