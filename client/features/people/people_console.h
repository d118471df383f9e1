#pragma once
// The HR console for people (docs/features.md, People, for HR): a directory built from the person records HR's
// device syncs, and the server actions that only make sense online: import, invitations, role changes, export,
// erasure, the audit log. Screens draw from this state and call these commands; no frame runs SQL or waits on
// the network.
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "platform/platform.h"
#include "tandem/base/change.h"
#include "tandem/sync/store.h"

namespace tandem::client {

struct PersonRow {
    std::string id, name, email, employee_id, department, manager_id, manager_name, role, start_date, exit_date,
        exit_reason;
    int reports = 0;
    std::string search_key, manager_key;  // lower-case name, e-mail and employee id; manager's name
};

struct ImportIssue {
    int line = 0;
    std::string code, message;
};

class PeopleConsole {
public:
    // Directory, rebuilt when person records change; filtering re-runs only when a filter changes.
    void rebuild(Store& store);
    void refilter();
    const std::vector<PersonRow>& people() const { return people_; }
    const std::vector<size_t>& shown() const { return shown_; }
    const std::vector<std::string>& departments() const { return departments_; }  // [0] is "All departments"
    const PersonRow* person(const std::string& id) const;
    std::string search, manager_search;
    int department = 0;
    std::string selected_id;

    // Server actions; `token` is HR's session. Each sets `busy`/`message` and fills its result later.
    void call(Platform& platform, const std::string& token, HttpRequest request,
              std::function<void(int status, const Json& body, const std::string& raw)> done);
    bool busy = false;
    std::string message;  // the last outcome, for the person to read
    bool message_is_error = false;

    // Import: choose a file, see the dry run, apply.
    enum class ImportState { None, Checking, Checked, Problems, Applying, Applied };
    void choose_import_file(Platform& platform, const std::string& token);
    void apply_import(Platform& platform, const std::string& token, std::function<void()> imported);
    ImportState import_state = ImportState::None;
    std::string import_name, import_bytes;
    Json import_counts;
    std::vector<ImportIssue> import_issues;
    size_t import_issue_total = 0;  // the server lists the first 1,000 and counts them all

    // The selected person.
    // An invitation for someone without an account, or (reset) a password reset link for someone with one.
    void invite(Platform& platform, const std::string& token, bool reset = false);
    void change_role(Platform& platform, const std::string& token, const std::string& role);
    void export_data(Platform& platform, const std::string& token);
    void erase(Platform& platform, const std::string& token, std::function<void()> erased);
    std::string invite_token, invite_expires, invite_person;
    std::string chosen_role;  // the role picked on the person page, not yet saved

    // Employee access (docs/api.md, Employee access): HR's switch as the server last told it.
    void load_access(Platform& platform, const std::string& token);
    void set_access(Platform& platform, const std::string& token, bool enabled);
    bool access_known = false, access_enabled = false;
    std::string access_changed_on;

    // Invitations for a department or a manager's tree (docs/api.md, Bulk invitations). The count comes from
    // the directory before anything is sent; the server's answer is listed and offered as a CSV of links.
    struct BulkScope {
        std::string department, manager_id;
        std::string label;  // "the Design department", "Maya Chen's team"
    };
    // Live people in the scope (a tree without its manager); those with an account are skipped by the server.
    std::vector<const PersonRow*> people_in(const BulkScope& scope) const;
    void invite_many(Platform& platform, const std::string& token, const BulkScope& scope);
    // The CSV of the last bulk answer: name, email, invite_link (`origin` + the server's path), expires_on.
    std::string bulk_csv(const std::string& origin) const;
    BulkScope bulk_scope;     // what is being chosen or was last sent
    bool bulk_sent = false;   // the lists below are the answer for bulk_scope
    Json bulk_invites = Json::array(), bulk_skipped = Json::array();

    // Audit log, newest pages appended as they load.
    void load_audit(Platform& platform, const std::string& token, bool more);
    std::vector<Json> audit;
    int64_t audit_cursor = 0;
    bool audit_more = false;
    int audit_action = 0;  // index into audit_actions()
    static const std::vector<std::string>& audit_actions();

private:
    void check_import(Platform& platform, const std::string& token);
    void fail(int status, const Json& body, const std::string& fallback);

    std::vector<PersonRow> people_;
    std::vector<size_t> shown_;
    std::vector<std::string> departments_;
    std::unordered_map<std::string, size_t> index_;
    uint64_t audit_request_ = 0;  // only the newest audit request's answer is shown
};

} // namespace tandem::client
