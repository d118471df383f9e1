#pragma once
// The thin layer between the app and the machine it runs on. The browser build implements it with fetch,
// IndexedDB (web/page_store.js) and a hidden text field; the native build with a worker thread, plain files and SDL.
// Everything above this interface is the same code on both.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "tandem/base/dates.h"

namespace tandem::client {

struct HttpRequest {
    std::string method;  // "GET", "POST", "PUT", "DELETE"
    std::string path;    // "/api/v1/..." relative to the server the app came from
    std::string body;
    std::string bearer_token;
    std::string content_type = "application/json";
};

struct HttpResponse {
    int status = 0;  // 0: no answer (offline, server down, timed out)
    std::string body;
};

class Platform {
public:
    virtual ~Platform() = default;

    virtual uint64_t now_millis() = 0;
    // Folder for the device's SQLite files; ready once `ready()` is true.
    virtual std::string data_dir() = 0;
    virtual bool ready() = 0;
    // Makes everything written under data_dir() durable (browser: IndexedDB), then calls `done(ok)`.
    virtual void persist(std::function<void(bool ok)> done) = 0;
    // Sends a request; `done` runs later on the UI thread, from poll().
    virtual void send(HttpRequest request, std::function<void(HttpResponse)> done) = 0;
    virtual void poll() = 0;
    // Keys and text that have arrived but not yet reached ImGui (the browser hands them over one per frame).
    virtual bool input_queued() { return false; }
    // What the browser or OS says about connectivity; a hint only, requests decide.
    virtual bool online() = 0;
    // Tells the platform where a text field is being edited (on-screen keyboards, IME, paste).
    virtual void text_input(bool active, float x, float y) = 0;
    // Asks the person for a file (browser: the page's file picker, `accept` like ".csv,text/csv"); `done`
    // runs later from poll() with its name and bytes, or not at all if they cancel.
    virtual void pick_file(const std::string& accept, std::function<void(std::string name, std::string bytes)> done) = 0;
    // A calendar date ("YYYY-MM-DD") as this person's locale writes it (browser: Intl, e.g. "Nov 23, 2026"
    // or "23/11/2026"); the ISO text where no locale is known.
    virtual std::string local_date(const std::string& iso) { return iso; }
    // How this person's locale writes a date in numbers (order and separator), so a date field reads what
    // they type as they would write it: "12/9/2026" in the US, "9.12.2026" in Germany. ISO where unknown.
    virtual NumericDateStyle numeric_date_style() { return {}; }
    // A small note written at once, synchronously, that survives the page closing before persist() finishes
    // (browser: localStorage). The app keeps the last typing here when the page is hidden. An empty value
    // removes the note.
    virtual void write_note(const std::string& key, const std::string& value) = 0;
    virtual std::string read_note(const std::string& key) = 0;
    // The address the app was loaded from ("https://tandem.example.org"), for links people open elsewhere;
    // empty where there is none (the native build).
    virtual std::string origin() { return ""; }
    // The browser's Back button walks the app's own steps between screens (History API): history_step()
    // records a step the app took, history_step_back() one the app undid itself (an in-app "Back"), and
    // take_history_back() says how many steps back the person took with the browser since it was last asked.
    // Where there is no such button these do nothing.
    virtual void history_step() {}
    virtual void history_step_back() {}
    virtual int take_history_back() { return 0; }
    // The app started afresh (sign-in, sign-out): the browser's entries of the screens before go.
    virtual void history_reset() {}
    // Hands `content` to the person as a file to keep (browser: a download).
    virtual void save_file(const std::string& name, const std::string& content, const std::string& mime) = 0;
};

} // namespace tandem::client

struct SDL_Window;
union SDL_Event;

namespace tandem::client::host {
// Per-target details of the window and input that main.cpp needs; one implementation per platform file.
std::unique_ptr<Platform> make_platform();
void before_sdl_init();     // hints that must be set before SDL starts
void after_imgui_init();    // clipboard and other ImGui hooks
const char* font_path();
// The font for characters the main one lacks, or nullptr while it is not available (yet): the browser
// fetches it on first need and caches it for offline use.
const char* fallback_font_path();
// Window size in logical (CSS) pixels the app should fill; 0 when the window manager decides.
bool desired_window_size(int& width, int& height);
float pixel_ratio(SDL_Window* window);
// False for events the platform handles itself (the browser build takes text from a hidden field).
bool accept_event(const SDL_Event& event);
} // namespace tandem::client::host
