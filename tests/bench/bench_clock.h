#pragma once
// The two clocks every benchmark reads: elapsed time for what it measures (steady), and the wall time that
// stamps the ids and clocks of the records it writes.
#include <chrono>
#include <cstdint>

namespace tandem::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

inline uint64_t wall_millis() {
    return uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count());
}

} // namespace tandem::bench
