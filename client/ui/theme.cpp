#include "ui/theme.h"

#include "ui/glyphs.h"

namespace tandem::ui::theme {

namespace {
ImFont* heading = nullptr;
constexpr float kBodySize = 17.0f;
constexpr float kHeadingSize = 24.0f;
}  // namespace

ImFont* heading_font() { return heading ? heading : ImGui::GetFont(); }

void apply(const char* font_path, const char* fallback_path, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Latin, Latin Extended, Greek, Cyrillic and general punctuation (…, –, ·): what DejaVu Sans covers.
    static const ImWchar ranges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2010, 0x2027,
                                     0x2030, 0x205E, 0x20AC, 0x20AC, 0x2190, 0x2193, 0x2713, 0x2717, 0};
    ImFontConfig config;
    config.OversampleH = 1;  // rasterised at the device's pixel ratio already
    const ImWchar* extra = glyphs::extra_ranges();
    ImFontConfig merge = config;
    merge.MergeMode = true;
    auto add = [&](float size) -> ImFont* {
        ImFont* font = font_path ? io.Fonts->AddFontFromFileTTF(font_path, size * pixel_ratio, &config, ranges) : nullptr;
        if (font && extra && fallback_path) io.Fonts->AddFontFromFileTTF(fallback_path, size * pixel_ratio, &merge, extra);
        return font;
    };
    ImFont* body = add(kBodySize);
    if (!body) {
        ImFontConfig fallback;
        fallback.SizePixels = 13.0f * pixel_ratio;
        io.Fonts->AddFontDefault(&fallback);
    }
    heading = add(kHeadingSize);
    io.FontGlobalScale = 1.0f / pixel_ratio;

    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(20, 16);
    style.FramePadding = ImVec2(12, 8);
    style.ItemSpacing = ImVec2(10, 10);
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.WindowRounding = 0;
    style.ScrollbarSize = 16;
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1);
    style.Colors[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    style.Colors[ImGuiCol_Border] = ImVec4(0.80f, 0.82f, 0.86f, 1);
    style.FrameBorderSize = 1;
    style.Colors[ImGuiCol_Button] = ImVec4(0.90f, 0.92f, 0.95f, 1);
    style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.84f, 0.88f, 0.94f, 1);
    style.Colors[ImGuiCol_ButtonActive] = ImVec4(0.78f, 0.83f, 0.91f, 1);
    style.Colors[ImGuiCol_Header] = ImVec4(0.88f, 0.92f, 0.98f, 1);
    style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.82f, 0.88f, 0.97f, 1);
    style.Colors[ImGuiCol_TableHeaderBg] = ImVec4(0.92f, 0.93f, 0.95f, 1);
}

} // namespace tandem::ui::theme
