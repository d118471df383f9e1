// The frame layout shared by every screen: top bar, the current screen, a notice line, the status bar.
#include "app/app.h"
#include "features/feedback/feedback.h"
#include "features/guides/guides.h"
#include "features/journal/journal.h"
#include "features/partnership/partnership.h"
#include "features/analytics/analytics.h"
#include "features/surveys/surveys.h"
#include "screens/screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <optional>
#include <vector>

namespace tandem::client {

namespace {

void draw_top_bar(App& app) {
    ImGui::PushFont(ui::theme::heading_font());
    ImGui::TextColored(ui::theme::kAccent, "Tandem");
    ImGui::PopFont();
    if (!app.user() || app.screen() == Screen::SignIn) return;
    const std::string who = app.user()->name;
    const float sign_out_width = ImGui::CalcTextSize("Sign out").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetWindowWidth() - sign_out_width - ImGui::CalcTextSize(who.c_str()).x - 48);
    ImGui::AlignTextToFramePadding();
    ui::muted(who);
    ImGui::SameLine();
    if (ui::link("Sign out")) ImGui::OpenPopup("confirm-sign-out");
    if (ImGui::BeginPopupModal("confirm-sign-out", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (app.changes_waiting() > 0)
            ui::text_colored(ui::theme::kWarning, std::to_string(app.changes_waiting()) +
                                                      " changes have not synced yet; signing out keeps them on "
                                                      "this device until you sign in again.");
        ui::text("Sign out of Tandem on this device?");
        if (ui::primary_button("Sign out##confirm")) {
            ImGui::CloseCurrentPopup();
            app.sign_out();
        }
        ImGui::SameLine();
        if (ui::button("Stay signed in")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// Every screen once: who sees it, where it sits in the navigation (nullptr: reached from another screen)
// and how it is drawn. The navigation bar and App::draw both read this table.
struct ScreenEntry {
    Screen screen;
    const char* nav_label;
    std::optional<Role> role;  // none: every signed-in role
    void (*draw)(App&);
};
const ScreenEntry kScreens[] = {
    {Screen::SignIn, nullptr, std::nullopt, draw_sign_in_screen},
    {Screen::Team, "My team", Role::Manager, draw_team_screen},
    {Screen::History, nullptr, std::nullopt, draw_history_screen},
    {Screen::CheckIn, nullptr, std::nullopt, draw_checkin_screen},
    {Screen::People, "People", Role::HrAdmin, draw_people_screen},
    {Screen::Person, nullptr, Role::HrAdmin, draw_person_screen},
    {Screen::Import, "Import", Role::HrAdmin, draw_import_screen},
    {Screen::Audit, "Audit log", Role::HrAdmin, draw_audit_screen},
    {Screen::Guides, "Guides", std::nullopt, draw_guides_screen},
    {Screen::Guide, nullptr, std::nullopt, draw_guide_screen},
    {Screen::Feedback, "Feedback", std::nullopt, draw_feedback_screen},
    {Screen::GiveFeedback, nullptr, std::nullopt, draw_give_feedback_screen},
    {Screen::Recognition, "Recognition", std::nullopt, draw_recognition_screen},
    {Screen::Surveys, "Surveys", Role::HrAdmin, draw_surveys_screen},
    {Screen::Surveys, "Surveys", Role::Manager, draw_surveys_screen},
    {Screen::SurveyEditor, nullptr, Role::HrAdmin, draw_survey_editor_screen},
    {Screen::SurveyResults, nullptr, std::nullopt, draw_survey_results_screen},
    {Screen::Sessions, "Training", Role::HrAdmin, draw_sessions_screen},
    {Screen::Programs, "Programs", Role::HrAdmin, draw_programs_screen},
    {Screen::Programs, "Programs", Role::Manager, draw_programs_screen},
    {Screen::Programs, "Programs", Role::Mentor, draw_programs_screen},
    {Screen::Program, nullptr, std::nullopt, draw_program_screen},
    {Screen::Agreements, "Agreements", Role::HrAdmin, draw_agreements_screen},
    {Screen::Agreements, "Agreement", Role::Manager, draw_agreements_screen},
    {Screen::Agreement, nullptr, std::nullopt, draw_agreement_screen},
    {Screen::Mentoring, "Mentoring", Role::HrAdmin, draw_mentoring_screen},
    {Screen::Mentoring, "Mentoring", Role::Manager, draw_mentoring_screen},
    {Screen::Mentoring, "Mentoring", Role::Mentor, draw_mentoring_screen},
    {Screen::Analytics, "Analytics", Role::HrAdmin, draw_analytics_screen},
    {Screen::Analytics, "Analytics", Role::Manager, draw_analytics_screen},
    {Screen::Journal, "Journal", std::nullopt, draw_journal_screen},
    {Screen::Passphrase, nullptr, std::nullopt, draw_passphrase_screen},
};

const ScreenEntry* entry_for(Screen screen) {
    for (const auto& entry : kScreens)
        if (entry.screen == screen) return &entry;
    return &kScreens[0];
}

// The navigation for this role, when it has more than one place to go.
void draw_navigation(App& app) {
    std::vector<const ScreenEntry*> places;
    for (const auto& entry : kScreens)
        if (entry.nav_label && (!entry.role || app.user()->role == *entry.role)) places.push_back(&entry);
    if (places.size() < 2) return;
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (size_t i = 0; i < places.size(); ++i) {
        if (i) {  // on a phone the places wrap onto a second line rather than run off the screen
            ImGui::SameLine(0, 24);
            if (ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize(places[i]->nav_label).x + 8 > right) ImGui::NewLine();
        }
        const bool here = app.screen() == places[i]->screen ||
                          (places[i]->screen == Screen::People && app.screen() == Screen::Person) ||
                          (places[i]->screen == Screen::Guides && app.screen() == Screen::Guide) ||
                          (places[i]->screen == Screen::Feedback && app.screen() == Screen::GiveFeedback) ||
                          (places[i]->screen == Screen::Programs && app.screen() == Screen::Program) ||
                          (places[i]->screen == Screen::Agreements && app.screen() == Screen::Agreement) ||
                          (places[i]->screen == Screen::Surveys &&
                           (app.screen() == Screen::SurveyEditor || app.screen() == Screen::SurveyResults));
        if (here) {  // the current place: accent text, underlined
            ImGui::AlignTextToFramePadding();
            ui::text_colored(ui::theme::kAccent, places[i]->nav_label);
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y + 3), ImVec2(max.x, max.y + 3),
                                                ImGui::GetColorU32(ui::theme::kAccent), 2.0f);
        } else if (ui::link(places[i]->nav_label)) {
            app.open_screen(places[i]->screen);
        }
    }
    ImGui::Separator();
}

void draw_notice(App& app) {
    if (app.notice().empty()) return;
    ui::text_colored(ui::theme::kOverdue, app.notice());
    ImGui::SameLine();
    if (ui::link("Dismiss")) app.set_notice("");
}

}  // namespace

void App::draw() {
    if (kiosk_.active()) return draw_kiosk_screen(*this);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("Tandem", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    if (!storage_ready_) {
        ui::muted("Opening this device's storage…");
        ImGui::End();
        return;
    }
    draw_top_bar(*this);
    ImGui::Separator();
    const float content_height = ImGui::GetContentRegionAvail().y - status_bar_height();
    ImGui::BeginChild("content", ImVec2(0, content_height), false);
    if (user_ && screen_ != Screen::SignIn) draw_navigation(*this);
    draw_notice(*this);
    entry_for(screen_)->draw(*this);
    ImGui::EndChild();
    if (user_ && screen_ != Screen::SignIn) draw_status_bar(*this);
    ImGui::End();
}

} // namespace tandem::client
