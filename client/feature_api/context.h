#pragma once
// What a feature is given to draw and act with: who is signed in, today, the one way to change data (edit),
// navigation, the platform, and the few parts of the app's state that every feature shares (text drafts, the
// people directory, the sealing key, figures kept from the server). App implements it; a feature never sees
// App itself, so the session, the save generations and sync stay App's alone (docs/architecture.md, The
// client). Features live in client/features/ and include from here, ui/ and the core, never from app/.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

// What the context hands out, so a feature that includes this header can use all of it.
#include "feature_api/drafts.h"
#include "feature_api/kept_figures.h"
#include "feature_api/note_sealing.h"
#include "feature_api/people_directory.h"
#include "feature_api/registry.h"
#include "platform/platform.h"
#include "tandem/base/change.h"
#include "tandem/sync/replica.h"

namespace tandem::client {

struct SignedInUser {
    std::string token, id, name;
    Role role = Role::Employee;
};

class Context {
public:
    virtual ~Context() = default;

    // Who is signed in. Features draw only while someone is, so this is always set when they are called.
    virtual const SignedInUser& user() const = 0;
    virtual std::string today() = 0;                            // YYYY-MM-DD on this device's clock
    virtual std::string date_text(const std::string& iso) = 0;  // "Dec 9, 2026" in the reader's locale
    virtual NumericDateStyle date_style() = 0;                 // how the reader's locale writes 12/9/2026

    // The one way to change data: the record goes to this device's store and outbox in one transaction,
    // then to persistent storage, then to the server. A refused edit sets the notice and changes nothing.
    virtual EditResult edit(const std::string& entity, const std::string& record_id, const Json& fields,
                            bool deleted = false) = 0;
    virtual std::string new_record_id() = 0;

    // What a screen opens on (a program, a guide, a survey), set in the feature's state before it draws;
    // kept with the screen on the back stack and set again when Back returns to it.
    using Selection = std::function<void(Context&)>;
    // A screen the user's role may not open is refused.
    virtual void open_screen(const ScreenId& screen, Selection select = nullptr) = 0;
    virtual void go_back() = 0;
    // A selection changed what a feature's views show (another report, another check-in): rebuild them
    // before the next frame draws.
    virtual void refresh_views() = 0;
    // Bumps each time the views are rebuilt from the store, so a screen can refresh what it copied.
    virtual uint64_t views_version() const = 0;
    virtual const Registry& features() const = 0;  // what other features add to a screen of this one

    virtual Platform& platform() = 0;

    // Text fields bound to records: one draft per field on screen (`key`), showing `stored` until the user
    // types. Report typing with typed(); the draft becomes an edit once typing pauses, or at once with
    // commit_draft() when the field is left.
    virtual TextDraft& draft(const std::string& key, const std::string& stored) = 0;
    virtual void typed(TextDraft& draft) = 0;
    virtual void commit_draft(TextDraft& draft) = 0;
    // A form's text kept on this device only while it is written (not sent to the server); cleared once the
    // form is sent as a record.
    virtual std::string device_draft(const std::string& form_id, const std::string& field) = 0;
    virtual void set_device_draft(const std::string& form_id, const std::string& field, const std::string& value) = 0;
    virtual void clear_device_drafts(const std::string& form_id, const std::vector<std::string>& fields) = 0;

    virtual void set_notice(std::string text) = 0;  // a line above the screen until dismissed

    virtual const PeopleDirectory& directory() const = 0;  // who is who: names, the org chart, colleagues
    virtual NoteSealing& sealing() = 0;  // the key that seals private notes and the journal on this device
    virtual KeptFigures& figures() = 0;  // figures only the server computes, kept for reading offline

    virtual void sync_now() = 0;
    virtual uint64_t last_synced_ms() const = 0;  // 0 until this device first synced
    // Ends the session on this device (the kiosk does, once HR handed the device over to it).
    virtual void sign_out() = 0;
};

} // namespace tandem::client
