#pragma once
// A date field: the day shown as the reader's locale writes it ("Dec 9, 2026"), typing read in the forms
// that locale and ISO use (tandem/base/dates.h), a sentence in place when the text is no day at all, and a
// calendar to pick one by touch or keyboard. The options carry the locale's words and numbers, so the field
// itself can be driven without a Context; features fill them with date_options(ctx, label).
#include <functional>
#include <string>
#include <vector>

#include "tandem/base/dates.h"

namespace tandem::client {
class Context;
}

namespace tandem::ui {

// A day offered under the calendar: "Today", "In a week", "Next 1:1".
struct QuickDate {
    std::string label;
    std::string iso;
};

struct DateFieldOptions {
    std::string label;                                   // shown beside the field; may be empty
    std::string today;                                   // ISO: marked in the calendar, the year of "Dec 9"
    std::function<std::string(const std::string& iso)> words;  // the locale's "Dec 9, 2026"
    NumericDateStyle style;                              // the locale's numbers: what "9/12" means
    std::string min, max;                                // ISO, inclusive; empty for no bound
    std::vector<QuickDate> quick;
    bool optional = false;                               // an emptied field means "no date"
    float width = 170;
};

// Options filled from a feature's Context: today, the locale's words and numbers.
DateFieldOptions date_options(client::Context& ctx, std::string label);

// What the field keeps between frames (keep it per user, like any form state).
struct DateFieldState {
    std::string text;      // what the field shows or the person is typing
    std::string shown;     // the date `text` was last filled from
    std::string problem;   // why the typed text was not taken; empty when it was
    std::string month;     // the calendar's month, as its first day
};

// Draws the field with a calendar button. `id` is stable and names the parts for tests: "<label>##<id>"
// (the text), "<id>-calendar", "<id>-prev", "<id>-next", "<id>-day-2026-12-09", "<quick label>##<id>-<n>".
// True on the frame a different valid date (or, when optional, none) was committed to `iso`: Enter,
// leaving the field, a day in the calendar or a quick choice.
bool date_field(const char* id, DateFieldState& state, std::string& iso, const DateFieldOptions& options);

}  // namespace tandem::ui
