// HR console: the people directory (search, department and manager filters; only visible rows drawn, so
// 100,000 people scroll as smoothly as ten) and one person's page with their invitation, role, export and
// erasure.
#include "feature_api/context.h"
#include "features/people/people.h"
#include "features/people/people_console.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

std::string or_dash(const std::string& value) { return value.empty() ? "—" : value; }

void draw_message(PeopleConsole& console) {
    if (console.message.empty()) return;
    ImGui::PushTextWrapPos(0);
    ui::text_colored(console.message_is_error ? ui::theme::kOverdue : ui::theme::kAccent, console.message);
    ImGui::PopTextWrapPos();
}

void draw_filters(PeopleConsole& console) {
    const float width = ImGui::GetContentRegionAvail().x;
    const bool narrow = width < 640;
    const float field = narrow ? width : (width - 16) / 3;
    ImGui::PushItemWidth(field);
    bool changed = ui::input_text("##people-search", console.search, "Search name, e-mail or employee id");
    if (!narrow) ImGui::SameLine();
    const auto& departments = console.departments();
    if (ImGui::BeginCombo("##department", departments[size_t(console.department)].c_str())) {
        for (size_t i = 0; i < departments.size(); ++i)
            if (ImGui::Selectable(departments[i].c_str(), int(i) == console.department)) {
                console.department = int(i);
                changed = true;
            }
        ImGui::EndCombo();
    }
    ui::remember("##department", departments[size_t(console.department)], "combo");
    if (!narrow) ImGui::SameLine();
    changed |= ui::input_text("##manager-search", console.manager_search, "Manager's name");
    ImGui::PopItemWidth();
    if (changed) console.refilter();
}

}  // namespace

void draw_people_screen(Context& ctx) {
    PeopleConsole& console = people_console();
    ui::heading("People");
    ui::muted(std::to_string(console.shown().size()) + " of " + std::to_string(console.people().size()) +
              " people" + (console.people().empty() ? " (they appear after the first sync)" : ""));
    // The switch's state is what HR most needs to see first; it is known once the Access screen has read it.
    if (console.access_known) {
        ui::text_colored(console.access_enabled ? ui::theme::kAccent : ui::theme::kWarning,
                         std::string("Employee access: ") + (console.access_enabled ? "on" : "off") +
                             (console.access_changed_on.empty() ? "" : " since " + console.access_changed_on));
        ImGui::SameLine();
    }
    if (ui::link(console.access_known ? "Change##access" : "Employee access and invitations##access"))
        ctx.open_screen(kAccessScreen);
    draw_filters(console);
    ImGui::Spacing();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    const bool narrow = ImGui::GetContentRegionAvail().x < 640;
    if (!ImGui::BeginTable("people", narrow ? 2 : 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 3);
    if (!narrow) ImGui::TableSetupColumn("E-mail", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Department", ImGuiTableColumnFlags_WidthStretch, 2);
    if (!narrow) {
        ImGui::TableSetupColumn("Manager", ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    }
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(int(console.shown().size()));
    while (clipper.Step())
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const PersonRow& person = console.people()[console.shown()[size_t(row)]];
            ImGui::PushID(person.id.c_str());
            ImGui::TableNextRow(ImGuiTableRowFlags_None, 36);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            const std::string label = person.name + (person.exit_date.empty() ? "" : " (left)");
            if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, 28)))
                open_person(ctx, person.id);
            ui::remember(("person:" + person.name).c_str(), person.name, "row");
            if (!narrow) {
                ImGui::TableNextColumn();
                ui::text(person.email);
            }
            ImGui::TableNextColumn();
            ui::text(or_dash(person.department));
            if (!narrow) {
                ImGui::TableNextColumn();
                ui::text(or_dash(person.manager_name));
                ImGui::TableNextColumn();
                ui::text(person.role);
            }
            ImGui::PopID();
        }
    ImGui::EndTable();
}

void draw_person_screen(Context& ctx) {
    PeopleConsole& console = people_console();
    if (ui::link("< People")) return ctx.open_screen(kPeopleScreen);
    const PersonRow* person = console.person(console.selected_id);
    if (!person) {
        ui::muted("This person is no longer in the directory.");
        draw_message(console);
        return;
    }
    ui::heading(person->name);
    ui::muted(person->email + (person->employee_id.empty() ? "" : " · employee " + person->employee_id));
    ImGui::Spacing();
    ui::text("Department: " + or_dash(person->department));
    ui::text("Manager: " + or_dash(person->manager_name));
    ui::text("Reports: " + std::to_string(person->reports));
    ui::text("Started: " + or_dash(person->start_date));
    if (!person->exit_date.empty())
        ui::text_colored(ui::theme::kWarning, "Left on " + person->exit_date +
                                                  (person->exit_reason.empty() ? "" : " (" + person->exit_reason + ")"));
    ImGui::Separator();
    draw_message(console);
    const std::string& token = ctx.user().token;

    // Invitation: the token is shown once, to copy and send.
    if (ui::button(console.busy ? "Working…##invite" : "Create invite") && !console.busy)
        console.invite(ctx.platform(), token);
    ImGui::SameLine();
    if (ui::button(console.busy ? "Working…##reset" : "Reset password") && !console.busy)
        console.invite(ctx.platform(), token, true);
    if (console.invite_person == person->id && !console.invite_token.empty()) {
        ImGui::SameLine();
        if (ui::button("Copy invite")) ImGui::SetClipboardText(console.invite_token.c_str());
        if (ImGui::GetContentRegionAvail().x > 360) ImGui::SameLine();
        // The same token as a link to the page where they choose their password (docs/api.md, Bulk invitations).
        if (ui::button("Copy link"))
            ImGui::SetClipboardText((ctx.platform().origin() + "/invite#" + console.invite_token).c_str());
        ImGui::PushItemWidth(-1);
        ui::input_text("##invite-token", console.invite_token, nullptr, ImGuiInputTextFlags_ReadOnly);
        ImGui::PopItemWidth();
        ui::muted("They choose a password with it on the sign-in page (\"I have an invitation\"), until " +
                  console.invite_expires + ".");
    }

    // Role.
    static const char* roles[] = {"manager", "hr_admin", "mentor", "employee"};
    std::string& chosen_role = console.chosen_role;
    if (chosen_role.empty()) chosen_role = person->role;
    ImGui::SetNextItemWidth(180);
    if (ImGui::BeginCombo("##role", chosen_role.c_str())) {
        for (const char* role : roles)
            if (ImGui::Selectable(role, chosen_role == role)) chosen_role = role;
        ImGui::EndCombo();
    }
    ui::remember("##role", chosen_role, "combo");
    ImGui::SameLine();
    if (ui::button("Change role") && chosen_role != person->role && !console.busy)
        console.change_role(ctx.platform(), token, chosen_role);

    // A data-subject request: the export downloads; erasure asks first and says what goes.
    if (ui::button("Export data (JSON)") && !console.busy) console.export_data(ctx.platform(), token);
    ImGui::SameLine();
    if (ui::danger_button("Erase…")) ImGui::OpenPopup("confirm-erase");
    if (ImGui::BeginPopupModal("confirm-erase", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ui::text("Erase " + person->name + " (" + person->email + ")?");
        ui::text("This removes their person record, their account and invitations, every 1:1 about them with its "
                 "notes and action items, from the server and from every device. The audit log keeps only that an "
                 "erasure of this person id happened. It cannot be undone.");
        if (person->reports > 0)
            ui::text_colored(ui::theme::kWarning, "They still have " + std::to_string(person->reports) +
                                                      " reports: move them to another manager first.");
        ImGui::PopTextWrapPos();
        if (ui::danger_button("Erase for good")) {
            console.erase(ctx.platform(), token, [&ctx] { ctx.sync_now(); });
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ui::button("Keep")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

} // namespace tandem::client
