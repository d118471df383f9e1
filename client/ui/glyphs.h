#pragma once
// Characters the main font lacks (CJK and others). Text drawn or typed is scanned for them; when new ones
// appear, the atlas is rebuilt with just those glyphs merged in from a fallback font, so a 4 MB CJK font
// costs a few kilobytes of texture instead of tens of megabytes.
#include <string>

namespace tandem::ui::glyphs {

// Notes every character of `utf8` that the current atlas cannot draw.
void note(const std::string& utf8);
// True when characters were noted since the last rebuild, so the fonts should be rebuilt.
bool rebuild_wanted();
// Adds the noted characters to the glyph ranges used by the next theme::apply.
const unsigned short* extra_ranges();
// How many noted characters still have no glyph (they draw as '?'); 0 once the fallback merged them.
int missing();

} // namespace tandem::ui::glyphs
