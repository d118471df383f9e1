#include <string>

#include "app/app.h"
#include "screens/screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

void draw_sign_in_screen(App& app) {
    auto& [email, password] = app.sign_in_form();
    const float width = std::min(420.0f, ImGui::GetContentRegionAvail().x);
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 40);
    ImGui::BeginGroup();
    ui::heading("Sign in to Tandem");
    ui::muted("Your 1:1s, notes and follow-ups, on this device.");
    ImGui::Spacing();
    ImGui::PushItemWidth(width);
    ui::text("E-mail");
    ui::input_text("##email", email, "you@company.example");
    ui::text("Password");
    bool submit = ui::input_text("##password", password, nullptr,
                                 ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopItemWidth();
    ImGui::Spacing();
    const char* label = app.signing_in() ? "Signing in…##sign-in" : "Sign in##sign-in";
    if (ui::primary_button(label, ImVec2(width, 0)) || submit) app.sign_in(email, password);
    if (!app.sign_in_error().empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ui::text_colored(ui::theme::kOverdue, app.sign_in_error());
        ImGui::PopTextWrapPos();
    }
    if (app.user() && app.sync().state() == SyncEngine::State::NeedsSignIn)
        ui::muted("Changes made while signed out are kept and will sync after you sign in.");
    ImGui::EndGroup();
}

} // namespace tandem::client
