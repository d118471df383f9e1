#pragma once
// The demo organisation's partnership: programs at several stages (one open for managers' input), Maya's
// signed agreement measured on her real 1:1s, and mentoring pairs with Elena (Dana has no mentor yet, so
// HR's coverage screen has something to act on).
#include <cstdint>
#include <map>
#include <string>

#include "tandem/base/hlc.h"
#include "tandem/sync/store.h"

namespace tandem::server {
void add_demo_partnership(Store& store, std::map<std::string, std::string>& ids, HlcClock& clock, uint64_t now);
} // namespace tandem::server
