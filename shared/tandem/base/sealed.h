#pragma once
// Sealed text (docs/api.md, Sealed text): private notes and journal entries are encrypted on the device with
// XChaCha20-Poly1305 under a key derived from the user's passphrase with argon2id. Stored and sent as
// "sealed:v1:" + base64(nonce || ciphertext). The server sees only that shape (is_sealed_text); the salt, the
// argon2id cost and a check value sealed under the key travel in the user's sealing_key record, so a second
// device derives the same key from the same passphrase and can tell a wrong passphrase from damage.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tandem {

inline constexpr std::string_view kSealedPrefix = "sealed:v1:";
inline constexpr size_t kSealNonceBytes = 24;
inline constexpr size_t kSealTagBytes = 16;
inline constexpr size_t kSealSaltBytes = 16;

// The prefix, then standard padded base64 that decodes to at least a nonce and a tag. Nothing more can be
// checked without the key.
bool is_sealed_text(std::string_view text);

struct SealKey {
    std::array<unsigned char, 32> bytes{};
};

// argon2id cost. Devices use the interactive cost (64 MiB, 2 passes: about a second in a browser);
// tests use the minimum so they run fast.
struct KeyCost {
    uint64_t ops = 0;
    size_t mem_bytes = 0;
    static KeyCost interactive();
    static KeyCost minimum();
};

// What the user's sealing_key record holds: everything needed to re-derive and verify the key, nothing
// that reveals it. Encoded as one text field so concurrent edits can never mix two keys' parts.
struct KeyParams {
    std::string salt;  // kSealSaltBytes raw bytes
    KeyCost cost;
    std::string check;  // a known text sealed under the key

    std::string encode() const;  // "argon2id:<ops>:<mem>:<salt base64>:<check>"
    static std::optional<KeyParams> decode(std::string_view text);  // nullopt when malformed or out of bounds
};

// A new passphrase: a random salt, its key, and the check sealed under it.
struct NewKey {
    KeyParams params;
    SealKey key;
};
NewKey create_seal_key(const std::string& passphrase, KeyCost cost);
// The key for `passphrase`, or nullopt when the passphrase is not the one the params were made with.
std::optional<SealKey> unlock_seal_key(const KeyParams& params, const std::string& passphrase);

std::string seal(const SealKey& key, std::string_view plaintext);
// The same with a caller-chosen nonce (kSealNonceBytes), for known-answer tests across builds.
std::string seal_with_nonce(const SealKey& key, std::string_view plaintext, std::string_view nonce);

enum class OpenStatus {
    Opened,
    NotSealed,  // not the sealed:v1 shape at all
    Damaged,    // the shape is right but it does not open under this (verified) key
};
struct OpenedText {
    OpenStatus status = OpenStatus::NotSealed;
    std::string text;
};
OpenedText open_sealed(const SealKey& key, std::string_view sealed);

} // namespace tandem
