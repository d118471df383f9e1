#pragma once
// Every feature of the app, registered once at start (main.cpp).
namespace tandem::client {
class Registry;
void register_features(Registry& registry);
} // namespace tandem::client
