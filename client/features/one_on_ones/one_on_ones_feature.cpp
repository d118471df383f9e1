// What 1:1s add to the app: a manager's team as their home, one report's history and the check-in; the
// views they draw from, and the commands that write 1:1s.
#include <algorithm>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/one_on_ones/one_on_ones.h"
#include "tandem/base/dates.h"

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
    views.mine = my_one_on_ones(source.store, source.user_id, source.directory.org.manager_of(source.user_id),
                                source.today);
    if (!views.shared.checkin_id.empty()) views.shared = checkin_detail(source.store, views.shared.checkin_id, source.user_id);
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
    registry.add_screen({kMyOneOnOnesScreen, draw_my_one_on_ones_screen, {Role::Employee, Role::Manager},
                         {{Role::Employee, "My 1:1s"}, {Role::Manager, "My 1:1s"}}});
    registry.add_screen({kSharedCheckInScreen, draw_shared_checkin_screen, {Role::Employee, Role::Manager}, {},
                         kMyOneOnOnesScreen});
    registry.set_home(Role::Employee, kMyOneOnOnesScreen);
    registry.add_views(rebuild);
}

const OneOnOneViews& one_on_ones_on_device() { return views; }

void open_history(Context& ctx, const std::string& report_id) {
    ctx.open_screen(kHistoryScreen, [report_id](Context& shown) {
        views.report_id = report_id;
        views.checkin = CheckInDetail{};
        shown.refresh_views();  // the history is built for the chosen report
    });
}

void open_shared_checkin(Context& ctx, const std::string& checkin_id) {
    ctx.open_screen(kSharedCheckInScreen, [checkin_id](Context& shown) {
        views.shared = CheckInDetail{};
        views.shared.checkin_id = checkin_id;
        shown.refresh_views();
    });
}

void open_checkin(Context& ctx, const std::string& checkin_id) {
    const std::string report_id = views.report_id;
    ctx.open_screen(kCheckInScreen, [checkin_id, report_id](Context& shown) {
        if (!report_id.empty()) views.report_id = report_id;
        views.checkin = CheckInDetail{};
        views.checkin.checkin_id = checkin_id;
        shown.refresh_views();  // the check-in's detail is built for the chosen one
    });
}

std::string prepare_checkin(Context& ctx, const ReportSummary& report) {
    for (const auto& known : views.team)
        if (known.person_id == report.person_id && !known.planned_id.empty()) {
            views.report_id = report.person_id;
            open_checkin(ctx, known.planned_id);
            return known.planned_id;
        }
    std::string id = ctx.new_record_id();
    // Planned for when it is due; a 1:1 already due or late is planned for today.
    const std::string on = std::max(report.next_due, ctx.today());
    if (ctx.edit("checkin", id, {{"report_id", report.person_id}, {"held_on", on}, {"status", "planned"}}).problem)
        return "";
    views.report_id = report.person_id;
    open_checkin(ctx, id);
    return id;
}

void mark_held(Context& ctx, const CheckInDetail& checkin, const std::string& on) {
    ctx.edit("checkin", checkin.checkin_id, {{"status", "held"}, {"held_on", on}});
}

void mark_planned(Context& ctx, const CheckInDetail& checkin) {
    ctx.edit("checkin", checkin.checkin_id, {{"status", "planned"}});
}

bool log_checkin(Context& ctx, const std::string& report_id, const std::string& held_on, int mood,
                 const std::string& notes) {
    Json fields{{"report_id", report_id}, {"held_on", held_on}};
    if (mood) fields["mood"] = mood;
    if (!notes.empty()) fields["shared_notes"] = notes;
    return !ctx.edit("checkin", ctx.new_record_id(), fields).problem;
}

void set_cadence(Context& ctx, const ReportSummary& report, const std::string& every, int days) {
    Json fields{{"every", every}, {"days", every == "days" ? Json(days) : Json()}};
    std::string id = report.cadence_id;
    if (id.empty()) {
        id = ctx.new_record_id();
        fields["report_id"] = report.person_id;
    }
    ctx.edit("cadence", id, fields);
}

std::string day_text(Context& ctx, const std::string& iso) {
    if (iso.empty()) return "—";
    const std::string today = ctx.today();
    if (iso == today) return "Today";
    if (iso == add_days(today, 1)) return "Tomorrow";
    if (iso == add_days(today, -1)) return "Yesterday";
    static const char* const weekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return std::string(weekdays[weekday(iso)]) + " " + ctx.date_text(iso);
}

std::string the_one_on_one_of(Context& ctx, const std::string& iso) {
    const std::string today = ctx.today();
    if (iso == today) return "today's 1:1";
    if (iso == add_days(today, 1)) return "tomorrow's 1:1";
    static const char* const weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    if (iso > today && iso <= add_days(today, 6)) return std::string(weekdays[weekday(iso)]) + "'s 1:1";
    return "the 1:1 of " + ctx.date_text(iso);
}

std::string next_due_text(Context& ctx, const ReportSummary& report) {
    return report.overdue ? "Overdue since " + ctx.date_text(report.next_due) : day_text(ctx, report.next_due);
}

std::string item_due_text(Context& ctx, const std::string& due_on, bool& overdue) {
    overdue = !due_on.empty() && due_on < ctx.today();
    if (overdue) return "overdue since " + ctx.date_text(due_on);
    return due_on == ctx.today() ? "due today" : "due " + ctx.date_text(due_on);
}

std::string owner_text(Context& ctx, const std::string& owner_id) {
    return owner_id.empty() || owner_id == ctx.user().id ? "you" : ctx.directory().name_of(owner_id);
}

} // namespace tandem::client
