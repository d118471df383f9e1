#include "features/people/people_console.h"

#include <algorithm>
#include <set>

#include "tandem/base/csv.h"
#include "tandem/sync/entity.h"

namespace tandem::client {

void PeopleConsole::rebuild(Store& store) {
    people_.clear();
    index_.clear();
    for (const auto& record : store.records_of("person")) {
        if (record.state.deleted) continue;
        const RecordState& s = record.state;
        people_.push_back(PersonRow{s.record_id, s.text("name"), s.text("email"), s.text("employee_id"),
                                    s.text("department"), s.text("manager_id"), "", s.text("role"),
                                    s.text("start_date"), s.text("exit_date"), s.text("exit_reason"), 0, "", ""});
    }
    std::sort(people_.begin(), people_.end(), [](const PersonRow& a, const PersonRow& b) {
        return a.name != b.name ? a.name < b.name : a.id < b.id;
    });
    for (size_t i = 0; i < people_.size(); ++i) index_[people_[i].id] = i;
    std::set<std::string> departments;
    for (auto& row : people_) {
        if (!row.department.empty()) departments.insert(row.department);
        if (auto manager = index_.find(row.manager_id); manager != index_.end()) {
            row.manager_name = people_[manager->second].name;
            ++people_[manager->second].reports;
        }
        // Kept lower-case here, so typing in a filter only searches, for 100,000 rows too.
        row.search_key = lower_ascii(row.name + "\n" + row.email + "\n" + row.employee_id);
        row.manager_key = lower_ascii(row.manager_name);
    }
    const std::string chosen = department > 0 && size_t(department) < departments_.size() ? departments_[size_t(department)] : "";
    departments_.assign(1, "All departments");
    departments_.insert(departments_.end(), departments.begin(), departments.end());
    auto kept = std::find(departments_.begin(), departments_.end(), chosen);
    department = chosen.empty() || kept == departments_.end() ? 0 : int(kept - departments_.begin());
    refilter();
}

void PeopleConsole::refilter() {
    shown_.clear();
    const std::string& wanted_department = department > 0 ? departments_[size_t(department)] : std::string();
    const std::string wanted = lower_ascii(search), wanted_manager = lower_ascii(manager_search);
    for (size_t i = 0; i < people_.size(); ++i) {
        const PersonRow& row = people_[i];
        if (!wanted_department.empty() && row.department != wanted_department) continue;
        if (row.manager_key.find(wanted_manager) == std::string::npos) continue;
        if (row.search_key.find(wanted) == std::string::npos) continue;
        shown_.push_back(i);
    }
}

const PersonRow* PeopleConsole::person(const std::string& id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &people_[it->second];
}

void PeopleConsole::call(Platform& platform, const std::string& token, HttpRequest request,
                         std::function<void(int, const Json&, const std::string&)> done) {
    busy = true;
    message.clear();
    request.bearer_token = token;
    platform.send(std::move(request), [this, done = std::move(done)](HttpResponse response) {
        busy = false;
        const Json body = Json::parse(response.body, nullptr, false);
        try {
            done(response.status, body, response.body);
        } catch (const Json::exception&) {  // JSON of another shape than the API's (a proxy, a body cut short)
            if (import_state == ImportState::Checking) import_state = ImportState::None;
            if (import_state == ImportState::Applying) import_state = ImportState::Checked;  // may be tried again
            message = "The server's answer could not be read (server answered " + std::to_string(response.status) + ")";
            message_is_error = true;
        }
    });
}

namespace {
// The server's error object, or an empty one when the answer holds none (a proxy's page, a body cut short):
// whatever arrives, reading it must not throw.
const Json& error_of(const Json& body) {
    static const Json none = Json::object();
    if (!body.is_object()) return none;
    const auto found = body.find("error");
    return found != body.end() && found->is_object() ? *found : none;
}
}  // namespace

void PeopleConsole::fail(int status, const Json& body, const std::string& fallback) {
    message_is_error = true;
    const Json& error = error_of(body);
    if (status == 0)
        message = "Cannot reach the server: the HR console needs a connection.";
    else if (error.contains("message") && error["message"].is_string())
        message = error["message"].get<std::string>();
    else
        message = fallback + " (server answered " + std::to_string(status) + ")";
}

void PeopleConsole::choose_import_file(Platform& platform, const std::string& token) {
    platform.pick_file(".csv,text/csv", [this, &platform, token](std::string name, std::string bytes) {
        import_name = std::move(name);
        import_bytes = std::move(bytes);
        check_import(platform, token);
    });
}

void PeopleConsole::check_import(Platform& platform, const std::string& token) {
    import_state = ImportState::Checking;
    import_issues.clear();
    import_counts = Json();
    call(platform, token, HttpRequest{"POST", "/api/v1/people/import?dry_run=true", import_bytes, "", "text/csv"},
         [this](int status, const Json& body, const std::string&) {
             if (status == 200 && body.is_object()) {
                 import_counts = body;
                 import_state = ImportState::Checked;
                 return;
             }
             const Json& error = error_of(body);
             if (status == 400 && error.value("code", Json()) == "invalid_import") {
                 for (const auto& detail : error.value("details", Json::array()))
                     if (detail.is_object())
                         import_issues.push_back(ImportIssue{detail.value("line", 0), detail.value("code", ""),
                                                             detail.value("message", "")});
                 import_issue_total = error.value("total", import_issues.size());
                 import_state = ImportState::Problems;
                 return;
             }
             import_state = ImportState::None;
             fail(status, body, "The file could not be checked");
         });
}

void PeopleConsole::apply_import(Platform& platform, const std::string& token, std::function<void()> imported) {
    import_state = ImportState::Applying;
    call(platform, token, HttpRequest{"POST", "/api/v1/people/import", import_bytes, "", "text/csv"},
         [this, imported = std::move(imported)](int status, const Json& body, const std::string&) {
             if (status == 200 && body.is_object()) {
                 import_counts = body;
                 import_state = ImportState::Applied;
                 message_is_error = false;
                 message = "Imported " + import_name + ".";
                 imported();
                 return;
             }
             import_state = ImportState::Checked;
             fail(status, body, "The import was not applied");
         });
}

void PeopleConsole::invite(Platform& platform, const std::string& token, bool reset) {
    const std::string person_id = selected_id;
    const std::string path = "/api/v1/people/" + person_id + (reset ? "/reset-password" : "/invite");
    call(platform, token, HttpRequest{"POST", path, "", "", "application/json"},
         [this, person_id, reset](int status, const Json& body, const std::string&) {
             if (status != 200 || !body.is_object())
                 return fail(status, body, reset ? "No reset link was made" : "No invitation was made");
             invite_person = person_id;
             invite_token = body.value(reset ? "reset_token" : "invite_token", "");
             invite_expires = body.value("expires_on", "");
             message_is_error = false;
             message = reset ? "Reset link ready: send it to them only. Using it signs them out everywhere; it "
                               "works until " + invite_expires + "."
                             : "Invitation ready: send it to them; it works until " + invite_expires + ".";
         });
}

void PeopleConsole::change_role(Platform& platform, const std::string& token, const std::string& role) {
    call(platform, token,
         HttpRequest{"POST", "/api/v1/people/" + selected_id + "/role", Json{{"role", role}}.dump(), "",
                     "application/json"},
         [this, role](int status, const Json& body, const std::string&) {
             if (status != 200) return fail(status, body, "The role was not changed");
             message_is_error = false;
             message = "Role changed to " + role + "; it reaches devices with the next sync.";
         });
}

void PeopleConsole::export_data(Platform& platform, const std::string& token) {
    const std::string person_id = selected_id;
    call(platform, token, HttpRequest{"GET", "/api/v1/people/" + person_id + "/export", "", "", "application/json"},
         [this, &platform, person_id](int status, const Json& body, const std::string& raw) {
             if (status != 200) return fail(status, body, "The export failed");
             platform.save_file("person-" + person_id + ".json", raw, "application/json");
             message_is_error = false;
             message = "Export downloaded (person-" + person_id + ".json).";
         });
}

void PeopleConsole::erase(Platform& platform, const std::string& token, std::function<void()> erased) {
    const std::string person_id = selected_id;
    call(platform, token, HttpRequest{"POST", "/api/v1/people/" + person_id + "/erase", "", "", "application/json"},
         [this, erased = std::move(erased)](int status, const Json& body, const std::string&) {
             if (status != 200) return fail(status, body, "Nothing was erased");
             message_is_error = false;
             message = "Erased " + std::to_string(body.value("erased_records", 0)) +
                       " records; devices drop them at their next sync.";
             erased();
         });
}

void PeopleConsole::load_access(Platform& platform, const std::string& token) {
    call(platform, token, HttpRequest{"GET", "/api/v1/settings/employee-access", "", "", "application/json"},
         [this](int status, const Json& body, const std::string&) {
             if (status != 200 || !body.is_object()) return fail(status, body, "Employee access could not be read");
             access_known = true;
             access_enabled = body.value("enabled", false);
             access_changed_on = body.value("changed_on", Json()).is_string() ? body["changed_on"].get<std::string>() : "";
         });
}

void PeopleConsole::set_access(Platform& platform, const std::string& token, bool enabled) {
    call(platform, token,
         HttpRequest{"PUT", "/api/v1/settings/employee-access", Json{{"enabled", enabled}}.dump(), "",
                     "application/json"},
         [this](int status, const Json& body, const std::string&) {
             if (status != 200 || !body.is_object()) return fail(status, body, "Employee access was not changed");
             access_known = true;
             access_enabled = body.value("enabled", false);
             access_changed_on = body.value("changed_on", Json()).is_string() ? body["changed_on"].get<std::string>() : "";
             message_is_error = false;
             message = access_enabled ? "Employee access is on: employees can sign in."
                                      : "Employee access is off: employees are signed out and cannot sign in.";
         });
}

std::vector<const PersonRow*> PeopleConsole::people_in(const BulkScope& scope) const {
    std::vector<const PersonRow*> found;
    if (!scope.department.empty()) {
        for (const auto& row : people_)
            if (row.department == scope.department && row.exit_date.empty()) found.push_back(&row);
        return found;
    }
    // Below the manager, level by level; `seen` guards against a reporting cycle in a half-synced directory.
    std::set<std::string> seen{scope.manager_id};
    std::vector<std::string> level{scope.manager_id};
    while (!level.empty()) {
        std::vector<std::string> next;
        for (const auto& row : people_)
            if (std::find(level.begin(), level.end(), row.manager_id) != level.end() && seen.insert(row.id).second) {
                next.push_back(row.id);
                if (row.exit_date.empty()) found.push_back(&row);
            }
        level = std::move(next);
    }
    return found;
}

void PeopleConsole::invite_many(Platform& platform, const std::string& token, const BulkScope& scope) {
    bulk_scope = scope;
    bulk_sent = false;
    const Json body = scope.department.empty() ? Json{{"manager_id", scope.manager_id}}
                                               : Json{{"department", scope.department}};
    call(platform, token, HttpRequest{"POST", "/api/v1/people/invites", body.dump(), "", "application/json"},
         [this](int status, const Json& answer, const std::string&) {
             if (status != 200 || !answer.is_object()) return fail(status, answer, "No invitations were made");
             bulk_invites = answer.value("invites", Json::array());
             bulk_skipped = answer.value("skipped", Json::array());
             bulk_sent = true;
             message_is_error = false;
             message = std::to_string(bulk_invites.size()) + " invitations made for " + bulk_scope.label + ", " +
                       std::to_string(bulk_skipped.size()) + " skipped. Download the CSV and send each person their link.";
         });
}

std::string PeopleConsole::bulk_csv(const std::string& origin) const {
    std::string csv = "name,email,invite_link,expires_on\r\n";
    for (const auto& invite : bulk_invites)
        csv += csv_text(invite.value("name", "")) + "," + csv_text(invite.value("email", "")) + "," +
               csv_text(origin + invite.value("invite_path", "")) + "," + csv_text(invite.value("expires_on", "")) +
               "\r\n";
    return csv;
}

const std::vector<std::string>& PeopleConsole::audit_actions() {
    static const std::vector<std::string> actions{"All actions",   "people.import", "people.invite",
                                                  "people.reset",  "people.role",   "people.export",
                                                  "people.erase",  "settings.employee_access"};
    return actions;
}

void PeopleConsole::load_audit(Platform& platform, const std::string& token, bool more) {
    if (!more) {
        audit.clear();
        audit_cursor = 0;
    }
    std::string path = "/api/v1/audit?limit=200&since=" + std::to_string(audit_cursor);
    if (audit_action > 0) path += "&action=" + audit_actions()[size_t(audit_action)];
    const uint64_t request = ++audit_request_;
    call(platform, token, HttpRequest{"GET", path, "", "", "application/json"},
         [this, request](int status, const Json& body, const std::string&) {
             if (request != audit_request_) return;  // asked for before a newer request (filter, refresh)
             if (status != 200 || !body.is_object()) return fail(status, body, "The audit log could not be read");
             for (const auto& entry : body.value("entries", Json::array())) audit.push_back(entry);
             audit_cursor = body.value("cursor", audit_cursor);
             audit_more = body.value("more", false);
         });
}

} // namespace tandem::client
