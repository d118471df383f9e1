#pragma once
// The demo organisation's surveys: two rounds of a quarterly pulse already answered by Maya's and Noah's
// teams (so results, the heatmap and the trend show on first sign-in), and today's training session run by
// Noah with its feedback survey open for a kiosk.
#include <cstdint>
#include <map>
#include <string>

#include "tandem/base/hlc.h"
#include "tandem/sync/store.h"

namespace tandem::server {
void add_demo_surveys(Store& store, std::map<std::string, std::string>& ids, HlcClock& clock, uint64_t now);
} // namespace tandem::server
