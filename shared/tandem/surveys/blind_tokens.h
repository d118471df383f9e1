#pragma once
// Blind survey tokens (docs/survey-tokens.md): RFC 9497's VOPRF mode with the ristretto255-SHA512 suite, on
// libsodium alone. The device blinds a random input, the server evaluates it under the key of the survey and
// group without seeing it and proves (DLEQ) that it used the published key, and the device unblinds the
// result into a token. At redemption the server recomputes the PRF on the input and compares: it can tell a
// token is genuine and for which group, never to whom it was issued.
//
// Bytes travel as std::string holding raw bytes; elements and scalars are 32 bytes, proofs and tokens 64.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::voprf {

inline constexpr size_t kElementBytes = 32;
inline constexpr size_t kScalarBytes = 32;
inline constexpr size_t kProofBytes = 64;   // challenge c, then response s
inline constexpr size_t kOutputBytes = 64;  // SHA-512
inline constexpr const char* kSuite = "ristretto255-SHA512";

struct KeyPair {
    std::string secret_key;  // a non-zero scalar
    std::string public_key;  // secret_key * generator
};
KeyPair generate_key_pair();
// RFC 9497 section 3.2.1, DeriveKeyPair; nullopt in the (negligible) case the RFC calls DeriveKeyPairError.
std::optional<KeyPair> derive_key_pair(std::string_view seed, std::string_view info);

// A canonical encoding of a ristretto255 element other than the identity (DeserializeElement).
bool is_valid_element(std::string_view element);
// HashToGroup: expand_message_xmd with SHA-512 into 64 bytes, then ristretto255's one-way map.
std::string hash_to_group(std::string_view input);
// HashToScalar with the suite's DST, or `dst` when given (DeriveKeyPair uses its own).
std::string hash_to_scalar(std::string_view input, std::string_view dst = {});

// The device: a random (or, for tests, given) blind and the element it sends.
struct Blinded {
    std::string blind;            // scalar, kept on the device until Finalize
    std::string blinded_element;  // sent to the server
};
std::optional<Blinded> blind(std::string_view input);
std::optional<Blinded> blind_with(std::string_view input, std::string_view blind_scalar);

// The server: skS * blindedElement, and the proof that it is the key behind `public_key`.
struct Evaluation {
    std::string evaluated_element;
    std::string proof;
};
std::optional<Evaluation> blind_evaluate(const KeyPair& key, std::string_view blinded_element);
std::optional<Evaluation> blind_evaluate_with(const KeyPair& key, std::string_view blinded_element,
                                              std::string_view proof_random_scalar);

// GenerateProof and VerifyProof over a batch (A is the generator, B the public key), as RFC 9497 2.2.
std::optional<std::string> generate_proof(const KeyPair& key, const std::vector<std::string>& blinded_elements,
                                          const std::vector<std::string>& evaluated_elements,
                                          std::string_view proof_random_scalar);
bool verify_proof(std::string_view public_key, const std::vector<std::string>& blinded_elements,
                  const std::vector<std::string>& evaluated_elements, std::string_view proof);

// The device: checks the proof against `public_key`, unblinds and hashes into the token; nullopt when the
// proof does not verify (the server did not use that key) or an element is malformed.
std::optional<std::string> finalize(std::string_view input, std::string_view blind, std::string_view evaluated_element,
                                    std::string_view blinded_element, std::string_view public_key,
                                    std::string_view proof);
// The server: the PRF output on `input` computed directly (Evaluate).
std::optional<std::string> evaluate(std::string_view secret_key, std::string_view input);
// Evaluate(skS, input) == token, compared in constant time.
bool token_matches(std::string_view secret_key, std::string_view input, std::string_view token);

// Base64url without padding, as the token endpoints carry bytes; decoding is strict and, with
// `expected_bytes`, refuses any other length.
std::string to_base64url(std::string_view bytes);
std::optional<std::string> from_base64url(std::string_view text, size_t expected_bytes = 0);

} // namespace tandem::voprf
