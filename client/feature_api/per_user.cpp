#include "feature_api/per_user.h"

namespace tandem::client {

namespace {
// Never destroyed: PerUser values live until the program ends and may outlive any other static.
std::vector<std::function<void()>>& resets() {
    static auto* list = new std::vector<std::function<void()>>;
    return *list;
}
}  // namespace

void remember_per_user_reset(std::function<void()> reset) { resets().push_back(std::move(reset)); }

void forget_per_user_state() {
    for (auto& reset : resets()) reset();
}

} // namespace tandem::client
