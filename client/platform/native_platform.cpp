// Desktop platform for development and screenshot tests: HTTP on a worker thread (cpp-httplib), the
// SQLite files in a folder on disk, SDL's own text input and clipboard.
#include <SDL.h>
#include <httplib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "platform/platform.h"

namespace tandem::client {

namespace {

class NativePlatform : public Platform {
public:
    NativePlatform() {
        const char* server = std::getenv("TANDEM_SERVER");
        server_ = server ? server : "http://127.0.0.1:8080";
        const char* dir = std::getenv("TANDEM_DATA_DIR");
        const char* home = std::getenv("HOME");
        data_dir_ = dir ? dir : std::string(home ? home : "/tmp") + "/.local/share/tandem";
        for (size_t i = 0; i <= data_dir_.size(); ++i)
            if (i == data_dir_.size() || data_dir_[i] == '/') mkdir(data_dir_.substr(0, i).c_str(), 0700);
        worker_ = std::thread([this] { work(); });
    }
    ~NativePlatform() override {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        worker_.join();
    }

    uint64_t now_millis() override {
        return uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count());
    }
    std::string data_dir() override { return data_dir_; }
    bool ready() override { return true; }
    // SQLite writes straight to the file on disk; nothing further to flush for a development build.
    void persist(std::function<void(bool)> done) override { done(true); }
    void send(HttpRequest request, std::function<void(HttpResponse)> done) override {
        std::lock_guard<std::mutex> lock(mutex_);
        requests_.push_back({std::move(request), std::move(done), {}});
        wake_.notify_one();
    }
    void poll() override {
        std::deque<Job> finished;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            finished.swap(finished_);
        }
        for (auto& job : finished) job.done(std::move(job.response));
    }
    bool online() override { return true; }
    // The desktop build is a development tool without dialogs: it opens the file named by
    // TANDEM_PICK_FILE and saves into its data folder.
    void pick_file(const std::string&, std::function<void(std::string, std::string)> done) override {
        const char* path = std::getenv("TANDEM_PICK_FILE");
        if (!path) return;
        std::ifstream file(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << file.rdbuf();
        done(path, bytes.str());
    }
    void save_file(const std::string& name, const std::string& content, const std::string&) override {
        std::ofstream(data_dir_ + "/" + name, std::ios::binary) << content;
    }
    void write_note(const std::string& key, const std::string& value) override {
        const std::string path = data_dir_ + "/" + key + ".note";
        if (value.empty()) std::remove(path.c_str());
        else std::ofstream(path, std::ios::binary | std::ios::trunc) << value;
    }
    std::string read_note(const std::string& key) override {
        std::ifstream file(data_dir_ + "/" + key + ".note", std::ios::binary);
        std::ostringstream bytes;
        bytes << file.rdbuf();
        return bytes.str();
    }
    void text_input(bool active, float x, float y) override {
        if (active && !SDL_IsTextInputActive()) SDL_StartTextInput();
        if (!active && SDL_IsTextInputActive()) SDL_StopTextInput();
        if (active) {
            SDL_Rect rect{int(x), int(y), 1, 20};
            SDL_SetTextInputRect(&rect);
        }
    }

private:
    struct Job {
        HttpRequest request;
        std::function<void(HttpResponse)> done;
        HttpResponse response;
    };

    void work() {
        httplib::Client client(server_);
        client.set_connection_timeout(5);
        client.set_read_timeout(20);
        for (;;) {
            Job job;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                wake_.wait(lock, [&] { return stopping_ || !requests_.empty(); });
                if (stopping_) return;
                job = std::move(requests_.front());
                requests_.pop_front();
            }
            httplib::Headers headers;
            if (!job.request.bearer_token.empty())
                headers.emplace("Authorization", "Bearer " + job.request.bearer_token);
            httplib::Result result = job.request.method == "GET"    ? client.Get(job.request.path.c_str(), headers)
                                     : job.request.method == "DELETE" ? client.Delete(job.request.path.c_str(), headers)
                                     : job.request.method == "PUT" ? client.Put(job.request.path.c_str(), headers,
                                                                                job.request.body,
                                                                                job.request.content_type.c_str())
                                                                      : client.Post(job.request.path.c_str(), headers,
                                                                                    job.request.body,
                                                                                    job.request.content_type.c_str());
            if (result) job.response = HttpResponse{result->status, result->body};
            std::lock_guard<std::mutex> lock(mutex_);
            finished_.push_back(std::move(job));
        }
    }

    std::string server_, data_dir_;
    std::thread worker_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> requests_, finished_;
    bool stopping_ = false;
};

}  // namespace

namespace host {
std::unique_ptr<Platform> make_platform() { return std::make_unique<NativePlatform>(); }
void before_sdl_init() {}
void after_imgui_init() {}  // the SDL backend's own clipboard works on the desktop
const char* font_path() {
    const char* custom = std::getenv("TANDEM_FONT");
    return custom ? custom : TANDEM_DEFAULT_FONT;
}
const char* fallback_font_path() {
    static const char* path = std::getenv("TANDEM_FALLBACK_FONT") ? std::getenv("TANDEM_FALLBACK_FONT")
                                                                  : TANDEM_FALLBACK_FONT;
    return access(path, R_OK) == 0 ? path : nullptr;
}
bool desired_window_size(int&, int&) { return false; }
float pixel_ratio(SDL_Window* window) {
    int window_width = 0, drawable_width = 0, height = 0;
    SDL_GetWindowSize(window, &window_width, &height);
    SDL_GL_GetDrawableSize(window, &drawable_width, &height);
    return window_width > 0 ? float(drawable_width) / float(window_width) : 1.0f;
}
bool accept_event(const SDL_Event&) { return true; }
}  // namespace host

}  // namespace tandem::client
