#pragma once
// The demo organisation's starter templates and playbooks.
#include <cstdint>
#include <string>

#include "tandem/base/hlc.h"
#include "tandem/sync/store.h"

namespace tandem::server {
void add_demo_guides(Store& store, const std::string& hr_id, HlcClock& clock, uint64_t now);
} // namespace tandem::server
