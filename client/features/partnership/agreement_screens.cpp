// Manager agreements. HR drafts the commitments; the manager comments and proposes amendments as new
// versions; any two versions compare side by side; each side signs a version, and the newest version both
// signed is in force. Its measured commitments show adherence month by month: a manager's device measures
// its own records offline, HR's device reads the same core figures from the server.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/partnership/partnership.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct AgreementForm {
    std::string loaded_for;
    int loaded_versions = -1;
    std::vector<Commitment> commitments;  // the next version being written
    std::string note, comment, message;
    int left = -1, right = -1;            // the versions compared
    std::string new_manager, new_title = "Manager agreement";
};
PerUser<AgreementForm> form;

const AgreementView* open_agreement(const Context&) {
    for (const auto& agreement : partnership_on_device().agreements)
        if (agreement.agreement_id == partnership_on_device().agreement_id) return &agreement;
    return nullptr;
}

std::string status_line(Context& ctx, const AgreementView& agreement) {
    if (agreement.versions.empty()) return "No version written yet.";
    std::string line;
    if (agreement.in_force >= 0) {
        const auto& v = agreement.versions[size_t(agreement.in_force)];
        line = "Version " + std::to_string(v.number) + " in force since " + ctx.date_text(v.in_force_on()) + ".";
    }
    if (agreement.awaiting_signatures()) {
        const auto& latest = agreement.versions.back();
        line += (line.empty() ? "" : " ") + std::string("Version ") + std::to_string(latest.number) +
                " waits for " + (latest.manager ? "" : "the manager's") + (!latest.manager && !latest.hr ? " and " : "") +
                (latest.hr ? "" : "HR's") + " signature.";
    }
    return line;
}

const std::vector<Commitment> kStarterCommitments{
    {"cadence", "Hold a 1:1 with every report at least fortnightly", metric::kCheckinCadence, 100},
    {"recognition", "Recognise someone in the team every month", metric::kRecognitions, 1},
    {"survey", "Discuss survey results with the team within two weeks", metric::kSurveyDiscussed, 14},
    {"mentoring", "Meet my mentor every month", metric::kMentoringSessions, 1}};

const char* metric_label(const std::string& name) {
    if (name == metric::kCheckinCadence) return "1:1 cadence kept (% of reports)";
    if (name == metric::kRecognitions) return "Recognitions a month";
    if (name == metric::kSurveyDiscussed) return "Survey results acted on within (days)";
    if (name == metric::kMentoringSessions) return "Mentoring sessions a month";
    return "Not measured";
}

ImVec4 status_colour(MonthAdherence::Status status) {
    switch (status) {
    case MonthAdherence::Status::Met: return ui::theme::kGood;
    case MonthAdherence::Status::Missed: return ui::theme::kOverdue;
    case MonthAdherence::Status::InProgress: return ui::theme::kAccent;
    case MonthAdherence::Status::NoData: break;
    }
    return ui::theme::kMuted;
}

// One bar per month, its height the measured value against the goal line, coloured by met/missed.
void draw_trend(const CommitmentAdherence& c) {
    const float bar = 26, gap = 8, height = 56;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    double top = 1;
    for (const auto& m : c.months) top = std::max({top, m.value, m.goal});
    for (size_t i = 0; i < c.months.size(); ++i) {
        const auto& m = c.months[i];
        const float x = origin.x + float(i) * (bar + gap);
        const float h = m.status == MonthAdherence::Status::NoData ? 2 : float(m.value / top) * height;
        const ImU32 colour = ImGui::GetColorU32(status_colour(m.status));
        if (m.status == MonthAdherence::Status::InProgress)
            draw->AddRect(ImVec2(x, origin.y + height - h), ImVec2(x + bar, origin.y + height), colour, 0, 0, 2);
        else
            draw->AddRectFilled(ImVec2(x, origin.y + height - h), ImVec2(x + bar, origin.y + height), colour);
        const float goal_y = origin.y + height - float(m.goal / top) * height;
        draw->AddLine(ImVec2(x - 2, goal_y), ImVec2(x + bar + 2, goal_y), ImGui::GetColorU32(ui::theme::kMuted), 1.5f);
        static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        const int number = m.month.size() == 7 ? std::atoi(m.month.c_str() + 5) : 0;
        draw->AddText(ImVec2(x, origin.y + height + 2), ImGui::GetColorU32(ui::theme::kMuted),
                      number >= 1 && number <= 12 ? kMonths[number - 1] : "?");
        if (ImGui::IsMouseHoveringRect(ImVec2(x, origin.y), ImVec2(x + bar, origin.y + height + 16))) {
            char tip[128];
            std::snprintf(tip, sizeof tip, "%s: %.0f (goal %.0f) — %s", m.month.c_str(), m.value, m.goal,
                          m.status == MonthAdherence::Status::Met        ? "met"
                          : m.status == MonthAdherence::Status::Missed   ? "missed"
                          : m.status == MonthAdherence::Status::NoData   ? "no data"
                                                                         : "month under way");
            ImGui::SetTooltip("%s", tip);
        }
    }
    ImGui::Dummy(ImVec2(std::max(1.0f, float(c.months.size())) * (bar + gap), height + 20));
}

void draw_adherence(Context& ctx, const AgreementView& agreement) {
    ui::heading("Adherence");
    if (agreement.in_force < 0) return ui::muted("Measured once both sides have signed a version.");
    const std::vector<CommitmentAdherence>* figures = nullptr;
    std::vector<CommitmentAdherence> from_server;
    if (auto own = partnership_on_device().own_adherence.find(agreement.agreement_id); own != partnership_on_device().own_adherence.end()) {
        figures = &own->second;  // the manager's own device measures its own records, offline
    } else {
        const std::string key = "adherence/" + agreement.agreement_id;
        const auto& kept = ctx.figures().get(key);
        if (ui::button(kept.loading ? "Loading…##adherence" : "Refresh from the server##adherence") ||
            (kept.body.is_null() && !kept.loading && kept.error.empty()))
            ctx.figures().refresh(ctx.platform(), ctx.user().token, key,
                                  "/api/v1/agreements/" + agreement.agreement_id + "/adherence", ctx.today());
        if (!kept.error.empty()) ui::text_colored(ui::theme::kWarning, kept.error);
        if (!kept.fetched_on.empty()) ui::muted("As of " + ctx.date_text(kept.fetched_on));
        if (kept.body.is_object()) from_server = adherence_from_json(kept.body);
        figures = &from_server;
    }
    if (figures->empty()) return ui::muted("No measured commitment in the version in force.");
    for (const auto& c : *figures) {
        ImGui::PushID(c.commitment.key.c_str());
        ui::text(c.commitment.text);
        ui::muted(describe_target(c.commitment) + " · since " + ctx.date_text(c.since) + " · met " +
                  std::to_string(c.met) + " of " + std::to_string(c.judged) + " month" + (c.judged == 1 ? "" : "s"));
        ui::remember(("adherence:" + c.commitment.key).c_str(),
                     "met " + std::to_string(c.met) + " of " + std::to_string(c.judged), "figure");
        draw_trend(c);
        ImGui::PopID();
    }
}

void draw_compare(const AgreementView& agreement) {
    const int count = int(agreement.versions.size());
    if (count < 2) return;
    ui::heading("Compare versions");
    if (form.left < 0 || form.left >= count) form.left = count - 2;
    if (form.right < 0 || form.right >= count) form.right = count - 1;
    auto picker = [&](const char* id, int& index) {
        ImGui::SetNextItemWidth(140);
        if (ImGui::BeginCombo(id, ("Version " + std::to_string(agreement.versions[size_t(index)].number)).c_str())) {
            for (int i = 0; i < count; ++i)
                if (ImGui::Selectable(("Version " + std::to_string(agreement.versions[size_t(i)].number)).c_str(), i == index))
                    index = i;
            ImGui::EndCombo();
        }
    };
    picker("##compare-left", form.left);
    ImGui::SameLine();
    ui::text("with");
    ImGui::SameLine();
    picker("##compare-right", form.right);
    const auto rows = compare_commitments(agreement.versions[size_t(form.left)].commitments,
                                          agreement.versions[size_t(form.right)].commitments);
    if (!ImGui::BeginTable("compare", 2, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableSetupColumn(("Version " + std::to_string(agreement.versions[size_t(form.left)].number)).c_str());
    ImGui::TableSetupColumn(("Version " + std::to_string(agreement.versions[size_t(form.right)].number)).c_str());
    ImGui::TableHeadersRow();
    auto cell = [](const std::optional<Commitment>& c, const ImVec4& colour) {
        ImGui::TableNextColumn();
        if (!c) return ui::muted("—");
        ImGui::PushTextWrapPos(0);
        ui::text_colored(colour, c->text);
        ui::muted(describe_target(*c));
        ImGui::PopTextWrapPos();
    };
    for (const auto& row : rows) {
        ImGui::TableNextRow();
        const ImVec4 changed = row.kind == Difference::Same      ? ImGui::GetStyleColorVec4(ImGuiCol_Text)
                               : row.kind == Difference::Added   ? ui::theme::kGood
                               : row.kind == Difference::Removed ? ui::theme::kOverdue
                                                                 : ui::theme::kWarning;
        cell(row.before, row.kind == Difference::Removed ? changed : ImGui::GetStyleColorVec4(ImGuiCol_Text));
        cell(row.after, changed);
    }
    ImGui::EndTable();
}

void draw_new_version(Context& ctx, const AgreementView& agreement) {
    const int next = agreement.versions.empty() ? 1 : agreement.versions.back().number + 1;
    ui::heading(agreement.versions.empty() ? "First draft" : "Propose version " + std::to_string(next));
    for (size_t i = 0; i < form.commitments.size(); ++i) {
        Commitment& c = form.commitments[i];
        ImGui::PushID(int(i));
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        ui::input_text(("##commitment-text-" + std::to_string(i)).c_str(), c.text, "What the manager commits to");
        ImGui::SetNextItemWidth(260);
        if (ImGui::BeginCombo(("##commitment-metric-" + std::to_string(i)).c_str(), metric_label(c.metric))) {
            if (ImGui::Selectable(metric_label(""), c.metric.empty())) c.metric.clear();
            for (const auto& name : commitment_metrics())
                if (ImGui::Selectable(metric_label(name), c.metric == name)) {
                    c.metric = name;
                    if (c.target == 0) c.target = name == metric::kCheckinCadence ? 100 : name == metric::kSurveyDiscussed ? 14 : 1;
                }
            ImGui::EndCombo();
        }
        if (!c.metric.empty()) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(140);
            ImGui::InputInt(("target##commitment-target-" + std::to_string(i)).c_str(), &c.target);
        }
        ImGui::SameLine();
        const bool remove = ui::link(("Remove##commitment-remove-" + std::to_string(i)).c_str());
        ImGui::PopID();
        if (remove) {
            form.commitments.erase(form.commitments.begin() + long(i));
            break;
        }
    }
    if (ui::button("Add a commitment##add-commitment")) {
        int n = int(form.commitments.size()) + 1;
        std::string key;
        auto taken = [&](const std::string& k) {
            for (const auto& v : agreement.versions)
                for (const auto& c : v.commitments)
                    if (c.key == k) return true;
            for (const auto& c : form.commitments)
                if (c.key == k) return true;
            return false;
        };
        do key = "c" + std::to_string(n++); while (taken(key));
        form.commitments.push_back({key, "", "", 0});
    }
    ui::text("What changed and why");
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    ui::input_text("##version-note", form.note);
    if (ui::primary_button(("Save as version " + std::to_string(next) + "##save-version").c_str())) {
        const std::string list = commitments_json(form.commitments);
        if (!is_commitment_list(list)) {
            form.message = "Each commitment needs words, and a measured one a target in range.";
        } else {
            auto result = ctx.edit("agreement_version", ctx.new_record_id(),
                                   {{"agreement_id", agreement.agreement_id}, {"author_id", ctx.user().id}, {"number", next}, {"commitments", list},
                                    {"note", form.note}});
            form.message = result.problem ? result.problem->message
                                          : "Version " + std::to_string(next) + " saved: it needs both signatures.";
        }
    }
    if (!form.message.empty()) ui::muted(form.message);
}

}  // namespace

void draw_agreements_screen(Context& ctx) {
    const bool hr = ctx.user().role == Role::HrAdmin;
    ui::heading(hr ? "Manager agreements" : "My agreement");
    if (hr) {
        ui::text("Draft an agreement for");
        const std::string chosen = form.new_manager.empty() ? "Choose a manager" : ctx.directory().name_of(form.new_manager);
        if (ui::button((chosen + "##pick-agreement-manager").c_str())) ImGui::OpenPopup("agreement-managers");
        if (ImGui::BeginPopup("agreement-managers")) {
            for (const auto& manager : partnership_on_device().mentoring_coverage)
                if (ui::button((manager.name + "##agree-" + manager.person_id).c_str(), ImVec2(-1, 0))) {
                    form.new_manager = manager.person_id;
                    ImGui::CloseCurrentPopup();
                }
            ImGui::EndPopup();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(220);
        ui::input_text("##agreement-title", form.new_title);
        ImGui::SameLine();
        ImGui::BeginDisabled(form.new_manager.empty() || form.new_title.empty());
        if (ui::primary_button("Draft agreement##new-agreement")) {
            const std::string id = ctx.new_record_id();
            auto result = ctx.edit("agreement", id, {{"manager_id", form.new_manager}, {"title", form.new_title}});
            if (result.problem) {
                form.message = result.problem->message;
            } else {
                ctx.edit("agreement_version", ctx.new_record_id(),
                         {{"agreement_id", id}, {"author_id", ctx.user().id}, {"number", 1},
                          {"commitments", commitments_json(kStarterCommitments)},
                          {"note", "First draft"}});
                form.new_manager.clear();
                open_agreement(ctx, id);
            }
        }
        ImGui::EndDisabled();
    }
    for (const auto& agreement : partnership_on_device().agreements) {
        ImGui::PushID(agreement.agreement_id.c_str());
        if (ui::link((ctx.directory().name_of(agreement.manager_id, "A manager") + " — " + agreement.title + "##open").c_str()))
            open_agreement(ctx, agreement.agreement_id);
        ui::remember(("agreement:" + agreement.title).c_str(), agreement.title, "row");
        ui::muted(status_line(ctx, agreement));
        ImGui::PopID();
    }
    if (partnership_on_device().agreements.empty()) ui::muted(hr ? "No agreements yet." : "HR has not drafted an agreement with you yet.");
}

void draw_agreement_screen(Context& ctx) {
    if (ui::link(ctx.user().role == Role::HrAdmin ? "< Agreements" : "< My agreement")) ctx.open_screen(kAgreementsScreen);
    const AgreementView* agreement = open_agreement(ctx);
    if (!agreement) return ui::muted("This agreement is not on this device.");
    const bool hr = ctx.user().role == Role::HrAdmin;
    const bool mine = agreement->manager_id == ctx.user().id;
    if (form.loaded_for != agreement->agreement_id || form.loaded_versions != int(agreement->versions.size())) {
        const std::string message = form.loaded_for == agreement->agreement_id ? form.message : "";
        form = AgreementForm{};
        form.loaded_for = agreement->agreement_id;
        form.loaded_versions = int(agreement->versions.size());
        if (!agreement->versions.empty()) form.commitments = agreement->versions.back().commitments;
        form.message = message;
    }
    ui::heading(agreement->title + " — " + ctx.directory().name_of(agreement->manager_id, "a manager"));
    ui::text_colored(agreement->awaiting_signatures() ? ui::theme::kWarning : ui::theme::kGood, status_line(ctx, *agreement));
    // Above the scrolling part: what waits for this reader's signature is always in sight.
    if (!agreement->versions.empty() && (hr || mine)) {
        const auto& latest = agreement->versions.back();
        const bool signed_by_me = hr ? latest.hr.has_value() : latest.manager.has_value();
        if (!signed_by_me &&
            ui::primary_button(("Sign version " + std::to_string(latest.number) + "##sign-version").c_str())) {
            auto result = ctx.edit("agreement_signature", ctx.new_record_id(),
                                   {{"agreement_id", agreement->agreement_id}, {"version_id", latest.version_id},
                                    {"signer_id", ctx.user().id}, {"signed_on", ctx.today()}});
            form.message = result.problem ? result.problem->message : "Signed.";
        }
    }
    ImGui::BeginChild("agreement", ImVec2(0, 0));
    draw_adherence(ctx, *agreement);
    ImGui::Separator();
    ui::heading("Versions");
    for (const auto& v : agreement->versions) {
        ui::text("Version " + std::to_string(v.number) + " by " + ctx.directory().name_of(v.author_id, "HR") +
                 (v.note.empty() ? "" : ": " + v.note));
        ui::muted(std::string("Manager: ") + (v.manager ? "signed " + ctx.date_text(v.manager->signed_on) : "not signed") +
                  " · HR: " + (v.hr ? "signed " + ctx.date_text(v.hr->signed_on) + " by " + ctx.directory().name_of(v.hr->signer_id, "HR") : "not signed"));
    }
    if (agreement->versions.size() == 1) {
        for (const auto& c : agreement->versions[0].commitments) ui::text("• " + c.text + " — " + describe_target(c));
    }
    draw_compare(*agreement);
    ImGui::Separator();
    if (hr || mine) draw_new_version(ctx, *agreement);
    ImGui::Separator();
    ui::heading("Comments");
    for (const auto& comment : agreement->comments) {
        ui::muted(ctx.directory().name_of(comment.author_id, "HR") + (comment.written_on.empty() ? "" : " · " + ctx.date_text(comment.written_on)));
        ImGui::PushTextWrapPos(0);
        ui::text(comment.text);
        ImGui::PopTextWrapPos();
    }
    if (hr || mine) {
        ui::input_multiline("##agreement-comment", form.comment, 60);
        ImGui::BeginDisabled(form.comment.empty());
        if (ui::button("Comment##post-agreement-comment")) {
            Json fields{{"agreement_id", agreement->agreement_id}, {"author_id", ctx.user().id}, {"text", form.comment}};
            if (!agreement->versions.empty()) fields["version_id"] = agreement->versions.back().version_id;
            auto result = ctx.edit("agreement_comment", ctx.new_record_id(), fields);
            if (!result.problem) form.comment.clear();
            else form.message = result.problem->message;
        }
        ImGui::EndDisabled();
    }
    ImGui::EndChild();
}

} // namespace tandem::client
