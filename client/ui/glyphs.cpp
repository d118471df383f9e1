#include "ui/glyphs.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <set>
#include <vector>

namespace tandem::ui::glyphs {

namespace {
std::set<ImWchar> wanted;        // every character ever noted that the main font lacks
std::set<ImWchar> not_in_atlas;  // noted since the last rebuild
std::vector<ImWchar> ranges;     // pairs of [first, last] plus a terminating 0, alive while the atlas uses it

bool covered_by_main_font(ImWchar c) { return c < 0x2E80; }  // DejaVu covers the alphabets we load
}  // namespace

void note(const std::string& utf8) {
    const char* text = utf8.c_str();
    const char* end = text + utf8.size();
    // Fast path: CJK needs a lead byte of 0xE2 or more; most text has none.
    bool any = false;
    for (const char* p = text; p < end; ++p)
        if (static_cast<unsigned char>(*p) >= 0xE2) {
            any = true;
            break;
        }
    if (!any) return;
    ImFont* font = ImGui::GetFont();
    while (text < end) {
        unsigned int c = 0;
        const int length = ImTextCharFromUtf8(&c, text, end);
        if (length <= 0) break;
        text += length;
        if (c > 0xFFFF || covered_by_main_font(ImWchar(c)) || wanted.count(ImWchar(c))) continue;
        if (font && font->FindGlyphNoFallback(ImWchar(c))) continue;
        wanted.insert(ImWchar(c));
        not_in_atlas.insert(ImWchar(c));
    }
}

bool rebuild_wanted() { return !not_in_atlas.empty(); }

const unsigned short* extra_ranges() {
    not_in_atlas.clear();
    ranges.clear();
    for (ImWchar c : wanted) {
        ranges.push_back(c);
        ranges.push_back(c);
    }
    ranges.push_back(0);
    return ranges.size() > 1 ? ranges.data() : nullptr;
}

int missing() {
    ImFont* font = ImGui::GetFont();
    int count = 0;
    for (ImWchar c : wanted) count += font && !font->FindGlyphNoFallback(c);
    return count;
}

} // namespace tandem::ui::glyphs
