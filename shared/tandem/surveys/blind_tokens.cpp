#include "tandem/surveys/blind_tokens.h"

#include <sodium.h>

#include <stdexcept>

#include "tandem/base/random_tokens.h"

namespace tandem::voprf {

namespace {

using Bytes = std::string;

// contextString = "OPRFV1-" || I2OSP(mode, 1) || "-" || identifier, with mode 0x01 (VOPRF).
const Bytes& context_string() {
    static const Bytes context = Bytes("OPRFV1-") + char(0x01) + "-" + kSuite;
    return context;
}

const unsigned char* u8(std::string_view bytes) { return reinterpret_cast<const unsigned char*>(bytes.data()); }
unsigned char* u8(Bytes& bytes) { return reinterpret_cast<unsigned char*>(bytes.data()); }

Bytes i2osp2(size_t value) { return Bytes{char((value >> 8) & 0xff), char(value & 0xff)}; }
Bytes with_length(std::string_view bytes) { return i2osp2(bytes.size()) + Bytes(bytes); }

Bytes sha512(std::string_view bytes) {
    Bytes out(crypto_hash_sha512_BYTES, '\0');
    crypto_hash_sha512(u8(out), u8(bytes), bytes.size());
    return out;
}

// RFC 9380 section 5.3.1 with SHA-512 (b_in_bytes 64, s_in_bytes 128).
Bytes expand_message_xmd(std::string_view message, std::string_view dst, size_t length) {
    if (dst.size() > 255 || length > 255 * 64 || length == 0) throw std::invalid_argument("expand_message_xmd");
    const Bytes dst_prime = Bytes(dst) + char(dst.size());
    const size_t blocks = (length + 63) / 64;
    const Bytes b0 = sha512(Bytes(128, '\0') + Bytes(message) + i2osp2(length) + char(0) + dst_prime);
    Bytes uniform, previous;
    for (size_t i = 1; i <= blocks; ++i) {
        Bytes chained = b0;
        if (i > 1)
            for (size_t j = 0; j < chained.size(); ++j) chained[j] = char(chained[j] ^ previous[j]);
        previous = sha512(chained + char(i) + dst_prime);
        uniform += previous;
    }
    uniform.resize(length);
    return uniform;
}

bool is_scalar(std::string_view scalar) { return scalar.size() == kScalarBytes; }

std::optional<Bytes> multiply(std::string_view scalar, std::string_view element) {
    if (!is_scalar(scalar) || !is_valid_element(element)) return std::nullopt;
    Bytes out(kElementBytes, '\0');
    if (crypto_scalarmult_ristretto255(u8(out), u8(scalar), u8(element)) != 0) return std::nullopt;
    return out;
}

std::optional<Bytes> multiply_base(std::string_view scalar) {
    if (!is_scalar(scalar)) return std::nullopt;
    Bytes out(kElementBytes, '\0');
    if (crypto_scalarmult_ristretto255_base(u8(out), u8(scalar)) != 0) return std::nullopt;
    return out;
}

std::optional<Bytes> add(const std::optional<Bytes>& a, const std::optional<Bytes>& b) {
    if (!a || !b) return std::nullopt;
    Bytes out(kElementBytes, '\0');
    if (crypto_core_ristretto255_add(u8(out), u8(*a), u8(*b)) != 0 || !is_valid_element(out)) return std::nullopt;
    return out;
}

Bytes scalar_mul(std::string_view a, std::string_view b) {
    Bytes out(kScalarBytes, '\0');
    crypto_core_ristretto255_scalar_mul(u8(out), u8(a), u8(b));
    return out;
}

Bytes scalar_sub(std::string_view a, std::string_view b) {
    Bytes out(kScalarBytes, '\0');
    crypto_core_ristretto255_scalar_sub(u8(out), u8(a), u8(b));
    return out;
}

Bytes random_scalar() {
    ensure_sodium_ready();
    Bytes out(kScalarBytes, '\0');
    crypto_core_ristretto255_scalar_random(u8(out));  // never zero
    return out;
}

// ComputeComposites (RFC 9497 2.2.1): M = sum d_i * C_i and, for the prover, Z = k * M; the verifier
// computes Z = sum d_i * D_i.
struct Composites {
    Bytes m, z;
};
std::optional<Composites> compute_composites(std::string_view public_key, const std::vector<Bytes>& blinded,
                                             const std::vector<Bytes>& evaluated, const Bytes* secret_key) {
    if (blinded.empty() || blinded.size() != evaluated.size() || blinded.size() > 0xffff) return std::nullopt;
    const Bytes seed_dst = "Seed-" + context_string();
    const Bytes seed = sha512(with_length(public_key) + with_length(seed_dst));
    std::optional<Bytes> m, z;
    for (size_t i = 0; i < blinded.size(); ++i) {
        const Bytes d = hash_to_scalar(with_length(seed) + i2osp2(i) + with_length(blinded[i]) +
                                       with_length(evaluated[i]) + "Composite");
        auto dm = multiply(d, blinded[i]);
        m = m ? add(m, dm) : dm;
        if (!m) return std::nullopt;
        if (!secret_key) {
            auto dz = multiply(d, evaluated[i]);
            z = z ? add(z, dz) : dz;
            if (!z) return std::nullopt;
        }
    }
    if (secret_key) z = multiply(*secret_key, *m);
    if (!z) return std::nullopt;
    return Composites{*m, *z};
}

Bytes challenge(std::string_view public_key, const Composites& composites, std::string_view t2, std::string_view t3) {
    return hash_to_scalar(with_length(public_key) + with_length(composites.m) + with_length(composites.z) +
                          with_length(t2) + with_length(t3) + "Challenge");
}

Bytes finalize_hash(std::string_view input, std::string_view element) {
    return sha512(with_length(input) + with_length(element) + "Finalize");
}

}  // namespace

bool is_valid_element(std::string_view element) {
    if (element.size() != kElementBytes) return false;
    ensure_sodium_ready();
    return crypto_core_ristretto255_is_valid_point(u8(element)) == 1 && !sodium_is_zero(u8(element), element.size());
}

std::string hash_to_group(std::string_view input) {
    const Bytes uniform = expand_message_xmd(input, "HashToGroup-" + context_string(), 64);
    Bytes out(kElementBytes, '\0');
    crypto_core_ristretto255_from_hash(u8(out), u8(uniform));
    return out;
}

std::string hash_to_scalar(std::string_view input, std::string_view dst) {
    const Bytes uniform =
        expand_message_xmd(input, dst.empty() ? Bytes("HashToScalar-" + context_string()) : Bytes(dst), 64);
    Bytes out(kScalarBytes, '\0');
    crypto_core_ristretto255_scalar_reduce(u8(out), u8(uniform));
    return out;
}

KeyPair generate_key_pair() {
    KeyPair key{random_scalar(), {}};
    key.public_key = *multiply_base(key.secret_key);
    return key;
}

std::optional<KeyPair> derive_key_pair(std::string_view seed, std::string_view info) {
    if (info.size() > 0xffff) return std::nullopt;
    ensure_sodium_ready();
    const Bytes derive_input = Bytes(seed) + with_length(info);
    const Bytes dst = "DeriveKeyPair" + context_string();
    for (int counter = 0; counter <= 255; ++counter) {
        Bytes secret = hash_to_scalar(derive_input + char(counter), dst);
        if (sodium_is_zero(u8(secret), secret.size())) continue;
        auto public_key = multiply_base(secret);
        if (public_key) return KeyPair{secret, *public_key};
    }
    return std::nullopt;
}

std::optional<Blinded> blind(std::string_view input) { return blind_with(input, random_scalar()); }

std::optional<Blinded> blind_with(std::string_view input, std::string_view blind_scalar) {
    ensure_sodium_ready();
    const Bytes input_element = hash_to_group(input);
    if (!is_valid_element(input_element)) return std::nullopt;  // InvalidInputError: the identity
    auto blinded = multiply(blind_scalar, input_element);
    if (!blinded) return std::nullopt;
    return Blinded{Bytes(blind_scalar), *blinded};
}

std::optional<Evaluation> blind_evaluate(const KeyPair& key, std::string_view blinded_element) {
    return blind_evaluate_with(key, blinded_element, random_scalar());
}

std::optional<Evaluation> blind_evaluate_with(const KeyPair& key, std::string_view blinded_element,
                                              std::string_view proof_random_scalar) {
    auto evaluated = multiply(key.secret_key, blinded_element);
    if (!evaluated) return std::nullopt;
    auto proof = generate_proof(key, {Bytes(blinded_element)}, {*evaluated}, proof_random_scalar);
    if (!proof) return std::nullopt;
    return Evaluation{*evaluated, *proof};
}

std::optional<std::string> generate_proof(const KeyPair& key, const std::vector<std::string>& blinded_elements,
                                          const std::vector<std::string>& evaluated_elements,
                                          std::string_view proof_random_scalar) {
    ensure_sodium_ready();
    auto composites = compute_composites(key.public_key, blinded_elements, evaluated_elements, &key.secret_key);
    if (!composites) return std::nullopt;
    auto t2 = multiply_base(proof_random_scalar);
    auto t3 = multiply(proof_random_scalar, composites->m);
    if (!t2 || !t3) return std::nullopt;
    const Bytes c = challenge(key.public_key, *composites, *t2, *t3);
    const Bytes s = scalar_sub(proof_random_scalar, scalar_mul(c, key.secret_key));
    return c + s;
}

bool verify_proof(std::string_view public_key, const std::vector<std::string>& blinded_elements,
                  const std::vector<std::string>& evaluated_elements, std::string_view proof) {
    if (proof.size() != kProofBytes || !is_valid_element(public_key)) return false;
    for (const auto& element : blinded_elements)
        if (!is_valid_element(element)) return false;
    for (const auto& element : evaluated_elements)
        if (!is_valid_element(element)) return false;
    auto composites = compute_composites(public_key, blinded_elements, evaluated_elements, nullptr);
    if (!composites) return false;
    const std::string_view c = proof.substr(0, kScalarBytes), s = proof.substr(kScalarBytes);
    auto t2 = add(multiply_base(s), multiply(c, public_key));
    auto t3 = add(multiply(s, composites->m), multiply(c, composites->z));
    if (!t2 || !t3) return false;
    const Bytes expected = challenge(public_key, *composites, *t2, *t3);
    return sodium_memcmp(expected.data(), c.data(), kScalarBytes) == 0;
}

std::optional<std::string> finalize(std::string_view input, std::string_view blind, std::string_view evaluated_element,
                                    std::string_view blinded_element, std::string_view public_key,
                                    std::string_view proof) {
    if (!is_scalar(blind) || !verify_proof(public_key, {Bytes(blinded_element)}, {Bytes(evaluated_element)}, proof))
        return std::nullopt;
    Bytes inverse(kScalarBytes, '\0');
    if (crypto_core_ristretto255_scalar_invert(u8(inverse), u8(blind)) != 0) return std::nullopt;
    auto unblinded = multiply(inverse, evaluated_element);
    if (!unblinded) return std::nullopt;
    return finalize_hash(input, *unblinded);
}

std::optional<std::string> evaluate(std::string_view secret_key, std::string_view input) {
    ensure_sodium_ready();
    const Bytes input_element = hash_to_group(input);
    auto evaluated = multiply(secret_key, input_element);
    if (!evaluated) return std::nullopt;
    return finalize_hash(input, *evaluated);
}

bool token_matches(std::string_view secret_key, std::string_view input, std::string_view token) {
    if (token.size() != kOutputBytes) return false;
    auto expected = evaluate(secret_key, input);
    return expected && sodium_memcmp(expected->data(), token.data(), kOutputBytes) == 0;
}

std::string to_base64url(std::string_view bytes) {
    ensure_sodium_ready();
    const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    Bytes out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), u8(bytes), bytes.size(), variant);
    out.resize(out.size() - 1);  // the terminating NUL sodium writes
    return out;
}

std::optional<std::string> from_base64url(std::string_view text, size_t expected_bytes) {
    ensure_sodium_ready();
    if (text.empty() || text.size() > 4096) return std::nullopt;
    Bytes out(text.size() * 3 / 4 + 3, '\0');
    size_t size = 0;
    const char* end = nullptr;
    if (sodium_base642bin(u8(out), out.size(), text.data(), text.size(), nullptr, &size, &end,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    out.resize(size);
    if (expected_bytes && size != expected_bytes) return std::nullopt;
    // Only the one canonical spelling of these bytes: leftover bits set would let one token take two forms.
    if (to_base64url(out) != text) return std::nullopt;
    return out;
}

} // namespace tandem::voprf
