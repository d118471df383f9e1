#pragma once
// Hybrid logical clock (HLC): physical milliseconds plus a counter, so that every change a device makes is
// ordered after everything it has seen, even when wall clocks disagree between devices. Wire form (docs/api.md,
// Hybrid logical clock): 16 lowercase hex digits, 48 bits of milliseconds then a 16-bit counter, so two
// timestamps compare correctly as plain strings.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tandem {

struct Hlc {
    uint64_t millis = 0;   // 48 bits used
    uint16_t counter = 0;

    std::string to_string() const;
    static std::optional<Hlc> parse(std::string_view text);

    friend bool operator<(const Hlc& a, const Hlc& b) {
        return a.millis != b.millis ? a.millis < b.millis : a.counter < b.counter;
    }
    friend bool operator==(const Hlc& a, const Hlc& b) { return a.millis == b.millis && a.counter == b.counter; }
    friend bool operator!=(const Hlc& a, const Hlc& b) { return !(a == b); }
};

// The clock never reads the wall time itself: callers pass it in, so the core stays free of platform code
// and tests can drive skew and stalls deterministically.
class HlcClock {
public:
    // A timestamp for a new local event, strictly greater than every timestamp issued or observed before.
    Hlc now(uint64_t wall_millis);
    // Folds in a timestamp seen on a remote change, so later local events order after it.
    void observe(const Hlc& remote, uint64_t wall_millis);
    Hlc last() const { return last_; }
    void restore(const Hlc& persisted) { if (last_ < persisted) last_ = persisted; }

private:
    Hlc last_;
};

constexpr uint64_t kHlcMaxMillis = (uint64_t(1) << 48) - 1;

} // namespace tandem
