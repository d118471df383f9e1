// HR programs: the board by stage and one program. HR writes the goal, stage and links; managers and
// mentors rate it, say what it would cost them and discuss it in threads (offline, like everything they
// write); HR reads the spread per stage and adoption per team, which the server derives from real use.
#include <algorithm>
#include <cstdio>

#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/guides/guides.h"
#include "features/partnership/partnership.h"
#include "features/surveys/surveys.h"
#include "ui/date_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

struct ProgramForm {
    std::string loaded_for;
    std::string title, goal, stage, starts_on;
    ui::DateFieldState starts_field;
    std::vector<std::string> owner_ids, guide_ids, survey_ids;
    std::string new_title, comment, reply_to, message;
    bool proposal = false;
    int usefulness = 0, minutes = 0;
};
PerUser<ProgramForm> form;

const ProgramView* open_program(const Context&) {
    for (const auto& program : partnership_on_device().programs)
        if (program.program_id == partnership_on_device().program_id) return &program;
    return nullptr;
}

bool is_hr(const Context& ctx) { return ctx.user().role == Role::HrAdmin; }

std::string spread_line(const RatingSpread& spread) {
    char text[160];
    std::snprintf(text, sizeof text, "%d rating%s · useful %.1f of 5 · %d min a month (median; %d–%d)", spread.count,
                  spread.count == 1 ? "" : "s", spread.mean_usefulness, spread.minutes_median, spread.minutes_low,
                  spread.minutes_high);
    return text;
}

void draw_card(Context& ctx, const ProgramView& program) {
    ImGui::PushID(program.program_id.c_str());
    const ImVec2 start = ImGui::GetCursorPos();
    if (ImGui::Selectable("##open", false, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0, 52)))
        open_program(ctx, program.program_id);
    ui::remember(("program:" + program.title).c_str(), program.title, "row");
    ImGui::SetCursorPos(ImVec2(start.x + 8, start.y + 4));
    ImGui::BeginGroup();
    ui::text(program.title);
    int comments = 0;
    for (const auto& [stage, count] : program.comments_by_stage) comments += count;
    std::string line = std::to_string(comments) + " comment" + (comments == 1 ? "" : "s");
    if (auto it = program.ratings.find(program.stage); it != program.ratings.end() && is_hr(ctx))
        line += " · useful " + std::to_string(it->second.mean_usefulness).substr(0, 3) + " of 5";
    if (!is_hr(ctx) && program.stage == "design")
        line += program.viewer_rating_id.empty() ? " · waiting for your view" : " · you rated it";
    ui::muted(line);
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(start.x, start.y + 58));
    ImGui::PopID();
}

// HR edits the program in place; one Save writes what changed.
void draw_hr_fields(Context& ctx, const ProgramView& program) {
    if (form.loaded_for != program.program_id) {
        form = ProgramForm{};
        form.loaded_for = program.program_id;
        form.title = program.title;
        form.goal = program.goal;
        form.stage = program.stage;
        form.starts_on = program.starts_on;
        form.owner_ids = program.owner_ids;
        form.guide_ids = program.guide_ids;
        form.survey_ids = program.survey_ids;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    ui::text("Title");
    ImGui::SetNextItemWidth(width);
    ui::input_text("##program-title", form.title);
    ui::text("Goal");
    ui::input_multiline("##program-goal", form.goal, 80);
    ui::text("Stage");
    for (const auto& stage : program_stages()) {
        if (ImGui::RadioButton((stage_label(stage) + "##stage-" + stage).c_str(), form.stage == stage)) form.stage = stage;
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ui::text("Adoption measured from");
    ui::DateFieldOptions starts = ui::date_options(ctx, "");
    starts.optional = true;  // empty: from the start
    const std::string today = ctx.today();
    starts.quick = {{"Today", today}, {"Start of this month", today.substr(0, 8) + "01"},
                    {"Start of this year", today.substr(0, 5) + "01-01"}};
    ui::date_field("program-starts", form.starts_field, form.starts_on, starts);
    auto toggle_list = [](std::vector<std::string>& ids, const std::string& id, const std::string& label) {
        bool on = std::find(ids.begin(), ids.end(), id) != ids.end();
        if (ui::checkbox(label.c_str(), on)) {
            if (on) ids.push_back(id);
            else ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
        }
    };
    if (ImGui::TreeNode("Owners")) {
        // HR admins and managers can own a program; the directory is HR's device's person records.
        for (const auto& [id, name] : ctx.directory().person_names) {
            const Role role = ctx.directory().org.role_of(id);
            if (role == Role::HrAdmin || (role == Role::Manager && !ctx.directory().org.reports_of(id).empty()))
                toggle_list(form.owner_ids, id, name + "##owner-" + id);
        }
        ImGui::TreePop();
    }
    if (ImGui::TreeNode("Linked templates and playbooks")) {
        for (const auto& guide : guides_on_device())
            toggle_list(form.guide_ids, guide.guide_id, guide.title + "##link-guide-" + guide.guide_id);
        ImGui::TreePop();
    }
    if (ImGui::TreeNode("Linked surveys")) {
        for (const auto& survey : surveys_on_device().surveys)
            toggle_list(form.survey_ids, survey.survey_id, survey.title + "##link-survey-" + survey.survey_id);
        ImGui::TreePop();
    }
    // A session belongs to one program (training_session.program_id): ticking it here moves it.
    if (ImGui::TreeNode("Training sessions of this program")) {
        for (const auto& session : surveys_on_device().sessions) {
            bool linked = std::find(program.session_ids.begin(), program.session_ids.end(), session.session_id) !=
                          program.session_ids.end();
            const std::string label = session.title + " (" + ctx.date_text(session.held_on) + ")##link-session-" +
                                      session.session_id;
            if (ui::checkbox(label.c_str(), linked))
                ctx.edit("training_session", session.session_id,
                         {{"program_id", linked ? Json(program.program_id) : Json()}});
        }
        if (surveys_on_device().sessions.empty())
            ui::muted("No training sessions yet (HR adds them under Training).");
        ImGui::TreePop();
    }
    Json changed = Json::object();
    if (form.title != program.title) changed["title"] = form.title;
    if (form.goal != program.goal) changed["goal"] = form.goal;
    if (form.stage != program.stage) changed["stage"] = form.stage;
    if (form.starts_on != program.starts_on) changed["starts_on"] = form.starts_on.empty() ? Json() : Json(form.starts_on);
    if (form.owner_ids != program.owner_ids) changed["owner_ids"] = join_ids(form.owner_ids);
    if (form.guide_ids != program.guide_ids) changed["guide_ids"] = join_ids(form.guide_ids);
    if (form.survey_ids != program.survey_ids) changed["survey_ids"] = join_ids(form.survey_ids);
    ImGui::BeginDisabled(changed.empty());
    if (ui::primary_button("Save program##save-program")) {
        auto result = ctx.edit("program", program.program_id, changed);
        form.message = result.problem ? result.problem->message : "Saved.";
        if (!result.problem) form.loaded_for.clear();
    }
    ImGui::EndDisabled();
    if (!form.message.empty()) {
        ImGui::SameLine();
        ui::muted(form.message);
    }
}

void draw_spread(const ProgramView& program) {
    ui::heading("What managers said, by stage");
    bool any = false;
    for (const auto& stage : program_stages()) {
        auto rated = program.ratings.find(stage);
        auto comments = program.comments_by_stage.find(stage);
        if (rated == program.ratings.end() && comments == program.comments_by_stage.end()) continue;
        any = true;
        const int said = comments == program.comments_by_stage.end() ? 0 : comments->second;
        ui::text(stage_label(stage) + ": " + std::to_string(said) + " comment" + (said == 1 ? "" : "s"));
        if (rated == program.ratings.end()) continue;
        ui::muted(spread_line(rated->second));
        // One bar per usefulness score, so the spread shows, not only the mean.
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const int most = std::max(1, *std::max_element(rated->second.usefulness.begin(), rated->second.usefulness.end()));
        for (int score = 0; score < 5; ++score) {
            const float x = origin.x + float(score) * 44, height = 40.0f * float(rated->second.usefulness[size_t(score)]) / float(most);
            draw->AddRectFilled(ImVec2(x, origin.y + 40 - height), ImVec2(x + 30, origin.y + 40),
                                ImGui::GetColorU32(ui::theme::kAccent));
            char label[16];
            std::snprintf(label, sizeof label, "%d: %d", score + 1, rated->second.usefulness[size_t(score)]);
            draw->AddText(ImVec2(x, origin.y + 42), ImGui::GetColorU32(ui::theme::kMuted), label);
        }
        ImGui::Dummy(ImVec2(5 * 44, 62));
    }
    if (!any) ui::muted("No comments or ratings yet.");
}

void draw_my_rating(Context& ctx, const ProgramView& program) {
    if (form.loaded_for != program.program_id) {
        form = ProgramForm{};
        form.loaded_for = program.program_id;
        form.usefulness = program.viewer_usefulness;
        form.minutes = program.viewer_minutes;
    }
    ui::heading("Your view in the " + stage_label(program.stage) + " stage");
    ui::text("How useful would this be to you?");
    for (int score = 1; score <= 5; ++score) {
        if (score > 1) ImGui::SameLine();
        const std::string label = std::to_string(score) + "##useful-" + std::to_string(score);
        if (form.usefulness == score ? ui::primary_button(label.c_str(), ImVec2(48, 0)) : ui::button(label.c_str(), ImVec2(48, 0)))
            form.usefulness = score;
    }
    ui::text("Minutes a month it would cost you");
    ImGui::SetNextItemWidth(120);
    ImGui::InputInt("##program-minutes", &form.minutes, 15);
    ui::remember("##program-minutes", "", "input", std::to_string(form.minutes));
    form.minutes = std::clamp(form.minutes, 0, 10000);
    ImGui::BeginDisabled(form.usefulness == 0);
    if (ui::primary_button("Save my rating##save-rating")) {
        const std::string id = program.viewer_rating_id.empty() ? ctx.new_record_id() : program.viewer_rating_id;
        Json fields{{"usefulness", form.usefulness}, {"minutes_per_month", form.minutes}};
        if (program.viewer_rating_id.empty()) {
            fields["program_id"] = program.program_id;
            fields["rater_id"] = ctx.user().id;
            fields["stage"] = program.stage;
        }
        auto result = ctx.edit("program_rating", id, fields);
        form.message = result.problem ? result.problem->message : "Rating saved.";
    }
    ImGui::EndDisabled();
    if (!form.message.empty()) {
        ImGui::SameLine();
        ui::muted(form.message);
    }
}

void draw_discussion(Context& ctx, const ProgramView& program) {
    ui::heading("Discussion");
    for (const auto& comment : program.comments) {
        ImGui::PushID(comment.comment_id.c_str());
        ImGui::Indent(float(comment.depth) * 24 + 1);
        // An erased author's copied name is blank: the comment stays, without them.
        ui::text_colored(ui::theme::kMuted, (comment.author_name.empty() ? "A former colleague" : comment.author_name) +
                                                " · " + stage_label(comment.stage) +
                                                (comment.kind == "proposal" ? " · proposal" : "") +
                                                (comment.written_on.empty() ? "" : " · " + ctx.date_text(comment.written_on)));
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX());
        ui::text(comment.text);
        ImGui::PopTextWrapPos();
        if (comment.kind == "proposal") {
            ui::muted(std::to_string(comment.votes_for) + " for · " + std::to_string(comment.votes_against) + " against");
            if (!is_hr(ctx)) {
                for (int side : {1, -1}) {
                    ImGui::SameLine();
                    const char* label = side > 0 ? "For##vote-for" : "Against##vote-against";
                    const bool mine = comment.viewer_vote == side;
                    if (mine ? ui::primary_button(label) : ui::button(label)) {
                        if (comment.viewer_vote_id.empty())
                            ctx.edit("program_vote", ctx.new_record_id(),
                                     {{"proposal_id", comment.comment_id}, {"voter_id", ctx.user().id},
                                      {"in_favour", side > 0}});
                        else
                            ctx.edit("program_vote", comment.viewer_vote_id, {{"in_favour", side > 0}});
                    }
                }
            }
        }
        if (ui::link("Reply")) form.reply_to = comment.comment_id;
        ImGui::Unindent(float(comment.depth) * 24 + 1);
        ImGui::PopID();
        ImGui::Spacing();
    }
    if (program.comments.empty()) ui::muted("No comments yet: say what would make this work in your team.");
    ImGui::Separator();
    std::string replying;
    for (const auto& comment : program.comments)
        if (comment.comment_id == form.reply_to) replying = comment.author_name;
    if (!replying.empty()) {
        ui::muted("Replying to " + replying);
        ImGui::SameLine();
        if (ui::link("Cancel reply")) form.reply_to.clear();
    }
    ui::input_multiline("##program-comment", form.comment, 70);
    ui::checkbox("This is a proposal others can vote on##program-proposal", form.proposal);
    ImGui::BeginDisabled(form.comment.empty());
    if (ui::primary_button("Post##post-comment")) {
        Json fields{{"program_id", program.program_id}, {"author_id", ctx.user().id}, {"author_name", ctx.user().name},
                    {"stage", program.stage}, {"kind", form.proposal ? "proposal" : "comment"}, {"text", form.comment}};
        if (!form.reply_to.empty()) fields["reply_to"] = form.reply_to;
        auto result = ctx.edit("program_comment", ctx.new_record_id(), fields);
        if (result.problem) {
            form.message = result.problem->message;
        } else {
            form.comment.clear();
            form.reply_to.clear();
            form.proposal = false;
        }
    }
    ImGui::EndDisabled();
}

void draw_adoption(Context& ctx, const ProgramView& program) {
    ui::heading("Adoption per team");
    ui::muted("From real use since " + (program.starts_on.empty() ? std::string("the start") : ctx.date_text(program.starts_on)) +
              ": 1:1s whose agenda used a linked template, and reports at a linked training session.");
    const std::string key = "adoption/" + program.program_id;
    const auto& kept = ctx.figures().get(key);
    if (ui::button(kept.loading ? "Loading…##adoption" : "Refresh from the server##adoption") || (kept.body.is_null() && !kept.loading && kept.error.empty()))
        ctx.figures().refresh(ctx.platform(), ctx.user().token, key, "/api/v1/programs/" + program.program_id + "/adoption",
                              ctx.today());
    if (!kept.error.empty()) ui::text_colored(ui::theme::kWarning, kept.error);
    if (!kept.body.is_object() || !kept.body.contains("teams")) return;
    if (!kept.fetched_on.empty()) ui::muted("As of " + ctx.date_text(kept.fetched_on));
    const float bar = std::min(220.0f, ImGui::GetContentRegionAvail().x * 0.3f);
    if (!ImGui::BeginTable("adoption", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("Team");
    ImGui::TableSetupColumn("1:1s using it");
    ImGui::TableSetupColumn("Trained");
    ImGui::TableHeadersRow();
    auto share_bar = [&](double share, const std::string& label) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(at, ImVec2(at.x + bar, at.y + 8), ImGui::GetColorU32(ImVec4(0.88f, 0.9f, 0.93f, 1)));
        draw->AddRectFilled(at, ImVec2(at.x + bar * float(share), at.y + 8), ImGui::GetColorU32(ui::theme::kGood));
        ImGui::Dummy(ImVec2(bar, 10));
        ui::muted(label);
    };
    for (const auto& team : kept.body["teams"]) {
        if (!team.is_object()) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::text(team.value("manager_name", "") + "'s team");
        ImGui::TableNextColumn();
        const int checkins = team.value("checkins", 0), used = team.value("checkins_with_program", 0);
        share_bar(team.value("checkin_share", 0.0), std::to_string(used) + " of " + std::to_string(checkins));
        ImGui::TableNextColumn();
        share_bar(team.value("attendance_share", 0.0),
                  std::to_string(team.value("attended", 0)) + " of " + std::to_string(team.value("team_size", 0)));
    }
    ImGui::EndTable();
}

// On a wide screen the board is one column per stage, left to right as programs move along.
void draw_board_columns(Context& ctx) {
    const auto& stages = program_stages();
    if (!ImGui::BeginTable("board", int(stages.size()), ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                                             ImGuiTableFlags_SizingStretchSame))
        return;
    for (const auto& stage : stages) {
        int count = 0;
        for (const auto& program : partnership_on_device().programs) count += program.stage == stage;
        ImGui::TableSetupColumn((stage_label(stage) + " (" + std::to_string(count) + ")").c_str());
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    ImGui::TableNextRow();
    for (const auto& stage : stages) {
        ImGui::TableNextColumn();
        if (stage == "design" && !is_hr(ctx)) ui::text_colored(ui::theme::kAccent, "Design — open for your input");
        for (const auto& program : partnership_on_device().programs)
            if (program.stage == stage) draw_card(ctx, program);
    }
    ImGui::EndTable();
    if (partnership_on_device().programs.empty()) ui::muted("No programs yet.");
}

}  // namespace

void draw_programs_screen(Context& ctx) {
    ui::heading("Programs");
    if (is_hr(ctx)) {
        ImGui::SetNextItemWidth(std::min(360.0f, ImGui::GetContentRegionAvail().x - 140));
        ui::input_text("##new-program-title", form.new_title, "A new program's title");
        ImGui::SameLine();
        ImGui::BeginDisabled(form.new_title.empty());
        if (ui::primary_button("New program##new-program")) {
            const std::string id = ctx.new_record_id();
            auto result = ctx.edit("program", id, {{"title", form.new_title}, {"stage", "idea"}, {"owner_ids", ctx.user().id}});
            if (!result.problem) {
                form.new_title.clear();
                open_program(ctx, id);
            }
        }
        ImGui::EndDisabled();
    } else {
        ui::muted("HR's programs. Those in the design stage wait for your view: how useful, what it would cost, and "
                  "what would make it work.");
    }
    if (ImGui::GetContentRegionAvail().x >= 900) return draw_board_columns(ctx);
    ImGui::BeginChild("programs", ImVec2(0, 0));
    // Managers see what is open for their input first; HR the board in stage order.
    std::vector<std::string> order = program_stages();
    if (!is_hr(ctx)) std::stable_partition(order.begin(), order.end(), [](const std::string& s) { return s == "design"; });
    for (const auto& stage : order) {
        bool heading = false;
        for (const auto& program : partnership_on_device().programs) {
            if (program.stage != stage) continue;
            if (!heading) {
                ui::text_colored(ui::theme::kAccent, stage == "design" && !is_hr(ctx) ? "Design — open for your input"
                                                                                       : stage_label(stage));
                heading = true;
            }
            draw_card(ctx, program);
        }
    }
    if (partnership_on_device().programs.empty()) ui::muted("No programs yet.");
    ImGui::EndChild();
}

void draw_program_screen(Context& ctx) {
    if (ui::link("< Programs")) ctx.open_screen(kProgramsScreen);
    const ProgramView* program = open_program(ctx);
    if (!program) return ui::muted("This program is not on this device.");
    ui::heading(program->title);
    std::string owners;
    for (const auto& id : program->owner_ids) owners += (owners.empty() ? "" : ", ") + ctx.directory().name_of(id, "HR");
    ui::text_colored(ui::theme::kAccent, "Stage: " + stage_label(program->stage) +
                                             (owners.empty() ? "" : " · owned by " + owners));
    ImGui::BeginChild("program", ImVec2(0, 0));
    if (is_hr(ctx)) {
        draw_hr_fields(ctx, *program);
        ImGui::Separator();
        draw_spread(*program);
    } else {
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
        ui::text(program->goal.empty() ? "No goal written yet." : program->goal);
        ImGui::PopTextWrapPos();
        for (const auto& id : program->guide_ids)
            for (const auto& guide : guides_on_device())
                if (guide.guide_id == id) ui::muted("Uses the template \"" + guide.title + "\"");
        ImGui::Separator();
        draw_my_rating(ctx, *program);
    }
    ImGui::Separator();
    draw_discussion(ctx, *program);
    if (ctx.user().role != Role::Mentor) {
        ImGui::Separator();
        draw_adoption(ctx, *program);
    }
    ImGui::EndChild();
}

} // namespace tandem::client
