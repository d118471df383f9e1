// Setting the passphrase that seals private notes and the journal, and unlocking them on this device.
// Before the passphrase is set the screen says plainly that a forgotten one cannot be recovered.
#include "feature_api/context.h"
#include "feature_api/per_user.h"
#include "features/journal/journal.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

constexpr size_t kMinPassphrase = 10;

struct PassphraseForm {
    std::string passphrase, confirm, unlock;
    bool understood = false;
    std::string problem;
};
PerUser<PassphraseForm> form;

}  // namespace

void draw_passphrase_screen(Context& ctx) {
    if (ui::link("‹ Back")) ctx.go_back();
    ui::heading("Set up private notes and your journal");
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    ui::text("Private notes and journal entries are encrypted on your device with a passphrase that only you "
             "know. Tandem's server stores them, but neither the server, HR nor anyone else can read them.");
    ImGui::Spacing();
    ui::text_colored(ui::theme::kWarning,
                     "If you forget this passphrase, your private notes and journal cannot be recovered by anyone: "
                     "not by HR, not by Tandem. Write it down somewhere safe.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ctx.sealing().state() != NoteSealing::State::NoKeyYet) {
        ui::text_colored(ui::theme::kGood, "Your passphrase is set.");
        return;
    }
    const float width = std::min(ImGui::GetContentRegionAvail().x, 420.0f);
    ui::text("Passphrase (at least 10 characters)");
    ImGui::SetNextItemWidth(width);
    ui::input_text("##new-passphrase", form.passphrase, nullptr, ImGuiInputTextFlags_Password);
    ui::text("The same passphrase again");
    ImGui::SetNextItemWidth(width);
    bool submit = ui::input_text("##confirm-passphrase", form.confirm, nullptr,
                                 ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ui::checkbox("I understand a forgotten passphrase cannot be recovered##understood", form.understood);
    const bool busy = ctx.sealing().busy();
    submit |= ui::primary_button(busy ? "Setting up…##set-passphrase" : "Set passphrase##set-passphrase");
    if (submit && !busy) {
        if (form.passphrase.size() < kMinPassphrase)
            form.problem = "Use at least 10 characters.";
        else if (form.passphrase != form.confirm)
            form.problem = "The two passphrases differ.";
        else if (!form.understood)
            form.problem = "Tick the box to confirm you understand it cannot be recovered.";
        else {
            form.problem.clear();
            ctx.sealing().request_setup(form.passphrase);
            form = PassphraseForm{};
        }
    }
    if (!form.problem.empty()) ui::text_colored(ui::theme::kOverdue, form.problem);
}

bool draw_unlock_panel(Context& ctx, const char* what) {
    NoteSealing& sealing = ctx.sealing();
    if (sealing.state() == NoteSealing::State::Unlocked) return true;
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    if (sealing.state() == NoteSealing::State::NoKeyYet) {
        ui::muted(std::string(what) + " are end-to-end encrypted with a passphrase only you know.");
        if (ui::button("Set up a passphrase##setup-sealing")) ctx.open_screen(kPassphraseScreen);
        ImGui::PopTextWrapPos();
        return false;
    }
    ui::muted(std::string(what) + " are locked on this device. Enter your passphrase to open them.");
    ImGui::PopTextWrapPos();
    // While the key is derived (about a second, the screen frozen) the form says so and takes no second try.
    const bool busy = sealing.busy();
    ImGui::BeginDisabled(busy);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x - 110, 320.0f));
    bool submit = ui::input_text("##unlock-passphrase", form.unlock, "Passphrase",
                                 ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    submit |= ui::button(busy ? "Unlocking…##unlock" : "Unlock##unlock", ImVec2(100, 0));
    ImGui::EndDisabled();
    if (submit && !busy && !form.unlock.empty()) {
        sealing.request_unlock(form.unlock);
        form.unlock.clear();
    }
    if (!sealing.error().empty()) ui::text_colored(ui::theme::kOverdue, sealing.error());
    return false;
}

} // namespace tandem::client
