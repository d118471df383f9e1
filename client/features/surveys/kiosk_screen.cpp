// The locked kiosk screen: one question at a time with large targets, "Done — next person" after each
// response, a reset after a minute without a touch, and exit only with HR's PIN. The current person's
// answers live only in this file's memory and are dropped the moment they are sent or abandoned.
#include <algorithm>
#include <map>

#include "features/surveys/answer_widgets.h"
#include "features/surveys/kiosk_mode.h"
#include "features/surveys/surveys.h"
#include "platform/platform.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

enum class Phase { Welcome, Answering, Thanks, Exit };

struct Visit {
    Phase phase = Phase::Welcome;
    size_t question = 0;
    std::map<std::string, Json> answers;  // question id -> value
    std::string text;                     // the open text answer being typed
    std::string pin, pin_message;
    uint64_t last_touch = 0;
};
Visit visit;

void start_over() { visit = Visit{}; }

constexpr float kTarget = 64.0f;  // touch targets: well above the 48 px guideline

bool big_button(const char* label, float width = -1, bool primary = false) {
    return primary ? ui::primary_button(label, ImVec2(width, kTarget)) : ui::button(label, ImVec2(width, kTarget));
}

void draw_answer(const Json& question) {
    draw_answer_widget(question, visit.answers[question.value("question_id", "")], visit.text, "kiosk", kTarget);
}

Json collected_answers() {
    Json answers = Json::array();
    for (const auto& [id, value] : visit.answers)
        if (!value.is_null()) answers.push_back({{"question_id", id}, {"value", value}});
    return answers;
}

void draw_exit(Platform& platform) {
    KioskMode& kiosk = kiosk_device();
    ui::heading("Exit kiosk mode");
    ui::muted("For HR: enter the PIN set when this kiosk was registered.");
    const uint64_t now = platform.now_millis();
    if (kiosk.locked_until() > now) {
        ui::text_colored(ui::theme::kOverdue, "Too many wrong PINs. Try again in " +
                                                  std::to_string((kiosk.locked_until() - now + 999) / 1000) + " s.");
    }
    ui::text("PIN: " + std::string(visit.pin.size(), '*'));
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "Back"};
    for (int i = 0; i < 12; ++i) {
        if (i % 3) ImGui::SameLine(0, 8);
        const std::string label = std::string(keys[i]) + "##pin-" + keys[i];
        if (ui::button(label.c_str(), ImVec2(96, kTarget))) {
            const std::string key = keys[i];
            if (key == "Clear") visit.pin.clear();
            else if (key == "Back") { if (!visit.pin.empty()) visit.pin.pop_back(); }
            else if (visit.pin.size() < 8) visit.pin += key;
        }
    }
    if (!visit.pin_message.empty()) ui::text_colored(ui::theme::kOverdue, visit.pin_message);
    if (big_button("Unlock##pin-unlock", 304, true)) {
        switch (kiosk.exit(platform, visit.pin)) {
        case KioskMode::Exit::Done:
            start_over();  // kiosk mode has ended: the app shows sign-in from the next frame
            return;
        case KioskMode::Exit::WrongPin:
            visit.pin_message = "Wrong PIN. " + std::to_string(kiosk.tries_left()) + " tries left before a minute's wait.";
            break;
        case KioskMode::Exit::Locked: visit.pin_message = "Locked for a minute after five wrong PINs."; break;
        case KioskMode::Exit::AnswersWaiting:
            visit.pin_message = std::to_string(kiosk.waiting()) +
                                " answers have not reached the server yet. Connect this device to the network and "
                                "wait until they are sent; kiosk mode stays until then.";
            break;
        }
        visit.pin.clear();
    }
    if (big_button("Cancel##pin-cancel", 304)) {
        visit.pin.clear();
        visit.pin_message.clear();
        visit.phase = Phase::Welcome;
    }
}

void draw_status(KioskMode& kiosk) {
    ImGui::Separator();
    if (kiosk.waiting() == 0) ui::muted(kiosk.saved() ? "All answers sent." : "Saving…");
    else
        ui::muted(std::to_string(kiosk.waiting()) + (kiosk.waiting() == 1 ? " answer" : " answers") +
                  " saved on this device, waiting to send.");
    if (!kiosk.problem().empty()) ui::text_colored(ui::theme::kWarning, kiosk.problem());
}

}  // namespace

void draw_kiosk_screen(Platform& platform) {
    KioskMode& kiosk = kiosk_device();
    const uint64_t now = platform.now_millis();
    const ImGuiIO& io = ImGui::GetIO();
    if (visit.last_touch == 0 || io.MouseDown[0] || io.InputQueueCharacters.Size > 0 || ImGui::IsAnyItemActive())
        visit.last_touch = now;
    // A minute without a touch: whoever was answering has gone; the next person starts clean.
    if (visit.phase != Phase::Welcome && now - visit.last_touch > KioskDevice::kIdleResetMillis) start_over();

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("Kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::SetWindowFontScale(1.3f);
    const Json& survey = kiosk.survey();
    static const Json none = Json::array();
    const Json& questions = survey.contains("questions") ? survey["questions"] : none;  // read, not copied, per frame
    ui::muted(kiosk.config().label);
    ImGui::SameLine(ImGui::GetWindowWidth() - 120);
    if (visit.phase != Phase::Exit && ui::link("Exit##kiosk-exit")) {
        visit.answers.clear();
        visit.phase = Phase::Exit;
    }
    ImGui::Separator();
    const float footer = ImGui::GetFrameHeightWithSpacing() * 3;
    ImGui::BeginChild("kiosk-body", ImVec2(0, ImGui::GetContentRegionAvail().y - footer));
    ImGui::PushTextWrapPos(0);
    switch (visit.phase) {
    case Phase::Welcome:
        ui::heading(survey.value("survey", Json::object()).value("title", "Survey"));
        ui::text(survey.value("anonymity", ""));
        ImGui::Spacing();
        if (questions.empty()) ui::muted("This kiosk has no survey to show yet: it needs a connection once.");
        else if (big_button("Start##kiosk-start", -1, true)) {
            visit.phase = Phase::Answering;
            visit.question = 0;
        }
        break;
    case Phase::Answering: {
        const Json& question = questions.at(std::min(visit.question, questions.size() - 1));
        ui::muted("Question " + std::to_string(visit.question + 1) + " of " + std::to_string(questions.size()));
        ui::heading(question.value("text", ""));
        draw_answer(question);
        ImGui::Spacing();
        const float half = (ImGui::GetContentRegionAvail().x - 8) / 2;
        if (visit.question > 0) {
            if (big_button("Back##kiosk-back", half)) {
                --visit.question;
                visit.text.clear();
            }
            ImGui::SameLine(0, 8);
        }
        const bool last = visit.question + 1 >= questions.size();
        if (!last && big_button("Next##kiosk-next", visit.question > 0 ? half : -1, true)) {
            ++visit.question;
            visit.text.clear();
        }
        if (last && big_button("Send my answers##kiosk-send", visit.question > 0 ? half : -1, true)) {
            kiosk.submit(platform, collected_answers());
            visit.answers.clear();  // nothing of this person stays on screen
            visit.text.clear();
            visit.phase = Phase::Thanks;
        }
        break;
    }
    case Phase::Thanks:
        ui::heading("Thank you.");
        ui::text("Your answers are saved on this device and counted anonymously once they reach the server.");
        ImGui::Spacing();
        if (big_button("Done — next person##kiosk-next-person", -1, true)) start_over();
        break;
    case Phase::Exit: draw_exit(platform); break;
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    draw_status(kiosk);
    ImGui::End();
}

} // namespace tandem::client
