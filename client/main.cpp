// One main for the browser and the desktop: SDL2 window + OpenGL (WebGL2 in the browser) + Dear ImGui.
// Only the main loop differs: the browser drives frames with requestAnimationFrame.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "app/app.h"
#include "features/features.h"
#include "platform/platform.h"
#include "ui/glyphs.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten.h>
#define TANDEM_EXPORT EMSCRIPTEN_KEEPALIVE
#else
#include <SDL_opengl.h>
#define TANDEM_EXPORT
#endif

namespace tandem::client {

namespace {

struct Runtime {
    SDL_Window* window = nullptr;
    std::unique_ptr<Platform> platform;
    Registry features;  // filled once at start, before the app that reads it
    std::unique_ptr<App> app;
    float pixel_ratio = 0;
    bool quit = false;
    const char* screenshot_path = nullptr;  // desktop only: capture this frame before presenting it
    ImVec2 text_cursor;
    double frame_cpu_ms_total = 0;
    double ui_ms_total = 0;  // app update + building the ImGui frame, without GL submission
    int frames = 0;
    uint64_t last_input_ms = 0;
    uint64_t last_drawn_ms = 0;
};

// While the person only waits for a catch-up (no input for a moment), a frame merges for most of its time and
// the screen is drawn a few times a second to move the progress bar: drawing (tens of milliseconds with a
// software renderer) would otherwise take most of every frame from the merging. Any input draws at once.
constexpr uint64_t kQuietAfterInputMs = 1000;
constexpr uint64_t kQuietDrawEveryMs = 150;
constexpr uint64_t kQuietMergeBudgetMs = 25;
constexpr uint64_t kMergeBudgetMs = 12;  // while frames are drawn: the UI keeps above 30 fps

Runtime runtime;

// ImGui 1.86 reports where the text cursor is, so the platform can place IME and on-screen keyboards.
void remember_text_cursor(int x, int y) { runtime.text_cursor = ImVec2(float(x), float(y)); }

#ifndef __EMSCRIPTEN__
bool save_screenshot(const char* path);
#endif

void frame() {
    const auto start = std::chrono::steady_clock::now();
    const uint64_t now = runtime.platform->now_millis();
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        if (!host::accept_event(event)) continue;
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) runtime.quit = true;
        runtime.last_input_ms = now;
    }
    if (runtime.platform->input_queued()) runtime.last_input_ms = now;
    const bool only_waiting = runtime.app->catching_up() && now - runtime.last_input_ms > kQuietAfterInputMs;
    if (only_waiting && now - runtime.last_drawn_ms < kQuietDrawEveryMs) {
        runtime.app->set_merge_budget_ms(kQuietMergeBudgetMs);
        runtime.app->update();
        return;
    }
    // A drawn frame while waiting merges nothing, so drawing and merging never add up in one frame.
    runtime.app->set_merge_budget_ms(only_waiting ? 0 : kMergeBudgetMs);
    runtime.last_drawn_ms = now;
    int width = 0, height = 0, current_width = 0, current_height = 0;
    SDL_GetWindowSize(runtime.window, &current_width, &current_height);
    if (host::desired_window_size(width, height) && (width != current_width || height != current_height))
        SDL_SetWindowSize(runtime.window, width, height);
    const float ratio = host::pixel_ratio(runtime.window);
    const char* fallback = ui::glyphs::rebuild_wanted() ? host::fallback_font_path() : nullptr;
    // First frame, a screen with another DPI, or new characters the fallback font can now supply.
    if (ratio != runtime.pixel_ratio || fallback) {
        runtime.pixel_ratio = ratio;
        ui::theme::apply(host::font_path(), host::fallback_font_path(), ratio);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }

    runtime.app->update();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    ui::begin_frame();
    runtime.app->draw();
    ui::end_frame(1.0f);
    ImGui::Render();
    runtime.ui_ms_total += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    const ImGuiIO& io = ImGui::GetIO();
    runtime.platform->text_input(io.WantTextInput, runtime.text_cursor.x, runtime.text_cursor.y);

    glViewport(0, 0, int(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               int(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(0.97f, 0.97f, 0.98f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    runtime.frame_cpu_ms_total +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ++runtime.frames;
#ifndef __EMSCRIPTEN__
    if (runtime.screenshot_path) {
        runtime.quit = true;
        if (!save_screenshot(runtime.screenshot_path)) std::exit(1);
    }
#endif
    SDL_GL_SwapWindow(runtime.window);
}

#ifndef __EMSCRIPTEN__
bool save_screenshot(const char* path) {
    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(runtime.window, &width, &height);
    std::vector<unsigned char> pixels(size_t(width) * size_t(height) * 4);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ABGR8888);
    for (int row = 0; row < height; ++row)  // OpenGL's rows run bottom-up
        std::memcpy(static_cast<unsigned char*>(surface->pixels) + size_t(row) * size_t(surface->pitch),
                    pixels.data() + size_t(height - 1 - row) * size_t(width) * 4, size_t(width) * 4);
    const bool ok = SDL_SaveBMP(surface, path) == 0;
    SDL_FreeSurface(surface);
    std::fprintf(ok ? stdout : stderr, "screenshot %s: %s\n", path, ok ? "saved" : SDL_GetError());
    return ok;
}
#endif

}  // namespace

}  // namespace tandem::client

using namespace tandem::client;

extern "C" {
// The page calls this when it is hidden or closed (visibilitychange, pagehide): no frame may follow, so
// typed text is committed and flushed to browser storage from here.
TANDEM_EXPORT void tandem_page_hidden() {
    if (!runtime.app) return;
    // Keys typed just before the close may still wait for their frame; drawing those frames now puts them
    // into the focused field, so the draft committed below holds everything that was typed.
    for (int frames = 0; frames < 4096 && runtime.platform->input_queued(); ++frames) frame();
    runtime.app->page_hidden();
}
// Test and benchmark hooks, read-only: what is on screen, and how long frames take on the CPU.
TANDEM_EXPORT const char* tandem_ui_snapshot() { return tandem::ui::last_frame_snapshot().c_str(); }
// Queues an edit exactly as a screen would (validated locally, judged by the server on push). Tests use it
// to play a device whose view of the org is stale, e.g. a check-in about someone no longer in the team.
TANDEM_EXPORT const char* tandem_test_queue_change(const char* entity, const char* record_id, const char* fields) {
    static std::string problem;
    tandem::Json parsed = tandem::Json::parse(fields, nullptr, false);
    if (!runtime.app || !runtime.app->signed_in() || parsed.is_discarded()) return "not signed in or bad JSON";
    auto result = runtime.app->edit(entity, record_id, parsed);
    problem = result.problem ? result.problem->message : "";
    return problem.c_str();
}
// Average CPU milliseconds per frame since the last reset: the whole frame (part 0) or only the app and
// ImGui work without GL submission (part 1).
// Characters on screen that still draw as '?' (no glyph in any loaded font).
TANDEM_EXPORT int tandem_missing_glyphs() { return tandem::ui::glyphs::missing(); }
TANDEM_EXPORT double tandem_frame_cpu_ms(int part, int reset) {
    const double total = part == 0 ? runtime.frame_cpu_ms_total : runtime.ui_ms_total;
    const double average = runtime.frames ? total / runtime.frames : 0;
    if (reset) runtime.frame_cpu_ms_total = 0, runtime.ui_ms_total = 0, runtime.frames = 0;
    return average;
}
}

int main(int, char**) {
    host::before_sdl_init();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
#ifdef __EMSCRIPTEN__
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    const char* glsl_version = "#version 300 es";
#else
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    const char* glsl_version = "#version 150";
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    int width = 1100, height = 720;
    host::desired_window_size(width, height);
    runtime.window = SDL_CreateWindow("Tandem", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height,
                                      SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!runtime.window) {
        std::fprintf(stderr, "SDL_CreateWindow failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GLContext gl = SDL_GL_CreateContext(runtime.window);
    SDL_GL_MakeCurrent(runtime.window, gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is fixed; nothing to remember between runs
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ImeSetInputScreenPosFn = remember_text_cursor;
    ImGui_ImplSDL2_InitForOpenGL(runtime.window, gl);
    ImGui_ImplOpenGL3_Init(glsl_version);
    host::after_imgui_init();

    runtime.platform = host::make_platform();
    register_features(runtime.features);
    runtime.app = std::make_unique<App>(*runtime.platform, runtime.features);
#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop(frame, 0, false);
    return 0;
#else
    // Screenshot mode for tests under Xvfb: TANDEM_SCREENSHOT=out.bmp renders a few frames, saves the
    // window, and exits.
    const char* screenshot = std::getenv("TANDEM_SCREENSHOT");
    for (int frames = 0; !runtime.quit; ++frames) {
        if (screenshot && frames == 30) runtime.screenshot_path = screenshot;  // once fonts and layout settled
        frame();
    }
    runtime.app.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(runtime.window);
    SDL_Quit();
    return 0;
#endif
}
