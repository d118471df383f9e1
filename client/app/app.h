#pragma once
// The app's own job: the session, the device's store, save generations, drafts, sync and navigation. Features
// reach it only through Context (feature_api/context.h), and change data only through edit(), which follows
// the one path: change -> replica (records + outbox, one transaction) -> persist -> "saved on this device" ->
// sync.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/session_platform.h"
#include "app/sync_engine.h"
#include "feature_api/context.h"
#include "feature_api/drafts.h"
#include "feature_api/kept_figures.h"
#include "feature_api/note_sealing.h"
#include "feature_api/people_directory.h"
#include "feature_api/registry.h"
#include "platform/platform.h"
#include "tandem/sync/replica.h"
#include "tandem/sync/store.h"

namespace tandem::client {

// The app's own screen: nobody signed in. Every other screen is a feature's (registry.h).
inline const ScreenId kSignInScreen = "sign-in";

// A registry with nothing in it, for an App under test that draws no screen.
const Registry& no_features();

class App final : public Context {
public:
    // `features` holds every feature's screens (client/features/features.cpp); tests may pass none.
    explicit App(Platform& platform, const Registry& features = no_features());
    ~App();

    // Once per frame, before drawing: finishes start-up, runs sync, rebuilds views that went stale.
    void update();
    void draw();  // the whole UI for this frame
    // A sync round is pushing or pulling. While the person only waits for it, the frame loop gives merging
    // most of each frame (set_merge_budget_ms) and draws the progress a few times a second.
    bool catching_up() const;
    void set_merge_budget_ms(uint64_t budget) { sync_.set_merge_budget_ms(budget); }

    // What the sign-in form holds; the password is wiped as soon as the server accepted it.
    struct SignInForm {
        std::string email, password;
        bool with_invite = false;  // "I have an invitation": token and a new password instead
        std::string invite_token, new_password;
    };
    SignInForm& sign_in_form() { return sign_in_form_; }

    // Commands.
    void sign_in(const std::string& email, const std::string& password);
    void accept_invite(const std::string& token, const std::string& password);
    void sign_out() override;
    // After the server ended the session: back to sign-in, keeping this user's data and queued changes.
    void request_sign_in_again() { show_only(kSignInScreen); }
    EditResult edit(const std::string& entity, const std::string& record_id, const Json& fields,
                    bool deleted = false) override;
    std::string new_record_id() override { return replica_->new_record_id(); }
    // Navigation by screen id with a back stack: open_screen remembers where it came from, go_back returns
    // there (or to the role's home).
    void open_screen(const ScreenId& screen, Selection select = nullptr) override;
    void go_back() override;
    void refresh_views() override { views_stale_ = views_urgent_ = true; }
    const ScreenId& screen() const { return place_.screen; }
    bool can_go_back() const { return !back_stack_.empty(); }
    const Registry& features() const override { return features_; }
    void sync_now() override { sync_.request_soon(); }
    KeptFigures& figures() override { return figures_; }
    NoteSealing& sealing() override { return sealing_; }
    TextDraft& draft(const std::string& key, const std::string& stored) override { return drafts_.field(key, stored); }
    Drafts& drafts() { return drafts_; }
    void typed(TextDraft& draft) override { drafts_.typed(draft, platform_.now_millis()); }
    void commit_draft(TextDraft& draft) override;  // the field was left: commit now rather than after the pause
    // The page is being hidden or closed and may never draw again: commit every draft and flush now.
    void page_hidden();
    std::string device_draft(const std::string& form_id, const std::string& field) override;
    void set_device_draft(const std::string& form_id, const std::string& field, const std::string& value) override {
        write_draft(kDeviceDraftEntity, form_id, Json{{field, value}});
    }
    void clear_device_drafts(const std::string& form_id, const std::vector<std::string>& fields) override;

    // State the frame and the status bar read.
    // Features' requests are tied to the session that made them (session_platform.h).
    Platform& platform() override { return session_platform_; }
    bool signed_in() const { return user_.has_value(); }
    const SignedInUser& user() const override { return *user_; }  // only while signed_in()
    const PeopleDirectory& directory() const override { return directory_; }
    uint64_t views_version() const override { return views_version_; }
    const SyncEngine& sync() const { return sync_; }
    uint64_t last_synced_ms() const override { return sync_.last_synced_ms(); }
    std::string today() override;
    std::string date_text(const std::string& iso) override { return iso.empty() ? iso : platform_.local_date(iso); }
    NumericDateStyle date_style() override { return platform_.numeric_date_style(); }
    bool signing_in() const { return signing_in_; }
    const std::string& sign_in_error() const { return sign_in_error_; }
    const std::string& notice() const { return notice_; }
    void set_notice(std::string text) override { notice_ = std::move(text); }
    // A mode that took the whole device over (the kiosk) is showing instead of the app.
    bool taken_over() const;

    // Save state: local commits not yet flushed to persistent storage, and whether a flush failed.
    // "Saving…" while anything typed is uncommitted or a committed edit is not yet flushed.
    bool saving() const { return drafts_.any_dirty() || saved_generation_ < last_edit_generation_; }
    // Whether "Saved on this device" has anything to speak of: an edit made since the app started, or a store
    // this device already held for this user (their earlier work, loaded back from durable storage).
    bool has_saved_anything() const { return last_edit_generation_ > 0 || store_held_work_; }
    bool save_failed() const { return save_failed_; }
    // Something written (pulled data included) has not reached persistent storage yet.
    bool storage_behind() const { return saved_generation_ < committed_generation_; }
    int64_t changes_waiting() const { return pending_changes_; }
    const std::vector<OutboxEntry>& refused_changes() const { return refused_; }

private:
    void open_store_for(const SignedInUser& user);
    void request_session(const std::string& path, const Json& body);  // a sign-in or an accepted invitation
    void signed_in(const HttpResponse& response);
    ScreenId home() const;
    void show_only(const ScreenId& screen);  // a fresh start: no way back (sign-in, sign-out, a role's home)
    void step_back();                        // to the screen before, as the browser's Back button asks
    void load_saved_session();
    void write_saved_session();
    void data_changed();  // after local edits and pulls: views and counters go stale
    void persist_if_needed();
    bool commit_text(TextDraft& draft);
    // Writes one draft's fields: a record edit, or a device-only setting for a form not yet sent.
    bool write_draft(const std::string& entity, const std::string& record_id, const Json& fields);
    // The fields one commit of `draft` writes, sealed where the record type demands; null when it cannot be
    // sealed yet (locked), so the draft stays uncommitted rather than leaving the device in plain text.
    Json draft_edit(const TextDraft& draft) const;
    void recover_unsaved_typing();
    std::string unsaved_note_key() const { return "tandem-unsaved-" + user_->id; }

    Platform& platform_;
    SessionPlatform session_platform_{platform_};
    const Registry& features_;
    struct Place {
        ScreenId screen;
        Selection select;
    };
    Place place_{kSignInScreen, nullptr};  // the screen showing, and what it was opened on
    std::vector<Place> back_stack_;
    void enter(Place place);  // shows `place`, setting its selection again
    std::optional<SignedInUser> user_;
    std::unique_ptr<Store> store_;
    std::unique_ptr<Replica> replica_;
    SyncEngine sync_;
    PeopleDirectory directory_;
    KeptFigures figures_;
    Drafts drafts_;
    // The device_draft settings as stored, read once: forms ask for them every frame.
    std::map<std::string, std::string> device_drafts_;
    NoteSealing sealing_;
    bool storage_ready_ = false;
    bool store_held_work_ = false;  // the signed-in user's store existed before this session opened it
    bool was_online_ = true;
    bool signing_in_ = false;
    std::string sign_in_error_;
    SignInForm sign_in_form_;
    std::string notice_;

    uint64_t committed_generation_ = 0;  // bumped by every write to the device's files (edits and pulls)
    uint64_t last_edit_generation_ = 0;  // the generation of the user's latest edit
    uint64_t saved_generation_ = 0;      // the generation last made durable
    bool persisting_ = false;
    bool save_failed_ = false;
    bool page_hidden_ = false;  // no more frames may come: flush without waiting for one
    uint64_t note_generation_ = 0;  // the unsaved-typing note may go once this generation is durable
    // Typing committed to the store whose flush has not finished yet, with the generation that holds it. A
    // tab closed during that flush loses it with the flush, so page_hidden keeps it in the note as well.
    std::vector<std::pair<uint64_t, Json>> typing_not_durable_;
    uint64_t views_version_ = 0;
    bool views_stale_ = true;
    bool views_urgent_ = true;      // the user acted: rebuild this frame, not at the next throttle tick
    uint64_t last_persist_ms_ = 0;
    int64_t pending_changes_ = 0;
    std::vector<OutboxEntry> refused_;
};

} // namespace tandem::client
