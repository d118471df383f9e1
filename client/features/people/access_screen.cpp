// HR console: employee access (the switch, with its state and the day it changed; switching off asks first)
// and invitations for a whole department or a manager's team, counted before they are sent, then listed and
// offered as a CSV of links to hand out.
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/people/people.h"
#include "features/people/people_console.h"
#include "ui/person_picker.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

enum class Choosing { Nothing, Department, Team };
struct Choice {
    Choosing choosing = Choosing::Nothing;
    int department = 0;  // index into console.departments(); 0 is "All departments", not a choice
    std::string manager_id;
};
PerUser<Choice> choice;  // sign-out forgets what the last HR admin was choosing

void wrapped_muted(const std::string& text) {
    ImGui::PushTextWrapPos(0);
    ui::muted(text);
    ImGui::PopTextWrapPos();
}

void draw_switch(Context& ctx, PeopleConsole& console) {
    if (!console.access_known) {
        ui::muted(console.busy ? "Reading employee access…" : "Employee access is not known yet.");
        if (!console.busy && ui::button("Read it again##access-reload")) console.load_access(ctx.platform(), ctx.user().token);
        return;
    }
    bool on = console.access_enabled;
    if (ui::checkbox("Employees can sign in##employee-access", on) && !console.busy) {
        if (on) console.set_access(ctx.platform(), ctx.user().token, true);
        else ImGui::OpenPopup("confirm-access-off");
    }
    const std::string since = console.access_changed_on.empty() ? "" : " since " + console.access_changed_on;
    ImGui::PushTextWrapPos(0);
    ui::text_colored(console.access_enabled ? ui::theme::kAccent : ui::theme::kWarning,
                     console.access_enabled ? "On" + since + ": employees sign in with their own account."
                                            : "Off" + (since.empty() ? std::string(" (never switched on)") : since) +
                                                  ": employees cannot sign in.");
    ImGui::PopTextWrapPos();
    ui::remember("employee-access-state", console.access_enabled ? "on" : "off", "text");
    if (console.busy) ui::muted("Working…");

    if (ImGui::BeginPopupModal("confirm-access-off", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 20);
        ui::text("Switch employee access off?");
        ui::text("Employees will be signed out and cannot sign in until you switch it back on. Managers, HR and "
                 "mentors are not affected.");
        ImGui::PopTextWrapPos();
        if (ui::danger_button("Switch off")) {
            console.set_access(ctx.platform(), ctx.user().token, false);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ui::button("Keep on")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// What is chosen, as a scope the console can count and send; empty label when nothing is chosen yet.
PeopleConsole::BulkScope chosen_scope(Context& ctx, PeopleConsole& console) {
    PeopleConsole::BulkScope scope;
    const auto& departments = console.departments();
    if (choice.choosing == Choosing::Department && choice.department > 0 && size_t(choice.department) < departments.size()) {
        scope.department = departments[size_t(choice.department)];
        scope.label = "the " + scope.department + " department";
    } else if (choice.choosing == Choosing::Team && !choice.manager_id.empty()) {
        scope.manager_id = choice.manager_id;
        scope.label = ctx.directory().name_of(choice.manager_id) + "'s team";
    }
    return scope;
}

void draw_choice(Context& ctx, PeopleConsole& console) {
    if (choice.choosing == Choosing::Department) {
        const auto& departments = console.departments();
        if (departments.size() < 2) {
            wrapped_muted("No one has a department yet: an HRIS import with a department column sets them.");
            return;
        }
        const char* shown = choice.department > 0 && size_t(choice.department) < departments.size()
                                ? departments[size_t(choice.department)].c_str()
                                : "Choose a department";
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 360.0f));
        if (ImGui::BeginCombo("##invite-department", shown)) {
            for (size_t i = 1; i < departments.size(); ++i)
                if (ImGui::Selectable(departments[i].c_str(), int(i) == choice.department)) choice.department = int(i);
            ImGui::EndCombo();
        }
        ui::remember("##invite-department", shown, "combo");
    } else if (choice.choosing == Choosing::Team) {
        person_picker("invite-manager", people_to_choose(ctx, People::Managers), choice.manager_id);
    }
}

void draw_bulk_result(Context& ctx, PeopleConsole& console) {
    if (!console.bulk_sent) return;
    if (!console.bulk_invites.empty() &&
        ui::primary_button(("Download CSV (" + std::to_string(console.bulk_invites.size()) + " links)").c_str())) {
        ctx.platform().save_file("invites.csv", console.bulk_csv(ctx.platform().origin()), "text/csv");
        console.message_is_error = false;
        console.message = "Saved invites.csv: send each person the link on their row. Each works once.";
    }
    ui::remember("bulk-invites", std::to_string(console.bulk_invites.size()), "text");
    for (const auto& invite : console.bulk_invites) {
        ImGui::PushTextWrapPos(0);
        ui::text(invite.value("name", "") + " · " + invite.value("email", ""));
        ImGui::PopTextWrapPos();
        ui::muted("Invited, link works until " + invite.value("expires_on", ""));
    }
    for (const auto& skip : console.bulk_skipped) {
        const std::string reason = skip.value("reason", "");
        ui::text(skip.value("name", ""));
        ui::muted(reason == "left" ? "Skipped: has left" : "Skipped: already has an account");
    }
}

void draw_invitations(Context& ctx, PeopleConsole& console) {
    ui::heading("Invite employees");
    wrapped_muted("Each invitation is a link that works once, for 14 days, and replaces any earlier one. People who "
                  "already have an account or have left are skipped. Invitations can be made while access is off; "
                  "they work once it is on.");
    if (ui::button("Invite a department…")) {
        choice.choosing = Choosing::Department;
        console.bulk_sent = false;
    }
    if (ImGui::GetContentRegionAvail().x > 420) ImGui::SameLine();
    if (ui::button("Invite a manager's team…")) {
        choice.choosing = Choosing::Team;
        console.bulk_sent = false;
    }
    if (choice.choosing == Choosing::Nothing) return;
    draw_choice(ctx, console);
    const auto scope = chosen_scope(ctx, console);
    if (scope.label.empty()) return;
    const size_t count = console.people_in(scope).size();
    ImGui::PushTextWrapPos(0);
    ui::text(std::to_string(count) + (count == 1 ? " person" : " people") + " in " + scope.label +
             " (as this device last synced).");
    ImGui::PopTextWrapPos();
    ui::remember("bulk-count", std::to_string(count), "text");
    if (count > 0 && !console.busy &&
        ui::primary_button(("Invite " + std::to_string(count) + (count == 1 ? " person" : " people")).c_str()))
        console.invite_many(ctx.platform(), ctx.user().token, scope);
    if (console.busy) ui::muted("Making invitations…");
    if (console.bulk_sent && console.bulk_scope.label == scope.label) draw_bulk_result(ctx, console);
}

}  // namespace

void draw_access_screen(Context& ctx) {
    PeopleConsole& console = people_console();
    if (ui::link("< People")) return ctx.open_screen(kPeopleScreen);
    ui::heading("Employee access");
    wrapped_muted("When on, employees sign in with their own account, on a phone too. When off, they cannot sign "
                  "in; managers, HR and mentors are not affected.");
    draw_switch(ctx, console);
    ImGui::PushTextWrapPos(0);
    if (!console.message.empty())
        ui::text_colored(console.message_is_error ? ui::theme::kOverdue : ui::theme::kAccent, console.message);
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    draw_invitations(ctx, console);
}

void load_access(Context& ctx) {
    choice.choosing = Choosing::Nothing;
    people_console().message.clear();
    people_console().load_access(ctx.platform(), ctx.user().token);
}

} // namespace tandem::client
