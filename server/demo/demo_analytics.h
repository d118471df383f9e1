#pragma once
// The demo organisation's history for people analytics: HRIS start dates for everyone, people who left
// (and one who came back), and a year of 1:1s, action items, feedback and recognition for Noah's team and
// the Operations division, each manager keeping their cadence to a different degree. Written with clocks of
// the days they happened, so figures over time read as they would in a real year.
#include <cstdint>
#include <map>
#include <string>

#include "tandem/sync/store.h"

namespace tandem::server {
void add_demo_analytics(Store& store, std::map<std::string, std::string>& ids, uint64_t now);
} // namespace tandem::server
