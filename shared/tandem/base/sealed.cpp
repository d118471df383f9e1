#include "tandem/base/sealed.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "tandem/base/random_tokens.h"

namespace tandem {

namespace {

constexpr std::string_view kCheckText = "tandem sealing key check";
constexpr size_t kMinSealedBytes = kSealNonceBytes + kSealTagBytes;

std::string to_base64(const unsigned char* bytes, size_t size) {
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL sodium writes
    return out;
}

// Strict: standard alphabet, padded, nothing left over.
std::optional<std::string> from_base64(std::string_view text) {
    if (text.empty() || text.size() % 4 != 0) return std::nullopt;
    std::string out(text.size() / 4 * 3, '\0');
    size_t size = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                          nullptr, &size, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    out.resize(size);
    return out;
}

std::optional<std::string> sealed_bytes(std::string_view text) {
    if (text.substr(0, kSealedPrefix.size()) != kSealedPrefix) return std::nullopt;
    auto bytes = from_base64(text.substr(kSealedPrefix.size()));
    if (!bytes || bytes->size() < kMinSealedBytes) return std::nullopt;
    return bytes;
}

std::optional<SealKey> derive(const std::string& passphrase, const std::string& salt, KeyCost cost) {
    ensure_sodium_ready();
    SealKey key;
    if (salt.size() != kSealSaltBytes ||
        crypto_pwhash(key.bytes.data(), key.bytes.size(), passphrase.data(), passphrase.size(),
                      reinterpret_cast<const unsigned char*>(salt.data()), cost.ops, cost.mem_bytes,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return std::nullopt;
    return key;
}

bool parse_number(std::string_view text, uint64_t& out) {
    if (text.empty() || text.size() > 12) return false;
    out = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + uint64_t(c - '0');
    }
    return true;
}

}  // namespace

bool is_sealed_text(std::string_view text) { return sealed_bytes(text).has_value(); }

KeyCost KeyCost::interactive() {
    return KeyCost{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}
KeyCost KeyCost::minimum() { return KeyCost{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

std::string KeyParams::encode() const {
    return "argon2id:" + std::to_string(cost.ops) + ":" + std::to_string(cost.mem_bytes) + ":" +
           to_base64(reinterpret_cast<const unsigned char*>(salt.data()), salt.size()) + ":" + check;
}

std::optional<KeyParams> KeyParams::decode(std::string_view text) {
    std::vector<std::string_view> parts;
    for (int i = 0; i < 4; ++i) {
        const size_t colon = text.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        parts.push_back(text.substr(0, colon));
        text.remove_prefix(colon + 1);
    }
    KeyParams params;
    uint64_t mem = 0;
    if (parts[0] != "argon2id" || !parse_number(parts[1], params.cost.ops) || !parse_number(parts[2], mem))
        return std::nullopt;
    params.cost.mem_bytes = size_t(mem);
    // Bounded so a record cannot make a device spend minutes or gigabytes deriving a key.
    if (params.cost.ops < crypto_pwhash_OPSLIMIT_MIN || params.cost.ops > 10 ||
        params.cost.mem_bytes < crypto_pwhash_MEMLIMIT_MIN || params.cost.mem_bytes > (size_t(256) << 20))
        return std::nullopt;
    auto salt = from_base64(parts[3]);
    if (!salt || salt->size() != kSealSaltBytes || !is_sealed_text(text)) return std::nullopt;
    params.salt = *salt;
    params.check = std::string(text);
    return params;
}

NewKey create_seal_key(const std::string& passphrase, KeyCost cost) {
    ensure_sodium_ready();
    NewKey made;
    made.params.cost = cost;
    made.params.salt.resize(kSealSaltBytes);
    randombytes_buf(made.params.salt.data(), made.params.salt.size());
    auto key = derive(passphrase, made.params.salt, cost);
    if (!key) throw std::runtime_error("deriving the sealing key failed (out of memory?)");
    made.key = *key;
    made.params.check = seal(made.key, kCheckText);
    return made;
}

std::optional<SealKey> unlock_seal_key(const KeyParams& params, const std::string& passphrase) {
    auto key = derive(passphrase, params.salt, params.cost);
    if (!key) return std::nullopt;
    OpenedText check = open_sealed(*key, params.check);
    if (check.status != OpenStatus::Opened || check.text != kCheckText) return std::nullopt;
    return key;
}

std::string seal_with_nonce(const SealKey& key, std::string_view plaintext, std::string_view nonce) {
    ensure_sodium_ready();
    if (nonce.size() != kSealNonceBytes) throw std::invalid_argument("a seal nonce is 24 bytes");
    std::vector<unsigned char> out(kSealNonceBytes + plaintext.size() + kSealTagBytes);
    std::copy(nonce.begin(), nonce.end(), out.begin());
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kSealNonceBytes, &written,
                                               reinterpret_cast<const unsigned char*>(plaintext.data()),
                                               plaintext.size(), nullptr, 0, nullptr,
                                               out.data(), key.bytes.data());
    return std::string(kSealedPrefix) + to_base64(out.data(), kSealNonceBytes + size_t(written));
}

std::string seal(const SealKey& key, std::string_view plaintext) {
    ensure_sodium_ready();
    std::string nonce(kSealNonceBytes, '\0');
    randombytes_buf(nonce.data(), nonce.size());
    return seal_with_nonce(key, plaintext, nonce);
}

OpenedText open_sealed(const SealKey& key, std::string_view sealed) {
    ensure_sodium_ready();
    auto bytes = sealed_bytes(sealed);
    if (!bytes) return {OpenStatus::NotSealed, {}};
    const auto* data = reinterpret_cast<const unsigned char*>(bytes->data());
    std::string text(bytes->size() - kMinSealedBytes, '\0');
    unsigned long long size = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(text.data()), &size, nullptr,
                                                   data + kSealNonceBytes, bytes->size() - kSealNonceBytes,
                                                   nullptr, 0, data, key.bytes.data()) != 0)
        return {OpenStatus::Damaged, {}};
    text.resize(size_t(size));
    return {OpenStatus::Opened, std::move(text)};
}

} // namespace tandem
