#pragma once
// A Platform the tests drive by hand: the clock moves when a test says so, requests wait until the test
// answers them, a flush to durable storage finishes (or fails) only when the test says so, a file picker
// stays open until the test chooses a file, and files handed over to keep are recorded. The SQLite files
// are real, in a temporary folder.
#include <deque>
#include <map>
#include <utility>
#include <string>
#include <vector>

#include "platform/platform.h"
#include "support/temp_dir.h"

namespace tandem::testing {

// The signed-in manager and one of her reports, as the tests' server would name them.
constexpr const char* kMaya = "01900000-0000-7000-8000-000000000001";
constexpr const char* kReport = "01900000-0000-7000-8000-000000000002";

class FakePlatform : public client::Platform {
public:
    struct Sent {
        client::HttpRequest request;
        std::function<void(client::HttpResponse)> done;
    };

    uint64_t now = 1'796'000'000'000;  // 2026-11-30
    bool is_online = true;
    std::deque<Sent> sent;                                 // requests not answered yet, oldest first
    std::deque<std::function<void(bool)>> flushes;         // flushes not finished yet
    int flushes_started = 0;
    std::map<std::string, std::string> notes;

    uint64_t now_millis() override { return now; }
    std::string data_dir() override { return dir_.path(); }
    bool ready() override { return true; }
    void persist(std::function<void(bool ok)> done) override {
        ++flushes_started;
        flushes.push_back(std::move(done));
    }
    void send(client::HttpRequest request, std::function<void(client::HttpResponse)> done) override {
        sent.push_back({std::move(request), std::move(done)});
    }
    void poll() override {}
    bool online() override { return is_online; }
    void text_input(bool, float, float) override {}
    // The file picker stays open until the test chooses a file for it (choose_file).
    struct Pick {
        std::string accept;
        std::function<void(std::string, std::string)> done;
    };
    std::deque<Pick> picks;
    void pick_file(const std::string& accept, std::function<void(std::string, std::string)> done) override {
        picks.push_back({accept, std::move(done)});
    }
    void write_note(const std::string& key, const std::string& value) override {
        if (value.empty()) notes.erase(key);
        else notes[key] = value;
    }
    std::string read_note(const std::string& key) override {
        auto it = notes.find(key);
        return it == notes.end() ? "" : it->second;
    }
    // Files handed to the person to keep (downloads), oldest first.
    struct Saved {
        std::string name, content, mime;
    };
    std::vector<Saved> saved_files;
    void save_file(const std::string& name, const std::string& content, const std::string& mime) override {
        saved_files.push_back({name, content, mime});
    }
    // The browser's history: entries the app added, and steps back the person took that the app has not
    // taken yet.
    int history_entries = 0;
    int backs_pressed = 0;
    void history_step() override { ++history_entries; }
    void history_step_back() override { --history_entries; }
    int take_history_back() override { return std::exchange(backs_pressed, 0); }
    void history_reset() override { history_entries = 0; }
    void press_back() {
        if (history_entries == 0) return;  // the browser would leave the app
        --history_entries;
        ++backs_pressed;
    }

    // Finishes the oldest flush still running.
    void finish_flush(bool ok = true) {
        ASSERT_FALSE(flushes.empty()) << "no flush is running";
        auto done = std::move(flushes.front());
        flushes.pop_front();
        done(ok);
    }
    // Answers the oldest request still waiting; returns what it asked.
    client::HttpRequest answer(int status, const std::string& body) {
        EXPECT_FALSE(sent.empty()) << "no request is waiting";
        if (sent.empty()) return {};
        Sent next = std::move(sent.front());
        sent.pop_front();
        next.done(client::HttpResponse{status, body});
        return next.request;
    }
    // Answers the oldest waiting request whose path starts with `path`, when several are out at once.
    client::HttpRequest answer_to(const std::string& path, int status, const std::string& body) {
        for (auto it = sent.begin(); it != sent.end(); ++it) {
            if (it->request.path.rfind(path, 0) != 0) continue;
            Sent next = std::move(*it);
            sent.erase(it);
            next.done(client::HttpResponse{status, body});
            return next.request;
        }
        ADD_FAILURE() << "no request to " << path << " is waiting";
        return {};
    }
    // How many waiting requests' paths start with `path`.
    size_t waiting_for(const std::string& path) const {
        size_t count = 0;
        for (const auto& request : sent) count += request.request.path.rfind(path, 0) == 0;
        return count;
    }
    // Chooses a file in the oldest open picker.
    void choose_file(const std::string& name, const std::string& bytes) {
        ASSERT_FALSE(picks.empty()) << "no file picker is open";
        auto done = std::move(picks.front().done);
        picks.pop_front();
        done(name, bytes);
    }

private:
    TempDir dir_;
};

} // namespace tandem::testing
