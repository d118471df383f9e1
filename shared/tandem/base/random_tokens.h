#pragma once
// Secrets and unguessable ids, all from libsodium's CSPRNG: session tokens, invitation and answer links,
// kiosk ids and kiosk submission ids. Record ids are not secrets and are made by ids.h instead.
#include <cstddef>
#include <string>

namespace tandem {

// `bytes` random bytes as lowercase hex (twice as many characters).
std::string random_hex(size_t bytes);
// A version 4 UUID: random, so the id says nothing about when it was made.
std::string random_uuid_v4();
// Starts libsodium once, before its first use anywhere in the core (hashing, sealing, randomness); it also
// installs the randomness source (in the browser: crypto.getRandomValues). Throws when it cannot start.
void ensure_sodium_ready();

} // namespace tandem
