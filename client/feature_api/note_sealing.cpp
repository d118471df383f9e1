#include "feature_api/note_sealing.h"

#include <sodium.h>

#include <utility>

namespace tandem::client {

namespace {
void wipe(std::string& secret) {
    if (!secret.empty()) sodium_memzero(secret.data(), secret.size());
    secret.clear();
}
}  // namespace

void NoteSealing::refresh(Store& store, const std::string& user_id) {
    // Two devices set up offline at once would make two records: the lowest id wins everywhere.
    std::optional<KeyParams> found;
    std::string found_id;
    for (const auto& record : store.records_of("sealing_key")) {
        if (record.state.deleted || record.state.text("owner_id") != user_id) continue;
        auto params = KeyParams::decode(record.state.text("params"));
        if (params && (found_id.empty() || record.state.record_id < found_id)) {
            found = params;
            found_id = record.state.record_id;
        }
    }
    if (found && params_ && found->check != params_->check) key_.reset();  // a different key: unlock again
    params_ = found;
}

NoteSealing::State NoteSealing::state() const {
    if (!params_) return State::NoKeyYet;
    return key_ ? State::Unlocked : State::Locked;
}

void NoteSealing::request_unlock(std::string passphrase) {
    error_.clear();
    passphrase_ = std::move(passphrase);
    pending_ = Pending::Unlock;
    shown_busy_ = false;
}

void NoteSealing::request_setup(std::string passphrase) {
    error_.clear();
    passphrase_ = std::move(passphrase);
    pending_ = Pending::Setup;
    shown_busy_ = false;
}

bool NoteSealing::due() {
    if (pending_ == Pending::None) return false;
    return std::exchange(shown_busy_, true);
}

std::optional<NoteSealing::NewKeyRecord> NoteSealing::run_pending(const std::string& user_id,
                                                                  const std::string& new_record_id) {
    const Pending pending = pending_;
    pending_ = Pending::None;
    std::optional<NewKeyRecord> record;
    if (pending == Pending::Unlock && params_) {
        key_ = unlock_seal_key(*params_, passphrase_);
        if (!key_) error_ = "That passphrase does not open your notes. Check it and try again.";
    } else if (pending == Pending::Setup && !params_) {
        NewKey made = create_seal_key(passphrase_, KeyCost::interactive());
        params_ = made.params;
        key_ = made.key;
        record = NewKeyRecord{new_record_id, Json{{"owner_id", user_id}, {"params", made.params.encode()}}};
    }
    wipe(passphrase_);
    return record;
}

std::string NoteSealing::seal(const std::string& text) const { return key_ ? tandem::seal(*key_, text) : ""; }

OpenedText NoteSealing::open(const std::string& sealed) const {
    if (!key_) return {OpenStatus::NotSealed, {}};
    return open_sealed(*key_, sealed);
}

void NoteSealing::forget() {
    key_.reset();
    params_.reset();
    wipe(passphrase_);
    pending_ = Pending::None;
    error_.clear();
}

} // namespace tandem::client
