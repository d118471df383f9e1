#pragma once
// Sealed text for tests that need a valid private note or journal entry without caring what it says:
// sealed under one cheap test key (minimum argon2id cost), so the server's shape check accepts it.
#include <string>

#include "tandem/base/sealed.h"

namespace tandem::testing {

inline const SealKey& sample_seal_key() {
    static const SealKey key = create_seal_key("test passphrase", KeyCost::minimum()).key;
    return key;
}

inline std::string sealed_sample(const std::string& text) { return seal(sample_seal_key(), text); }

} // namespace tandem::testing
