// HR console: bringing in an HRIS export (choose a file, read the dry run, apply) and reading the audit log.
#include <algorithm>

#include "feature_api/context.h"
#include "features/people/people.h"
#include "features/people/people_console.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

std::string count_of(const Json& counts, const char* key) {
    return std::to_string(counts.is_object() ? counts.value(key, 0) : 0);
}

void draw_issues(const std::vector<ImportIssue>& issues, size_t total) {
    ui::text_colored(ui::theme::kOverdue,
                     std::to_string(std::max(total, issues.size())) +
                         " problems: nothing will be imported until the file is fixed." +
                         (total > issues.size() ? " The first " + std::to_string(issues.size()) + " are listed." : ""));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("import-issues", 3, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthFixed, 60);
    ImGui::TableSetupColumn("Problem", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("What to fix", ImGuiTableColumnFlags_WidthStretch, 4);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(int(issues.size()));
    while (clipper.Step())
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const ImportIssue& issue = issues[size_t(row)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ui::text(std::to_string(issue.line));
            ImGui::TableNextColumn();
            ui::text(issue.code);
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0);
            ui::text(issue.message);
            ImGui::PopTextWrapPos();
        }
    ImGui::EndTable();
}

}  // namespace

void draw_import_screen(Context& ctx) {
    PeopleConsole& console = people_console();
    using State = PeopleConsole::ImportState;
    ui::heading("Import people");
    ImGui::PushTextWrapPos(0);
    ui::muted("A CSV export of your HR system with a header row: employee_id, name, email (required), "
              "manager_employee_id, department, start_date, exit_date, exit_reason, role. People are matched by "
              "employee_id; a re-import updates them and never deletes anyone. You see what would change before "
              "anything is written.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const bool working = console.import_state == State::Checking || console.import_state == State::Applying;
    if (ui::primary_button(working ? "Working…##choose" : "Choose CSV file…") && !working)
        console.choose_import_file(ctx.platform(), ctx.user().token);
    if (!console.import_name.empty()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ui::muted(console.import_name + " · " + std::to_string(console.import_bytes.size() / 1024 + 1) + " KiB");
    }
    if (!console.message.empty() && console.message_is_error)
        ui::text_colored(ui::theme::kOverdue, console.message);

    const Json& counts = console.import_counts;
    switch (console.import_state) {
    case State::None: break;
    case State::Checking: ui::muted("Checking the file…"); break;
    case State::Applying: ui::muted("Importing…"); break;
    case State::Problems: draw_issues(console.import_issues, console.import_issue_total); break;
    case State::Checked:
        ui::heading("Dry run: nothing has been written yet");
        ui::text("Would create " + count_of(counts, "created") + ", update " + count_of(counts, "updated") + " (" +
                 count_of(counts, "moved") + " moved to another manager, " + count_of(counts, "exited") +
                 " leaving), and leave " + count_of(counts, "unchanged") + " unchanged.");
        if (ui::primary_button("Apply import"))
            console.apply_import(ctx.platform(), ctx.user().token, [&ctx] { ctx.sync_now(); });
        break;
    case State::Applied:
        ui::text_colored(ui::theme::kAccent,
                         "Imported: " + count_of(counts, "created") + " created, " + count_of(counts, "updated") +
                             " updated, " + count_of(counts, "unchanged") + " unchanged.");
        ui::muted("The directory and managers' devices pick the changes up with their next sync.");
        break;
    }
}

void draw_audit_screen(Context& ctx) {
    PeopleConsole& console = people_console();
    ui::heading("Audit log");
    ui::muted("Every import, invitation, role change, export and erasure, as the server recorded it.");
    const auto& actions = PeopleConsole::audit_actions();
    ImGui::SetNextItemWidth(220);
    if (ImGui::BeginCombo("##audit-action", actions[size_t(console.audit_action)].c_str())) {
        for (size_t i = 0; i < actions.size(); ++i)
            if (ImGui::Selectable(actions[i].c_str(), int(i) == console.audit_action)) {
                console.audit_action = int(i);
                console.load_audit(ctx.platform(), ctx.user().token, false);
            }
        ImGui::EndCombo();
    }
    ui::remember("##audit-action", actions[size_t(console.audit_action)], "combo");
    ImGui::SameLine();
    if (ui::button("Refresh")) console.load_audit(ctx.platform(), ctx.user().token, false);
    if (!console.message.empty() && console.message_is_error) ui::text_colored(ui::theme::kOverdue, console.message);
    const float footer = console.audit_more ? ImGui::GetFrameHeightWithSpacing() : 0;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("audit", 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y - footer))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("When (UTC)", ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableSetupColumn("Action", ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableSetupColumn("About", ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(int(console.audit.size()));
        auto name_of = [&](const Json& id) {
            if (!id.is_string()) return std::string("—");
            const PersonRow* person = console.person(id.get<std::string>());
            return person ? person->name : id.get<std::string>();
        };
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const Json& entry = console.audit[size_t(row)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ui::text(entry.value("at", ""));
                ImGui::TableNextColumn();
                ui::text(name_of(entry["actor_id"]));
                ImGui::TableNextColumn();
                ui::text(entry.value("action", ""));
                ImGui::TableNextColumn();
                const std::string details = entry["details"].dump();
                ui::text(entry["target_id"].is_null() ? details : name_of(entry["target_id"]) + " " + details);
            }
        ImGui::EndTable();
    }
    if (console.audit_more && ui::button("Load more")) console.load_audit(ctx.platform(), ctx.user().token, true);
}

} // namespace tandem::client
