// Figures about programs and agreements that need everyone's records, so only the server can compute them:
// an agreement's adherence for HR (the manager's own device computes it offline from the same core code)
// and a program's adoption per team.
#include "partnership/partnership_routes.h"
#include "auth/route_table.h"
#include "auth/server_context.h"
#include "http/http_helpers.h"
#include "tandem/partnership/agreements.h"
#include "tandem/base/dates.h"
#include "tandem/partnership/program_views.h"

namespace tandem::server {

namespace {

class PartnershipRoutes {
public:
    explicit PartnershipRoutes(ServerContext& server) : server_(server) {}

    void add_to(RouteTable& routes) {
        routes.session_route("GET", R"(/api/v1/agreements/([0-9a-f-]{36})/adherence)", 0,
                      [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                             const std::string&) {
                          if (!may_ask_for_adherence(actor))
                              return send_error(response, 403, "forbidden",
                                                "Only HR and the manager it concerns read an agreement's adherence.");
                          const std::string agreement_id = request.matches[1];
                          const std::string today = iso_from_millis(uint64_t(now_millis()));
                          auto org = server_.org_chart();
                          std::optional<Json> body;
                          server_.databases.read([&](Store& store) {
                              auto agreement = agreement_view(store, agreement_id);
                              if (!agreement || !may_read_adherence(actor, *agreement)) return;
                              const ManagerActivity activity = manager_activity(store, agreement->manager_id, today, org.get());
                              body = adherence_json(*agreement, agreement_adherence(*agreement, activity, today));
                          });
                          if (!body) return send_error(response, 404, "not_found", "There is no such agreement.");
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
                                      if (!may_read_team_figures(actor, team.manager_id, *org)) continue;
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
