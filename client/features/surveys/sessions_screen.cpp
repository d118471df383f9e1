// HR's training sessions: the catalogue, who attended, and the anonymous session-feedback survey a kiosk
// collects at the session.
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "ui/person_picker.h"
#include "features/surveys/surveys.h"
#include "tandem/base/dates.h"
#include "tandem/sync/entity.h"
#include "ui/date_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

void draw_new_session(Context& ctx) {
    static PerUser<std::string> title, held_on, facilitator, facilitator_id, location;
    static PerUser<ui::DateFieldState> held_on_field;
    if (held_on.empty()) held_on = ctx.today();
    ui::heading("New session");
    ImGui::SetNextItemWidth(-1);
    ui::input_text("##session-title", title, "Title, for example: Coaching conversations");
    ui::DateFieldOptions date = ui::date_options(ctx, "Date");
    date.quick = {{"Today", ctx.today()}, {"Tomorrow", add_days(ctx.today(), 1)}, {"In a week", add_days(ctx.today(), 7)}};
    ui::date_field("session-date", held_on_field, held_on, date);
    ImGui::SetNextItemWidth(240);
    ui::input_text("Location##session-location", location);
    ImGui::SetNextItemWidth(320);
    ui::input_text("Facilitator##session-facilitator", facilitator, "Name, also when external");
    ui::muted("If the facilitator works here, choose them: they may then read the session's feedback.");
    person_picker("session-facilitator-person", people_to_choose(ctx, People::Managers), facilitator_id);
    if (ui::primary_button("Add session##session-add")) {
        if (title.empty()) ctx.set_notice("Give the session a title.");
        else if (!held_on_field.problem.empty()) ctx.set_notice("Correct the date first.");
        else {
            Json fields{{"title", title}, {"held_on", held_on}, {"facilitator", facilitator}, {"location", location},
                        {"cancelled", false}};
            if (!facilitator_id.empty()) fields["facilitator_id"] = facilitator_id;
            if (!ctx.edit("training_session", ctx.new_record_id(), fields).problem) {
                title.clear();
                facilitator.clear();
                facilitator_id.clear();
            }
        }
    }
}

void draw_session(Context& ctx, const TrainingSessionView& session) {
    ImGui::PushID(session.session_id.c_str());
    ImGui::Separator();
    ui::text(session.title + (session.cancelled ? " (cancelled)" : ""));
    std::string detail = ctx.date_text(session.held_on);
    if (!session.location.empty()) detail += " · " + session.location;
    if (!session.facilitator.empty()) detail += " · with " + session.facilitator;
    detail += " · " + std::to_string(session.attended()) + " attended";
    ui::muted(detail);
    // Attendance: tick people in as they arrive.
    for (const auto& attendance : session.attendance) {
        bool attended = attendance.attended;
        if (ui::checkbox((ctx.directory().name_of(attendance.person_id, "someone") + "##attended-" + attendance.person_id).c_str(),
                         attended))
            ctx.edit("session_attendance", attendance.record_id, {{"attended", attended}});
    }
    static PerUser<std::string> adding;
    if (person_picker("attendee", people_to_choose(ctx, People::AnyoneButMe), adding) && !adding.empty()) {
        bool already = false;
        for (const auto& attendance : session.attendance) already |= attendance.person_id == adding;
        if (!already)
            ctx.edit("session_attendance", ctx.new_record_id(),
                     {{"session_id", session.session_id}, {"person_id", adding}, {"attended", true}});
        adding.clear();
    }
    // Its feedback survey, answered at a kiosk and counted for this session only.
    const SurveyView* linked = nullptr;
    for (const auto& survey : surveys_on_device().surveys)
        if (survey.training_session_id == session.session_id) linked = &survey;
    if (linked) {
        ui::muted("Feedback survey: " + linked->title + " · " + phase_label(linked->phase(ctx.today())));
        if (ui::button("Edit survey##session-survey-edit")) open_survey(ctx, linked->survey_id, kSurveyEditorScreen);
        ImGui::SameLine();
        if (linked->phase(ctx.today()) != "draft" && ui::button("Results##session-survey-results"))
            open_survey(ctx, linked->survey_id, kSurveyResultsScreen);  // opens on the session's own group
    } else if (ui::button("Add a feedback survey##session-survey-add")) {
        const std::string id = create_survey(ctx, "session_feedback");
        if (!id.empty())
            ctx.edit("survey", id, {{"training_session_id", session.session_id},
                                    {"title", "Feedback: " + session.title.substr(0, 180)}});
    }
    ImGui::PopID();
}

}  // namespace

void draw_sessions_screen(Context& ctx) {
    if (ui::link("< Surveys##back-surveys")) ctx.open_screen(kSurveysScreen);
    ui::heading("Training sessions");
    ImGui::BeginChild("sessions", ImVec2(0, 0));
    ImGui::PushTextWrapPos(0);
    if (surveys_on_device().sessions.empty()) ui::muted("No sessions yet.");
    for (const auto& session : surveys_on_device().sessions) draw_session(ctx, session);
    ImGui::Spacing();
    draw_new_session(ctx);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

} // namespace tandem::client
