#pragma once
// Colours, fonts and spacing: a calm light theme with large touch-friendly targets.
#include <imgui.h>

namespace tandem::ui::theme {

inline const ImVec4 kAccent{0.16f, 0.42f, 0.78f, 1.0f};
inline const ImVec4 kAccentHover{0.20f, 0.50f, 0.88f, 1.0f};
inline const ImVec4 kDanger{0.75f, 0.20f, 0.20f, 1.0f};
inline const ImVec4 kDangerHover{0.85f, 0.27f, 0.27f, 1.0f};
inline const ImVec4 kMuted{0.42f, 0.45f, 0.50f, 1.0f};
inline const ImVec4 kOverdue{0.78f, 0.18f, 0.12f, 1.0f};
inline const ImVec4 kGood{0.12f, 0.50f, 0.25f, 1.0f};
inline const ImVec4 kWarning{0.70f, 0.45f, 0.00f, 1.0f};

// Loads the body and heading fonts from `font_path` at `pixel_ratio` times their size, so text is
// rasterised at the screen's real resolution and stays crisp on high-DPI displays.
// `fallback_path`, when given, supplies the characters noted by ui::glyphs (CJK and others).
void apply(const char* font_path, const char* fallback_path, float pixel_ratio);
ImFont* heading_font();

} // namespace tandem::ui::theme
