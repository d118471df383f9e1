#pragma once
// Application state and the commands screens call. Screens draw from the prepared views here and change
// data only through edit(), which follows the one path: change -> replica (records + outbox, one
// transaction) -> persist -> "saved on this device" -> sync.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/drafts.h"
#include "app/note_sealing.h"
#include "app/people_directory.h"
#include "app/registry.h"
#include "app/sync_engine.h"
#include "features/people/people_console.h"
#include "features/surveys/kiosk_mode.h"
#include "features/surveys/survey_client.h"
#include "platform/platform.h"
#include "tandem/sync/replica.h"
#include "tandem/sync/store.h"

namespace tandem::client {

// The app's own screen: nobody signed in. Every other screen is a feature's (registry.h).
inline const ScreenId kSignInScreen = "sign-in";
// Kiosk mode replaces the whole app; App draws this screen (the surveys feature's) while it lasts.
inline const ScreenId kKioskScreen = "surveys/kiosk";

// A registry with nothing in it, for an App under test that draws no screen.
const Registry& no_features();

struct SignedInUser {
    std::string token, id, name;
    Role role = Role::Employee;
};

class App {
public:
    // `features` holds every feature's screens (client/features/features.cpp); tests may pass none.
    explicit App(Platform& platform, const Registry& features = no_features());
    ~App();

    // Once per frame, before drawing: finishes start-up, runs sync, rebuilds views that went stale.
    void update();
    void draw();  // the whole UI for this frame

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
    void sign_out();
    // After the server ended the session: back to sign-in, keeping this user's data and queued changes.
    void request_sign_in_again() { show_only(kSignInScreen); }
    EditResult edit(const std::string& entity, const std::string& record_id, const Json& fields, bool deleted = false);
    std::string new_record_id() { return replica_->new_record_id(); }
    // What a screen opens on (a program, a guide, a survey), set in the feature's state before it draws;
    // kept with the screen on the back stack and set again when Back returns to it.
    using Selection = std::function<void(App&)>;
    // Navigation by screen id with a back stack: open_screen remembers where it came from, go_back returns
    // there (or to the role's home). A screen the user's role may not open is refused.
    void open_screen(const ScreenId& screen, Selection select = nullptr);
    void go_back();
    // A selection changed what a feature's views show (another report, another check-in): rebuild them
    // before the next frame draws.
    void refresh_views() { views_stale_ = views_urgent_ = true; }
    const ScreenId& screen() const { return place_.screen; }
    bool can_go_back() const { return !back_stack_.empty(); }
    const Registry& features() const { return features_; }
    // HR console.
    PeopleConsole& people() { return people_; }
    void sync_now() { sync_.request_soon(); }

    // Surveys (features/surveys/): results and links from the server, and kiosk mode, which replaces the
    // whole app on a registered device until HR exits it with the PIN.
    SurveyClient& surveys() { return surveys_; }
    KioskMode& kiosk() { return kiosk_; }
    // Figures the server computes for the partnership screens (adherence for HR, adoption), kept offline.
    KeptFigures& figures() { return figures_; }
    // HR: turns this device into a kiosk for the survey, then signs HR out of it.
    void start_kiosk(const std::string& survey_id, const std::string& label, const std::string& pin);
    void kiosk_exited() { show_only(kSignInScreen); }
    // The key that seals private notes and the journal on this device.
    NoteSealing& sealing() { return sealing_; }
    // Text fields bound to records: screens draw from these drafts and report typing; App commits them.
    Drafts& drafts() { return drafts_; }
    void typed(TextDraft& draft) { drafts_.typed(draft, platform_.now_millis()); }
    void commit_draft(TextDraft& draft);  // the field was left: commit now rather than after the pause
    // The page is being hidden or closed and may never draw again: commit every draft and flush now.
    void page_hidden();
    // A form's text kept on this device while it is written (kDeviceDraftEntity); cleared once it is sent.
    std::string device_draft(const std::string& form_id, const std::string& field);
    void set_device_draft(const std::string& form_id, const std::string& field, const std::string& value) {
        write_draft(kDeviceDraftEntity, form_id, Json{{field, value}});
    }
    void clear_device_drafts(const std::string& form_id, const std::vector<std::string>& fields);

    // State screens read.
    Platform& platform() { return platform_; }
    const std::optional<SignedInUser>& user() const { return user_; }
    const PeopleDirectory& directory() const { return directory_; }
    // Bumps each time the views are rebuilt from the store, so a screen can refresh what it copied.
    uint64_t views_version() const { return views_version_; }
    const SyncEngine& sync() const { return sync_; }
    std::string today();
    std::string date_text(const std::string& iso) { return iso.empty() ? iso : platform_.local_date(iso); }
    bool signing_in() const { return signing_in_; }
    const std::string& sign_in_error() const { return sign_in_error_; }
    const std::string& notice() const { return notice_; }
    void set_notice(std::string text) { notice_ = std::move(text); }

    // Save state: local commits not yet flushed to persistent storage, and whether a flush failed.
    // "Saving…" while anything typed is uncommitted or a committed edit is not yet flushed.
    bool saving() const { return drafts_.any_dirty() || saved_generation_ < last_edit_generation_; }
    bool has_saved_anything() const { return last_edit_generation_ > 0; }
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
    bool catching_up() const;

    Platform& platform_;
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
    PeopleConsole people_;
    SurveyClient surveys_;
    KeptFigures figures_;
    KioskMode kiosk_;
    Drafts drafts_;
    // The device_draft settings as stored, read once: forms ask for them every frame.
    std::map<std::string, std::string> device_drafts_;
    NoteSealing sealing_;
    bool storage_ready_ = false;
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
    uint64_t last_rebuild_ms_ = 0;
    uint64_t last_persist_ms_ = 0;
    int64_t pending_changes_ = 0;
    std::vector<OutboxEntry> refused_;
};

} // namespace tandem::client
