// The line at the bottom that always says whether work is safe: saved on this device, and synced or not.
#include "app/app.h"
#include "app/screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tandem::client {

namespace {

std::string ago(uint64_t then_ms, uint64_t now_ms) {
    const uint64_t seconds = now_ms > then_ms ? (now_ms - then_ms) / 1000 : 0;
    if (seconds < 60) return "just now";
    if (seconds < 3600) return std::to_string(seconds / 60) + " min ago";
    return std::to_string(seconds / 3600) + " h ago";
}

std::string plural(int64_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// A phone cannot fit the state and its buttons on one line: they get a second line rather than run off
// the edge.
bool narrow() { return ImGui::GetIO().DisplaySize.x < 480; }

}  // namespace

namespace {
// What is saved on this device, when there is anything to say about it.
bool says_saved(App& app) { return app.save_failed() || app.saving() || app.has_saved_anything(); }
}  // namespace

float status_bar_height(App& app) {
    return ImGui::GetFrameHeight() + 12 + (narrow() && says_saved(app) ? ImGui::GetFrameHeightWithSpacing() : 0.0f);
}

void draw_status_bar(App& app) {
    const auto& sync = app.sync();
    const uint64_t now = app.platform().now_millis();
    std::string save_text;
    ImVec4 save_color = ui::theme::kMuted;
    if (app.save_failed()) {
        save_text = "Could not save to this device's storage — keep this tab open";
        save_color = ui::theme::kOverdue;
    } else if (app.saving()) {
        save_text = "Saving…";
    } else if (app.has_saved_anything()) {
        save_text = "Saved on this device";
        save_color = ui::theme::kGood;
    }

    std::string sync_text;
    ImVec4 sync_color = ui::theme::kMuted;
    const int64_t waiting = app.changes_waiting();
    switch (sync.state()) {
    case SyncEngine::State::Pushing: sync_text = "Syncing…"; break;
    case SyncEngine::State::Pulling:
        sync_text = "Syncing…";
        if (sync.changes_merged() > 0) sync_text += " " + plural(sync.changes_merged(), "change") + " received";
        break;
    case SyncEngine::State::NeedsSignIn:
        sync_text = "Signed out — " + plural(waiting, "change") + " waiting";
        sync_color = ui::theme::kWarning;
        break;
    case SyncEngine::State::Offline:
        sync_text = "Offline — " + plural(waiting, "change") + " waiting";
        sync_color = ui::theme::kWarning;
        break;
    case SyncEngine::State::Idle:
        if (app.storage_behind() && waiting == 0) {
            sync_text = "Syncing…";  // "Synced" only once this device's copy is durable too
        } else if (waiting > 0) {
            sync_text = plural(waiting, "change") + " waiting to sync";
            if (!sync.last_error().empty()) sync_text += " (" + sync.last_error() + ")";
        } else if (sync.last_synced_ms()) {
            sync_text = "Synced " + ago(sync.last_synced_ms(), now);
            sync_color = ui::theme::kGood;
        } else {
            sync_text = "Not synced yet";
        }
        break;
    }

    ImGui::Separator();
    ImGui::AlignTextToFramePadding();
    // On a phone: what is saved on the first line, the sync state and its button on the second.
    const bool two_lines = narrow() && says_saved(app);
    if (!save_text.empty()) {
        ui::text_colored(save_color, save_text);
        if (!two_lines) {
            ImGui::SameLine();
            ui::muted("·");
            ImGui::SameLine();
        }
    }
    if (two_lines) ImGui::AlignTextToFramePadding();
    ui::text_colored(sync_color, sync_text);
    // A catch-up of many pages shows how far it has come (by position in the server's log).
    if (const double progress = sync.pull_progress(); progress >= 0) {
        ImGui::SameLine();
        const std::string percent = std::to_string(int(progress * 100)) + " %";
        ImGui::ProgressBar(float(progress), ImVec2(ImGui::GetFontSize() * 8, 0), percent.c_str());
        ui::remember("sync-progress", percent, "progress", std::to_string(progress));
    }
    bool line_start = false;
    if (!app.refused_changes().empty()) {
        if (!line_start) ImGui::SameLine();
        line_start = false;
        const auto& first = app.refused_changes().front();
        ui::text_colored(ui::theme::kOverdue, "· " + plural(int64_t(app.refused_changes().size()), "change") +
                                                  " refused by the server: " + first.problem_message);
    }
    const bool busy = sync.state() == SyncEngine::State::Pushing || sync.state() == SyncEngine::State::Pulling;
    if (!busy && sync.state() != SyncEngine::State::NeedsSignIn) {
        if (!line_start) ImGui::SameLine();
        if (ui::link("Sync now")) app.sync_now();
    }
    if (sync.state() == SyncEngine::State::NeedsSignIn) {
        if (!line_start) ImGui::SameLine();
        if (ui::link("Sign in again")) app.request_sign_in_again();
    }
}

} // namespace tandem::client
