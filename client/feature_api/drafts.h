#pragma once
// Text the user has typed that is not yet a committed change. Every text field bound to a record keeps its
// draft here rather than in the screen, so that
//   - the status bar can say "Saving…" while anything typed is still uncommitted,
//   - App commits drafts shortly after typing pauses, whichever screen is showing,
//   - the page can commit everything at once before it is hidden or closed.
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "tandem/base/change.h"

namespace tandem::client {

// Typing that has paused this long becomes a change. Short, so a crash loses at most a fraction of a
// second of typing and "Saved on this device" follows the last keystroke within about 400 ms (the pause, a
// flush to IndexedDB of 150-200 ms on a loaded machine, a frame: scripts/bench-saved); long enough that
// keys typed in a run make one edit, not one each.
constexpr uint64_t kDraftPauseMs = 150;

// A draft whose entity is this is a form not yet sent (feedback being written): its text is kept in this
// device's store only, never queued for the server, until the form is sent as a record.
constexpr const char* kDeviceDraftEntity = "device_draft";

struct TextDraft {
    // Where the text goes: one field of one record. `create_fields` go with the first commit when the
    // record does not exist yet (a private note's check-in, for example), and are dropped once it does.
    std::string entity, record_id, field;
    Json create_fields;

    std::string text;
    bool dirty = false;
    uint64_t last_keystroke = 0;
};

class Drafts {
public:
    // The draft under `key` (one per field on screen). While the user has not typed in it, it shows
    // `stored`, the committed value, so changes from other devices appear.
    TextDraft& field(const std::string& key, const std::string& stored);
    void typed(TextDraft& draft, uint64_t now);

    bool any_dirty() const { return dirty_count_ > 0; }

    // Hands each dirty draft whose typing has paused (or every dirty draft when `everything`) to `commit`;
    // a draft stays dirty if `commit` returns false, so nothing typed is dropped on a refused edit.
    void commit(uint64_t now, bool everything, const std::function<bool(TextDraft&)>& commit_one);
    void commit_one(TextDraft& draft, const std::function<bool(TextDraft&)>& commit_one);

    void clear();  // on sign-out

private:
    std::map<std::string, TextDraft> drafts_;
    int dirty_count_ = 0;
};

} // namespace tandem::client
