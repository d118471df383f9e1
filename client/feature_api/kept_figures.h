#pragma once
// Figures only the server can compute (survey results, an agreement's adherence, a program's adoption),
// fetched by GET and kept in the signed-in user's store so they can be read offline. Screens draw from
// the entry; a refresh finishes later, from the platform's poll.
#include <functional>
#include <map>
#include <string>

#include "platform/platform.h"
#include "tandem/base/change.h"
#include "tandem/sync/store.h"

namespace tandem::client {

class KeptFigures {
public:
    struct Entry {
        Json body;               // the server's answer, null until there is one
        std::string fetched_on;  // the day the server answered
        bool loading = false;
        std::string error;
    };
    // From memory, else this device's copy (setting `key`), else an empty entry.
    const Entry& get(const std::string& key);
    // Asks the server for `path` (online); the answer replaces the kept copy.
    void refresh(Platform& platform, const std::string& token, const std::string& key, const std::string& path,
                 const std::string& today);
    // Keeps what the device itself made of the server's answers (a survey token) under `key`, the same way.
    void keep(const std::string& key, const Json& body, const std::string& today);
    // `kept` runs after a copy is written to the store, so the host can make the file durable.
    void attach(Store* store, std::function<void()> kept = {}) {
        store_ = store;
        kept_ = std::move(kept);
        entries_.clear();
    }
    void forget() { attach(nullptr); }

private:
    std::map<std::string, Entry> entries_;
    Store* store_ = nullptr;
    std::function<void()> kept_;
};

// The message a failed request shows: the server's own words when it sent some.
std::string server_error_text(int status, const std::string& raw);

} // namespace tandem::client
