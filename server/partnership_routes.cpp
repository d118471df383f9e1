// Figures about programs and agreements that need everyone's records, so only the server can compute them:
// an agreement's adherence for HR (the manager's own device computes it offline from the same core code)
// and a program's adoption per team.
#include "http_api.h"
#include "http_helpers.h"
#include "tandem/agreements.h"
#include "tandem/dates.h"
#include "tandem/program_views.h"

namespace tandem::server {

void TandemServer::add_partnership_routes() {
    session_route("GET", R"(/api/v1/agreements/([0-9a-f-]{36})/adherence)", 0,
                  [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                         const std::string&) {
                      const std::string agreement_id = request.matches[1];
                      const std::string today = iso_from_millis(uint64_t(now_millis()));
                      auto org = org_chart();
                      std::optional<Json> body;
                      bool found = false;
                      databases_.read([&](Store& store) {
                          auto agreement = agreement_view(store, agreement_id);
                          if (!agreement) return;
                          found = true;
                          if (actor.role != Role::HrAdmin && actor.person_id != agreement->manager_id) return;
                          const ManagerActivity activity = manager_activity(store, agreement->manager_id, today, org.get());
                          body = adherence_json(*agreement, agreement_adherence(*agreement, activity, today));
                      });
                      if (!found) return send_error(response, 404, "not_found", "There is no such agreement.");
                      if (!body)
                          return send_error(response, 403, "forbidden",
                                            "Only HR and the manager it concerns read an agreement's adherence.");
                      send_json(response, 200, *body);
                  });

    session_route("GET", R"(/api/v1/programs/([0-9a-f-]{36})/adoption)", 0,
                  [this](const httplib::Request& request, httplib::Response& response, const Actor& actor,
                         const std::string&) {
                      if (actor.role != Role::HrAdmin && actor.role != Role::Manager)
                          return send_error(response, 403, "forbidden", "Adoption is for HR and managers.");
                      const std::string program_id = request.matches[1];
                      auto org = org_chart();
                      std::optional<Json> body;
                      databases_.read([&](Store& store) {
                          for (const ProgramView& program : program_views(store, actor.person_id)) {
                              if (program.program_id != program_id) continue;
                              Json teams = Json::array();
                              for (const TeamAdoption& team : program_adoption(store, program)) {
                                  // A manager sees their own team and those in their tree.
                                  if (actor.role != Role::HrAdmin && team.manager_id != actor.person_id &&
                                      !org->manages(actor.person_id, team.manager_id))
                                      continue;
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

} // namespace tandem::server
