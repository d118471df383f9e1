// What 1:1s add to the app: a manager's team as their home, one report's history and the check-in; the
// views they draw from, and the commands that write 1:1s.
#include "app/app.h"
#include "app/per_user.h"
#include "features/one_on_ones/one_on_ones.h"

namespace tandem::client {

namespace {
PerUser<OneOnOneViews> views;

void rebuild(const ViewSource& source) {
    views.team = team_overview(source.store, source.user_id, source.today);
    views.report_name.clear();
    for (const auto& report : views.team)
        if (report.person_id == views.report_id) views.report_name = report.name;
    views.history =
        views.report_id.empty() ? std::vector<CheckInSummary>{} : checkin_history(source.store, views.report_id);
    if (!views.checkin.checkin_id.empty())
        views.checkin = checkin_detail(source.store, views.checkin.checkin_id, source.user_id);
    OpenedText note = source.sealing.open(views.checkin.private_text);
    views.private_note_status = note.status;
    views.private_note_text = std::move(note.text);
}
}  // namespace

void register_one_on_ones(Registry& registry) {
    registry.add_screen({kTeamScreen, draw_team_screen, {}, {{Role::Manager, "My team"}}});
    registry.add_screen({kHistoryScreen, draw_history_screen, {}, {}, kTeamScreen});
    registry.add_screen({kCheckInScreen, draw_checkin_screen, {}, {}, kTeamScreen});
    registry.set_home(Role::Manager, kTeamScreen);
    registry.set_home(Role::Employee, kTeamScreen);
    registry.add_views(rebuild);
}

const OneOnOneViews& one_on_ones_on_device() { return views; }

void open_history(App& app, const std::string& report_id) {
    app.open_screen(kHistoryScreen, [report_id](App& app) {
        views.report_id = report_id;
        views.checkin = CheckInDetail{};
        app.refresh_views();  // the history is built for the chosen report
    });
}

void open_checkin(App& app, const std::string& checkin_id) {
    const std::string report_id = views.report_id;
    app.open_screen(kCheckInScreen, [checkin_id, report_id](App& app) {
        if (!report_id.empty()) views.report_id = report_id;
        views.checkin = CheckInDetail{};
        views.checkin.checkin_id = checkin_id;
        app.refresh_views();  // the check-in's detail is built for the chosen one
    });
}

std::string create_checkin(App& app, const std::string& report_id) {
    std::string id = app.new_record_id();
    if (app.edit("checkin", id, {{"report_id", report_id}, {"held_on", app.today()}}).problem) return "";
    views.report_id = report_id;
    open_checkin(app, id);
    return id;
}

bool log_checkin(App& app, const std::string& report_id, const std::string& held_on, int mood,
                 const std::string& notes) {
    Json fields{{"report_id", report_id}, {"held_on", held_on}};
    if (mood) fields["mood"] = mood;
    if (!notes.empty()) fields["shared_notes"] = notes;
    return !app.edit("checkin", app.new_record_id(), fields).problem;
}

void set_cadence(App& app, const ReportSummary& report, const std::string& every, int days) {
    Json fields{{"every", every}, {"days", every == "days" ? Json(days) : Json()}};
    std::string id = report.cadence_id;
    if (id.empty()) {
        id = app.new_record_id();
        fields["report_id"] = report.person_id;
    }
    app.edit("cadence", id, fields);
}

} // namespace tandem::client
