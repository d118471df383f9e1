#include <string>

#include "app/app.h"
#include "app/screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {
// An invitation from HR: the token they sent and a password of one's own.
void draw_invitation_form(App& app, float width) {
    auto& form = app.sign_in_form();
    ui::heading("Accept your invitation");
    ui::muted("Paste the invitation (or password reset) HR sent you and choose a password of at least 10 "
              "characters.");
    ImGui::Spacing();
    ImGui::PushItemWidth(width);
    ui::text("Invitation");
    ui::input_text("##invitation", form.invite_token, "paste the invitation here");
    ui::text("New password");
    bool submit = ui::input_text("##new-password", form.new_password, nullptr,
                                 ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopItemWidth();
    ImGui::Spacing();
    const char* label = app.signing_in() ? "Signing in…##accept" : "Set password and sign in##accept";
    if (ui::primary_button(label, ImVec2(width, 0)) || submit) app.accept_invite(form.invite_token, form.new_password);
    if (ui::link("I already have a password")) form.with_invite = false;
}
}  // namespace

void draw_sign_in_screen(App& app) {
    auto& form = app.sign_in_form();
    auto& email = form.email;
    auto& password = form.password;
    const float width = std::min(420.0f, ImGui::GetContentRegionAvail().x);
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 40);
    ImGui::BeginGroup();
    if (form.with_invite) {
        draw_invitation_form(app, width);
        if (!app.sign_in_error().empty()) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
            ui::text_colored(ui::theme::kOverdue, app.sign_in_error());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndGroup();
        return;
    }
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
    if (ui::link("I have an invitation")) form.with_invite = true;
    if (app.signed_in() && app.sync().state() == SyncEngine::State::NeedsSignIn)
        ui::muted("Changes made while signed out are kept and will sync after you sign in.");
    ImGui::EndGroup();
}

} // namespace tandem::client
