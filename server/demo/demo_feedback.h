#pragma once
// The demo organisation's values, a few recognitions on the wall, a spotlighted champion and one feedback
// request waiting for Maya, so every feedback screen has something real on first sign-in.
#include <cstdint>
#include <map>
#include <string>

#include "tandem/base/hlc.h"
#include "tandem/sync/store.h"

namespace tandem::server {
void add_demo_feedback(Store& store, std::map<std::string, std::string>& ids, HlcClock& clock, uint64_t now);
} // namespace tandem::server
