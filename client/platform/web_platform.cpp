// Browser platform: fetch for HTTP, IndexedDB for durable storage (web/page_store.js keeps /data there as
// chunks of files, loaded by the page before main runs), and a hidden <textarea> for text so IME, on-screen
// keyboards, non-ASCII input and paste all work. JS calls back into the exported tandem_* functions below.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <deque>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "platform/platform.h"
#include "imgui.h"

namespace tandem::client {

namespace {

struct Completed {
    int id;
    HttpResponse response;
};

std::map<int, std::function<void(HttpResponse)>> pending_requests;
std::deque<Completed> completed_requests;
// Flushes to IndexedDB run one at a time: callers asking during one wait for the next, which starts when it
// ends and so also carries whatever they wrote meanwhile.
std::vector<std::function<void(bool)>> persist_running, persist_waiting;
void start_persist();
std::function<void(std::string, std::string)> pending_file;
std::deque<std::pair<std::string, std::string>> picked_files;

// Keys and text from the hidden field, applied one per frame: ImGui 1.86 samples key state once per frame,
// so a press and release arriving between two frames would otherwise be lost, and order must be kept.
struct InputEvent {
    std::string text;  // non-empty: characters to insert
    int scancode = 0;
    bool down = false;
    int modifiers = 0;  // 1 ctrl, 2 shift, 4 alt, 8 meta
};
std::deque<InputEvent> input_queue;

void apply_next_input() {
    if (input_queue.empty()) return;
    InputEvent event = std::move(input_queue.front());
    input_queue.pop_front();
    ImGuiIO& io = ImGui::GetIO();
    if (!event.text.empty()) {
        io.AddInputCharactersUTF8(event.text.c_str());
        return;
    }
    if (event.scancode > 0 && event.scancode < int(IM_ARRAYSIZE(io.KeysDown))) io.KeysDown[event.scancode] = event.down;
    io.KeyCtrl = event.modifiers & 1;
    io.KeyShift = event.modifiers & 2;
    io.KeyAlt = event.modifiers & 4;
    io.KeySuper = event.modifiers & 8;
}

EM_JS(void, js_copy_to_clipboard, (const char* text), {
    if (navigator.clipboard) navigator.clipboard.writeText(UTF8ToString(text)).catch(() => {});
});

void set_clipboard_text(void*, const char* text) { js_copy_to_clipboard(text); }
// Pasting arrives as text through the hidden field (the browser's paste event), never through ImGui.
const char* get_clipboard_text(void*) { return ""; }
int next_request_id = 1;

EM_JS(void, js_fetch, (int id, const char* method, const char* path, const char* body, const char* token,
                       const char* content_type), {
    const headers = {"Content-Type": UTF8ToString(content_type)};
    const bearer = UTF8ToString(token);
    if (bearer) headers["Authorization"] = "Bearer " + bearer;
    const verb = UTF8ToString(method);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 20000);
    const finish = (status, text) => {
        clearTimeout(timer);
        const size = lengthBytesUTF8(text) + 1;
        const pointer = _malloc(size);
        stringToUTF8(text, pointer, size);
        _tandem_http_done(id, status, pointer);
        _free(pointer);
    };
    fetch(UTF8ToString(path), {
        method: verb,
        headers: headers,
        body: verb === "GET" || verb === "DELETE" ? undefined : UTF8ToString(body),
        cache: "no-store",
        signal: controller.signal
    }).then(response => response.text().then(text => finish(response.status, text)))
      .catch(() => finish(0, ""));
});

// One hidden file input for the whole page; a test can fill it with setInputFiles("#file-input").
EM_JS(void, js_pick_file, (const char* accept), {
    let input = document.getElementById("file-input");
    if (!input) {
        input = document.createElement("input");
        input.type = "file";
        input.id = "file-input";
        input.style.display = "none";
        input.addEventListener("change", () => {
            const file = input.files && input.files[0];
            if (!file) return;
            file.arrayBuffer().then(buffer => {
                const bytes = new Uint8Array(buffer);
                const data = _malloc(bytes.length + 1);
                HEAPU8.set(bytes, data);
                const nameSize = lengthBytesUTF8(file.name) + 1;
                const name = _malloc(nameSize);
                stringToUTF8(file.name, name, nameSize);
                _tandem_file_picked(name, data, bytes.length);
                _free(name);
                _free(data);
                input.value = "";
            });
        });
        document.body.appendChild(input);
    }
    input.accept = UTF8ToString(accept);
    input.click();
});

EM_JS(void, js_save_file, (const char* name, const char* data, int size, const char* mime), {
    const blob = new Blob([HEAPU8.slice(data, data + size)], {type: UTF8ToString(mime)});
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = UTF8ToString(name);
    document.body.appendChild(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
});

// Only the chunks of /data written since the last flush, in one IndexedDB transaction (web/page_store.js).
EM_JS(void, js_persist, (), {
    TandemPageStore.flush(ok => _tandem_persist_done(ok ? 1 : 0));
});

void start_persist() {
    persist_running = std::move(persist_waiting);
    persist_waiting.clear();
    js_persist();
}

EM_JS(int, js_online, (), { return navigator.onLine ? 1 : 0; });

// The browser's own locale rules (Intl); noon UTC so no time zone can move the day.
EM_JS(char*, js_local_date, (const char* iso), {
    let text = UTF8ToString(iso);
    try {
        text = new Date(text + "T12:00:00Z").toLocaleDateString(undefined,
            {timeZone: "UTC", year: "numeric", month: "short", day: "numeric"});
    } catch (error) {}
    const size = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
});

// The order of day, month and year and the separator Intl uses for numbers, read from the parts of a
// known date (31 December: the day cannot be mistaken for the month). Answers (order << 8) | separator,
// order 0 month-day-year, 1 day-month-year, 2 year-month-day; -1 where Intl cannot say.
EM_JS(int, js_numeric_date_style, (), {
    try {
        const parts = new Intl.DateTimeFormat(undefined, {timeZone: "UTC", year: "numeric", month: "numeric",
                                                          day: "numeric"})
                          .formatToParts(new Date(Date.UTC(2026, 11, 31, 12)));
        const order = parts.filter(p => p.type === "year" || p.type === "month" || p.type === "day")
                          .map(p => p.type[0]).join("");
        const literal = parts.find(p => p.type === "literal");
        const separator = literal ? literal.value.trim().charAt(0) || " " : "-";
        const code = {mdy: 0, dmy: 1, ymd: 2}[order];
        return code === undefined ? -1 : (code << 8) | (separator.charCodeAt(0) & 0x7f);
    } catch (error) {
        return -1;
    }
});

EM_JS(char*, js_origin, (), {
    const text = location.origin;
    const size = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
});

EM_JS(void, js_write_note, (const char* key, const char* value), {
    try {
        const text = UTF8ToString(value);
        if (text) localStorage.setItem(UTF8ToString(key), text);
        else localStorage.removeItem(UTF8ToString(key));
    } catch (error) {
        console.error("Tandem: could not keep a note in localStorage", error);
    }
});

// The note's text in memory the caller frees, or 0 when there is none.
EM_JS(char*, js_read_note, (const char* key), {
    let text = null;
    try { text = localStorage.getItem(UTF8ToString(key)); } catch (error) {}
    if (!text) return 0;
    const size = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
});

EM_JS(void, js_text_input, (int active, float x, float y), {
    const field = document.getElementById("text-input");
    if (!field) return;
    if (active) {
        field.style.left = x + "px";
        field.style.top = y + "px";
        if (document.activeElement !== field) field.focus({preventScroll: true});
    } else if (document.activeElement === field) {
        field.blur();
        document.getElementById("canvas").focus({preventScroll: true});  // keys go back to SDL
    }
});

// Fetches the fallback font once (the service worker serves it offline) into /fonts/fallback.ttf.
EM_JS(int, js_fallback_font_state, (), {
    if (Module.fallbackFontState === undefined) {
        Module.fallbackFontState = 1;
        fetch(window.tandemBuild.fallbackFont).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
            .then(bytes => { FS.writeFile("/fonts/fallback.ttf", new Uint8Array(bytes)); Module.fallbackFontState = 2; })
            .catch(() => { Module.fallbackFontState = undefined; });
    }
    return Module.fallbackFontState;
});

// Each screen the app opens is a history entry without a URL of its own, numbered by its depth from the
// entry the page loaded at (depth 0), so a reload still loads the app and the browser's Back walks the app's
// screens. On popstate the depth the browser went to says how many steps back the person took; a step back
// the app took itself (its own "Back" link) has already moved the app, so it counts for nothing. The app keeps
// no forward steps, so a Forward does nothing, and the Back after it brings the browser back in step.
EM_JS(void, js_history_listen, (), {
    Module.tandemDepth = 0;
    history.replaceState({tandemDepth: 0}, "");
    window.addEventListener("popstate", (event) => {
        const depth = event.state && typeof event.state.tandemDepth === "number" ? event.state.tandemDepth : 0;
        if (depth >= Module.tandemDepth) return;
        const steps = Module.tandemDepth - depth;
        Module.tandemDepth = depth;
        for (let i = 0; i < steps; i++) Module["_tandem_history_back"]();
    });
});
EM_JS(void, js_history_step, (), {
    Module.tandemDepth++;
    history.pushState({tandemDepth: Module.tandemDepth}, "");
});
EM_JS(void, js_history_step_back, (), {
    if (Module.tandemDepth === 0) return;
    Module.tandemDepth--;
    history.back();
});
EM_JS(void, js_history_reset, (), {
    if (Module.tandemDepth === 0) return;
    const steps = Module.tandemDepth;
    Module.tandemDepth = 0;
    history.go(-steps);
});
int history_backs = 0;  // steps back the browser took, counted by tandem_history_back between frames

EM_JS(int, js_window_width, (), { return window.innerWidth; });
EM_JS(int, js_window_height, (), { return window.innerHeight; });

class WebPlatform : public Platform {
public:
    WebPlatform() { js_history_listen(); }
    uint64_t now_millis() override { return uint64_t(emscripten_get_now() + emscripten_date_now_offset()); }
    std::string data_dir() override { return "/data"; }
    bool ready() override { return true; }  // the page loads IndexedDB before main() runs
    void persist(std::function<void(bool)> done) override {
        persist_waiting.push_back(std::move(done));
        if (persist_running.empty()) start_persist();
    }
    void send(HttpRequest request, std::function<void(HttpResponse)> done) override {
        const int id = next_request_id++;
        pending_requests[id] = std::move(done);
        js_fetch(id, request.method.c_str(), request.path.c_str(), request.body.c_str(), request.bearer_token.c_str(),
                 request.content_type.c_str());
    }
    void pick_file(const std::string& accept, std::function<void(std::string, std::string)> done) override {
        pending_file = std::move(done);
        js_pick_file(accept.c_str());
    }
    void save_file(const std::string& name, const std::string& content, const std::string& mime) override {
        js_save_file(name.c_str(), content.data(), int(content.size()), mime.c_str());
    }
    void poll() override {
        apply_next_input();
        while (!picked_files.empty()) {
            auto [name, bytes] = std::move(picked_files.front());
            picked_files.pop_front();
            if (pending_file) pending_file(std::move(name), std::move(bytes));
        }
        // Answers are queued by JS between frames and handled here, at a known point of the frame.
        while (!completed_requests.empty()) {
            Completed done = std::move(completed_requests.front());
            completed_requests.pop_front();
            auto it = pending_requests.find(done.id);
            if (it == pending_requests.end()) continue;
            auto callback = std::move(it->second);
            pending_requests.erase(it);
            callback(std::move(done.response));
        }
    }
    bool input_queued() override { return !input_queue.empty(); }
    void history_step() override { js_history_step(); }
    void history_step_back() override { js_history_step_back(); }
    void history_reset() override { js_history_reset(); }
    int take_history_back() override { return std::exchange(history_backs, 0); }
    bool online() override { return js_online() != 0; }
    std::string local_date(const std::string& iso) override {
        auto it = local_dates_.find(iso);  // screens ask every frame; Intl is asked once per date
        if (it != local_dates_.end()) return it->second;
        char* text = js_local_date(iso.c_str());
        std::string value(text);
        free(text);
        return local_dates_.emplace(iso, value).first->second;
    }
    NumericDateStyle numeric_date_style() override {
        if (!date_style_) {  // the locale does not change while the page is open
            static const DateOrder orders[] = {DateOrder::MonthDayYear, DateOrder::DayMonthYear, DateOrder::YearMonthDay};
            const int code = js_numeric_date_style();
            date_style_ = code < 0 ? NumericDateStyle{} : NumericDateStyle{orders[code >> 8], char(code & 0x7f)};
        }
        return *date_style_;
    }
    std::string origin() override {
        char* text = js_origin();
        std::string value(text);
        free(text);
        return value;
    }
    void write_note(const std::string& key, const std::string& value) override {
        js_write_note(key.c_str(), value.c_str());
    }
    std::string read_note(const std::string& key) override {
        char* text = js_read_note(key.c_str());
        if (!text) return {};
        std::string value(text);
        free(text);
        return value;
    }
    void text_input(bool active, float x, float y) override {
        if (active != text_active_ || active) js_text_input(active, x, y);
        text_active_ = active;
    }

private:
    static double emscripten_date_now_offset() {
        static const double offset = emscripten_date_now() - emscripten_get_now();
        return offset;
    }
    bool text_active_ = false;
    std::map<std::string, std::string> local_dates_;
    std::optional<NumericDateStyle> date_style_;
};

}  // namespace

namespace host {
std::unique_ptr<Platform> make_platform() { return std::make_unique<WebPlatform>(); }
// SDL listens for keys on the canvas only; while a text field is active the hidden field has focus and
// the page forwards editing keys itself (tandem_key), so SDL never swallows typed characters.
void before_sdl_init() { SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas"); }
void after_imgui_init() {
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = set_clipboard_text;
    io.GetClipboardTextFn = get_clipboard_text;
}
const char* font_path() { return "/fonts/DejaVuSans.ttf"; }
const char* fallback_font_path() { return js_fallback_font_state() == 2 ? "/fonts/fallback.ttf" : nullptr; }
bool desired_window_size(int& width, int& height) {
    width = js_window_width();
    height = js_window_height();
    return true;
}
float pixel_ratio(SDL_Window*) { return float(emscripten_get_device_pixel_ratio()); }
// Text comes from the hidden field (tandem_text_input); SDL's copy of it would type every character twice.
bool accept_event(const SDL_Event& event) { return event.type != SDL_TEXTINPUT; }
}  // namespace host

}  // namespace tandem::client

extern "C" {
EMSCRIPTEN_KEEPALIVE void tandem_http_done(int id, int status, const char* body) {
    tandem::client::completed_requests.push_back({id, tandem::client::HttpResponse{status, body}});
}
EMSCRIPTEN_KEEPALIVE void tandem_file_picked(const char* name, const char* data, int size) {
    tandem::client::picked_files.emplace_back(name, std::string(data, size_t(size)));
}
EMSCRIPTEN_KEEPALIVE void tandem_persist_done(int ok) {
    auto finished = std::move(tandem::client::persist_running);
    tandem::client::persist_running.clear();
    if (!tandem::client::persist_waiting.empty()) tandem::client::start_persist();
    for (auto& done : finished)
        if (done) done(ok != 0);
}
EMSCRIPTEN_KEEPALIVE void tandem_text_input(const char* utf8) {
    tandem::client::input_queue.push_back({utf8, 0, false, 0});
}
EMSCRIPTEN_KEEPALIVE void tandem_history_back() { ++tandem::client::history_backs; }
EMSCRIPTEN_KEEPALIVE void tandem_key(int scancode, int down, int modifiers) {
    tandem::client::input_queue.push_back({"", scancode, down != 0, modifiers});
}
}
