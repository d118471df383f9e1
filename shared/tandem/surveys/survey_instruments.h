#pragma once
// The instrument library HR starts surveys from (docs/features.md, Surveys), in Tandem's own words. The themes
// and kinds are the ones the indices read (survey_scoring.h), so a survey built from the library yields eNPS,
// engagement and psychological safety without HR setting anything.
#include <string>
#include <vector>

namespace tandem::survey {

struct InstrumentItem {
    const char* kind;  // likert5 | agree7 | scale0_10 | choice | text
    const char* theme;
    const char* text;
    bool reverse_scored = false;
    const char* choices = "";  // one per line, `choice` only
};

struct Instrument {
    const char* key;
    const char* title;
    const char* purpose;  // one line HR reads before choosing it
    std::vector<InstrumentItem> items;
};

const std::vector<Instrument>& instrument_library();
const Instrument* find_instrument(const std::string& key);

} // namespace tandem::survey
