// The frame layout shared by every screen: top bar, the current screen, a notice line, the status bar.
#include "app/app.h"
#include "app/screens.h"
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
    if (!app.signed_in() || app.screen() == kSignInScreen) return;
    const std::string who = app.user().name;
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

// The navigation for this role, from every feature's registered places, when it has more than one.
void draw_navigation(App& app) {
    const Role role = app.user().role;
    std::vector<const ScreenSpec*> places;
    for (const auto& screen : app.features().screens())
        if (screen.label_for(role)) places.push_back(&screen);
    if (places.size() < 2) return;
    const ScreenSpec* open = app.features().screen(app.screen());
    const ScreenId here = open && !open->place.empty() ? open->place : app.screen();
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (size_t i = 0; i < places.size(); ++i) {
        const char* label = places[i]->label_for(role);
        if (i) {  // on a phone the places wrap onto a second line rather than run off the screen
            ImGui::SameLine(0, 24);
            const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;  // a button
            if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
        }
        if (places[i]->id == here) {  // the current place: accent text, underlined
            ImGui::AlignTextToFramePadding();
            ui::text_colored(ui::theme::kAccent, label);
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y + 3), ImVec2(max.x, max.y + 3),
                                                ImGui::GetColorU32(ui::theme::kAccent), 2.0f);
        } else if (ui::link(label)) {
            app.open_screen(places[i]->id);
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
    if (taken_over()) {
        features_.device_takeover()->draw(platform_);
        return;
    }
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
    const float content_height = ImGui::GetContentRegionAvail().y - status_bar_height(*this);
    ImGui::BeginChild("content", ImVec2(0, content_height), false);
    const bool signed_in = user_.has_value() && place_.screen != kSignInScreen;
    if (signed_in) draw_navigation(*this);
    draw_notice(*this);
    const ScreenSpec* screen = signed_in ? features_.screen(place_.screen) : nullptr;
    if (screen)
        screen->draw(*this);
    else
        draw_sign_in_screen(*this);
    ImGui::EndChild();
    if (signed_in) draw_status_bar(*this);
    ImGui::End();
}

} // namespace tandem::client
