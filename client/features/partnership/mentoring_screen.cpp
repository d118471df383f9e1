// Executive mentoring. HR pairs managers with mentors and sees who has none or is overdue (sessions'
// dates only: notes never reach HR's device). A mentor sees their mentees with due and overdue sessions; the
// pair logs sessions with notes and keeps a list of topics the mentee proposed — on a phone as on a laptop.
#include <algorithm>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/partnership/partnership.h"
#include "tandem/base/dates.h"
#include "ui/date_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct MentoringForm {
    std::string held_on, notes, topic, message;
    ui::DateFieldState held_on_field;
    int minutes = 45;
    std::map<std::string, std::string> chosen_mentor;  // manager id -> mentor id, on HR's pairing rows
    std::map<std::string, int> chosen_cadence;         // manager id -> days between sessions
};
PerUser<MentoringForm> form;

std::string due_line(Context& ctx, const MentoringPairView& pair) {
    std::string line = pair.last_session.empty() ? "No session yet" : "Last session " + ctx.date_text(pair.last_session);
    line += pair.overdue ? " · overdue since " + ctx.date_text(pair.next_due) : " · next due " + ctx.date_text(pair.next_due);
    return line + " · every " + std::to_string(pair.cadence_days) + " days";
}

void draw_pairing(Context& ctx) {
    ui::heading("Mentoring coverage");
    const auto& directory = ctx.directory();
    int without = 0, overdue = 0;
    for (const auto& row : partnership_on_device().mentoring_coverage) {
        without += row.pair < 0;
        overdue += row.pair >= 0 && partnership_on_device().mentoring[size_t(row.pair)].overdue;
    }
    ui::text_colored(without || overdue ? ui::theme::kWarning : ui::theme::kGood,
                     std::to_string(without) + " manager(s) without a mentor · " + std::to_string(overdue) +
                         " with an overdue session");
    if (!form.message.empty()) ui::muted(form.message);
    ImGui::BeginChild("coverage", ImVec2(0, 0));
    ImGui::PushTextWrapPos(0);
    for (const auto& row : partnership_on_device().mentoring_coverage) {
        ImGui::PushID(row.person_id.c_str());
        ui::text(row.name);
        if (row.pair >= 0) {
            const auto& pair = partnership_on_device().mentoring[size_t(row.pair)];
            ui::text_colored(pair.overdue ? ui::theme::kOverdue : ui::theme::kMuted,
                             "Mentor: " + pair.mentor_name + " · " + std::to_string(pair.sessions.size()) +
                                 " session(s) · " + due_line(ctx, pair));
            if (ui::link("End this pairing##end-pair"))
                ctx.edit("mentoring_pair", pair.pair_id, {{"ended_on", ctx.today()}});
        } else {
            ui::text_colored(ui::theme::kOverdue, "No mentor");
            std::string& chosen = form.chosen_mentor[row.person_id];
            // A button opening a list of buttons: big enough for a finger, unlike a combo's rows.
            if (ui::button(((chosen.empty() ? "Choose a mentor" : directory.name_of(chosen)) + "##pick-mentor").c_str()))
                ImGui::OpenPopup("mentors");
            if (ImGui::BeginPopup("mentors")) {
                for (const auto& [id, name] : partnership_on_device().mentors)
                    if (ui::button((name + "##mentor-" + id).c_str(), ImVec2(-1, 0))) {
                        chosen = id;
                        ImGui::CloseCurrentPopup();
                    }
                ImGui::EndPopup();
            }
            ImGui::SameLine();
            int& every = form.chosen_cadence.try_emplace(row.person_id, 30).first->second;
            ImGui::SetNextItemWidth(110);
            ImGui::InputInt("days##pair-cadence", &every, 7);
            every = std::clamp(every, 7, 180);
            ImGui::SameLine();
            ImGui::BeginDisabled(chosen.empty());
            if (ui::primary_button(("Pair##pair-" + row.name).c_str())) {
                auto result = ctx.edit("mentoring_pair", ctx.new_record_id(),
                                       {{"mentee_id", row.person_id}, {"mentor_id", chosen}, {"mentee_name", row.name},
                                        {"mentor_name", directory.name_of(chosen)}, {"cadence_days", every},
                                        {"started_on", ctx.today()}});
                form.message = result.problem ? result.problem->message : row.name + " is paired.";
            }
            ImGui::EndDisabled();
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    if (partnership_on_device().mentors.empty()) ui::muted("Nobody has the mentor role yet: give it to someone on the People screen.");
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

void draw_pair(Context& ctx, const MentoringPairView& pair) {
    const bool mentor = pair.mentor_id == ctx.user().id;
    ui::heading(mentor ? "Mentoring " + pair.mentee_name : "Mentoring with " + pair.mentor_name);
    ImGui::PushTextWrapPos(0);  // a phone is narrower than these lines
    ui::text_colored(pair.overdue ? ui::theme::kOverdue : ui::theme::kMuted, due_line(ctx, pair));
    ui::muted("Notes and topics are for the two of you only; HR sees that sessions happened, not what was said.");
    ImGui::PopTextWrapPos();

    ui::heading("Log a session");
    if (form.held_on.empty()) form.held_on = ctx.today();
    ui::DateFieldOptions date = ui::date_options(ctx, "Date");
    date.max = ctx.today();  // a session logged here has been held
    date.quick = {{"Today", ctx.today()}, {"Yesterday", add_days(ctx.today(), -1)}};
    ui::date_field("session-date", form.held_on_field, form.held_on, date);
    ImGui::SetNextItemWidth(110);
    ImGui::InputInt("min##session-minutes", &form.minutes, 15);
    form.minutes = std::clamp(form.minutes, 0, 600);
    ui::input_multiline("##session-notes", form.notes, 90);
    if (ui::primary_button("Log session##log-session")) {
        if (!form.held_on_field.problem.empty()) {
            form.message = "Correct the date first.";
        } else {
            const std::string session = ctx.new_record_id();
            auto result = ctx.edit("mentoring_session", session,
                                   {{"pair_id", pair.pair_id}, {"held_on", form.held_on}, {"minutes", form.minutes}});
            if (!result.problem && !form.notes.empty())
                result = ctx.edit("mentoring_note", ctx.new_record_id(), {{"session_id", session}, {"text", form.notes}});
            form.message = result.problem ? result.problem->message : "Session logged.";
            if (!result.problem) form.notes.clear();
        }
    }
    if (!form.message.empty()) ui::muted(form.message);

    ui::heading("Topics");
    for (const auto& topic : pair.topics) {
        bool discussed = topic.discussed;
        if (ui::checkbox((topic.text + "##topic-" + topic.topic_id).c_str(), discussed))
            ctx.edit("mentoring_topic", topic.topic_id, {{"discussed", discussed}});
    }
    ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x - 130));
    ui::input_text("##new-topic", form.topic, mentor ? "A topic to raise" : "Something you want to talk about");
    ImGui::SameLine();
    ImGui::BeginDisabled(form.topic.empty());
    if (ui::button("Propose##propose-topic")) {
        auto result = ctx.edit("mentoring_topic", ctx.new_record_id(),
                               {{"pair_id", pair.pair_id}, {"text", form.topic}, {"discussed", false}});
        if (!result.problem) form.topic.clear();
    }
    ImGui::EndDisabled();

    ui::heading("Sessions");
    for (const auto& session : pair.sessions) {
        ui::text(ctx.date_text(session.held_on) + (session.minutes ? " · " + std::to_string(session.minutes) + " min" : ""));
        if (!session.note.empty()) {
            ImGui::PushTextWrapPos(0);
            ui::muted(session.note);
            ImGui::PopTextWrapPos();
        }
    }
    if (pair.sessions.empty()) ui::muted("None logged yet.");
}

}  // namespace

void draw_mentoring_screen(Context& ctx) {
    if (ctx.user().role == Role::HrAdmin) return draw_pairing(ctx);
    const auto& pairs = partnership_on_device().mentoring;
    std::vector<const MentoringPairView*> mine;
    for (const auto& pair : pairs)
        if (pair.active() && (pair.mentor_id == ctx.user().id || pair.mentee_id == ctx.user().id)) mine.push_back(&pair);
    if (mine.empty()) {
        ui::heading("Mentoring");
        return ui::muted(ctx.user().role == Role::Mentor ? "HR has not paired you with a manager yet."
                                                      : "HR has not paired you with a mentor yet.");
    }
    const MentoringPairView* open = nullptr;
    for (const auto* pair : mine)
        if (pair->pair_id == partnership_on_device().pair_id) open = pair;
    if (!open && mine.size() == 1) open = mine[0];
    if (mine.size() > 1) {
        ui::heading(ctx.user().role == Role::Mentor ? "Your mentees" : "Your mentors");
        for (const auto* pair : mine) {
            const std::string who = pair->mentor_id == ctx.user().id ? pair->mentee_name : pair->mentor_name;
            if (ui::link((who + "##pair-" + pair->pair_id).c_str())) {
                form = MentoringForm{};
                open_mentoring_pair(ctx, pair->pair_id);
            }
            ImGui::PushTextWrapPos(0);
            ui::text_colored(pair->overdue ? ui::theme::kOverdue : ui::theme::kMuted, due_line(ctx, *pair));
            ImGui::PopTextWrapPos();
        }
        ImGui::Separator();
    }
    if (!open) return ui::muted("Choose a mentee to open your sessions.");
    ImGui::BeginChild("pair", ImVec2(0, 0));
    draw_pair(ctx, *open);
    ImGui::EndChild();
}

} // namespace tandem::client
