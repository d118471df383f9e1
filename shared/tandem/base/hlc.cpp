#include "tandem/base/hlc.h"

#include <cstdio>

namespace tandem {

std::string Hlc::to_string() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%012llx%04x", static_cast<unsigned long long>(millis & kHlcMaxMillis),
                  static_cast<unsigned>(counter));
    return buf;
}

std::optional<Hlc> Hlc::parse(std::string_view text) {
    if (text.size() != 16) return std::nullopt;
    uint64_t value = 0;
    for (char c : text) {
        int digit;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else return std::nullopt;  // uppercase is rejected: the string order must match the numeric order
        value = (value << 4) | uint64_t(digit);
    }
    return Hlc{value >> 16, static_cast<uint16_t>(value & 0xffff)};
}

Hlc HlcClock::now(uint64_t wall_millis) {
    wall_millis &= kHlcMaxMillis;
    if (wall_millis > last_.millis) {
        last_ = Hlc{wall_millis, 0};
    } else if (last_.counter < 0xffff) {
        ++last_.counter;
    } else {
        // Counter exhausted within one millisecond: borrow the next millisecond rather than repeat a value.
        last_ = Hlc{last_.millis + 1, 0};
    }
    return last_;
}

void HlcClock::observe(const Hlc& remote, uint64_t wall_millis) {
    wall_millis &= kHlcMaxMillis;
    if (last_ < remote) last_ = remote;
    if (wall_millis > last_.millis) last_ = Hlc{wall_millis, 0};
}

} // namespace tandem
