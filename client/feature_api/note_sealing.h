#pragma once
// The signed-in user's sealing key on this device (docs/security-and-privacy.md, Sealed notes). The key lives
// in memory only, for this session: the passphrase is asked once per start of the app, never stored. The salt
// and check travel in the user's sealing_key record, so any of their devices derives the same key from the same
// passphrase.
#include <optional>
#include <string>

#include "tandem/base/sealed.h"
#include "tandem/sync/store.h"

namespace tandem::client {

class NoteSealing {
public:
    enum class State { NoKeyYet, Locked, Unlocked };

    // Reads the user's sealing_key record (after pulls and edits).
    void refresh(Store& store, const std::string& user_id);
    State state() const;

    // argon2id takes about a second in a browser and the WASM build has one thread, so it does not run inside
    // the click: the request is stored, a whole frame is drawn saying "Unlocking…", and only then does App
    // run it, before drawing the frame after.
    void request_unlock(std::string passphrase);
    void request_setup(std::string passphrase);
    bool busy() const { return pending_ != Pending::None; }
    // Asked by App once per frame, before drawing. The frame the request was made in drew its button before
    // the click, so the first ask after a request only lets this frame show "Unlocking…"; the next says run.
    bool due();
    // Runs a pending request. For a new passphrase, returns the sealing_key record to write.
    struct NewKeyRecord {
        std::string record_id;
        Json fields;
    };
    std::optional<NewKeyRecord> run_pending(const std::string& user_id, const std::string& new_record_id);

    const std::string& error() const { return error_; }
    std::string seal(const std::string& text) const;  // only while unlocked
    OpenedText open(const std::string& sealed) const;
    void forget();  // sign-out: the key leaves memory

private:
    enum class Pending { None, Unlock, Setup };
    std::optional<KeyParams> params_;
    std::optional<SealKey> key_;
    Pending pending_ = Pending::None;
    bool shown_busy_ = false;  // a frame has been drawn since the request
    std::string passphrase_;  // only between a request and its run
    std::string error_;
};

} // namespace tandem::client
