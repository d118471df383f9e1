// The frame layout shared by every screen: top bar, the current screen, a notice line, the status bar.
#include "app/app.h"
#include "screens/screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

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

void draw_notice(App& app) {
    if (app.notice().empty()) return;
    ui::text_colored(ui::theme::kOverdue, app.notice());
    ImGui::SameLine();
    if (ui::link("Dismiss")) app.set_notice("");
}

}  // namespace

void App::draw() {
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
    draw_notice(*this);
    switch (screen_) {
    case Screen::SignIn: draw_sign_in_screen(*this); break;
    case Screen::Team: draw_team_screen(*this); break;
    case Screen::History: draw_history_screen(*this); break;
    case Screen::CheckIn: draw_checkin_screen(*this); break;
    }
    ImGui::EndChild();
    if (user_ && screen_ != Screen::SignIn) draw_status_bar(*this);
    ImGui::End();
}

} // namespace tandem::client
