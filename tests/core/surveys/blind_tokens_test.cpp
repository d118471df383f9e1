// Blind survey tokens: RFC 9497 Appendix A.1.2 (ristretto255-SHA512, VOPRF mode) reproduced byte for byte,
// then the properties the survey protocol leans on: a token verifies for its own key only, a proof made
// with another key fails, and a tampered element or proof is refused.
#include <gtest/gtest.h>

#include <sodium.h>

#include "tandem/surveys/blind_tokens.h"

namespace tandem {
namespace {

std::string unhex(const std::string& hex) {
    std::string out(hex.size() / 2, '\0');
    sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr,
                   nullptr, nullptr);
    return out;
}

std::string hex(const std::string& bytes) {
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    out.pop_back();
    return out;
}

const std::string kSeed = "a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3";
const std::string kKeyInfo = "74657374206b6579";  // "test key"
const std::string kSkSm = "e6f73f344b79b379f1a0dd37e07ff62e38d9f71345ce62ae3a9bc60b04ccd909";
const std::string kPkSm = "c803e2cc6b05fc15064549b5920659ca4a77b2cca6f04f6b357009335476ad4e";

struct Vector {
    std::string input, blind, blinded, evaluated, proof, proof_random_scalar, output;
};

// RFC 9497 A.1.2.1 and A.1.2.2 (batch size 1).
const Vector kVectors[] = {
    {"00", "64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706",
     "863f330cc1a1259ed5a5998a23acfd37fb4351a793a5b3c090b642ddc439b945",
     "aa8fa048764d5623868679402ff6108d2521884fa138cd7f9c7669a9a014267e",
     "ddef93772692e535d1a53903db24367355cc2cc78de93b3be5a8ffcc6985dd066d4346421d17bf5117a2a1ff0fcb2a759f58a539dfbe857a40bce4cf49ec600d",
     "222a5e897cf59db8145db8d16e597e8facb80ae7d4e26d9881aa6f61d645fc0e",
     "b58cfbe118e0cb94d79b5fd6a6dafb98764dff49c14e1770b566e42402da1a7da4d8527693914139caee5bd03903af43a491351d23b430948dd50cde10d32b3c"},
    {"5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a", "64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706",
     "cc0b2a350101881d8a4cba4c80241d74fb7dcbfde4a61fde2f91443c2bf9ef0c",
     "60a59a57208d48aca71e9e850d22674b611f752bed48b36f7a91b372bd7ad468",
     "401a0da6264f8cf45bb2f5264bc31e109155600babb3cd4e5af7d181a2c9dc0a67154fabf031fd936051dec80b0b6ae29c9503493dde7393b722eafdf5a50b02",
     "222a5e897cf59db8145db8d16e597e8facb80ae7d4e26d9881aa6f61d645fc0e",
     "8a9a2f3c7f085b65933594309041fc1898d42d0858e59f90814ae90571a6df60356f4610bf816f27afdd84f47719e480906d27ecd994985890e5f539e7ea74b6"},
};

voprf::KeyPair vector_key() { return voprf::KeyPair{unhex(kSkSm), unhex(kPkSm)}; }

TEST(BlindTokens, DerivesTheRfcKeyPair) {
    auto key = voprf::derive_key_pair(unhex(kSeed), unhex(kKeyInfo));
    ASSERT_TRUE(key);
    EXPECT_EQ(hex(key->secret_key), kSkSm);
    EXPECT_EQ(hex(key->public_key), kPkSm);
}

TEST(BlindTokens, ReproducesTheRfcVectorsOfBatchSizeOne) {
    for (const auto& v : kVectors) {
        SCOPED_TRACE(v.input);
        auto blinded = voprf::blind_with(unhex(v.input), unhex(v.blind));
        ASSERT_TRUE(blinded);
        EXPECT_EQ(hex(blinded->blinded_element), v.blinded);
        auto evaluation = voprf::blind_evaluate_with(vector_key(), blinded->blinded_element, unhex(v.proof_random_scalar));
        ASSERT_TRUE(evaluation);
        EXPECT_EQ(hex(evaluation->evaluated_element), v.evaluated);
        EXPECT_EQ(hex(evaluation->proof), v.proof);
        auto output = voprf::finalize(unhex(v.input), unhex(v.blind), evaluation->evaluated_element,
                                      blinded->blinded_element, unhex(kPkSm), evaluation->proof);
        ASSERT_TRUE(output);
        EXPECT_EQ(hex(*output), v.output);
        EXPECT_EQ(hex(*voprf::evaluate(unhex(kSkSm), unhex(v.input))), v.output);
        EXPECT_TRUE(voprf::token_matches(unhex(kSkSm), unhex(v.input), *output));
    }
}

// RFC 9497 A.1.2.3: one proof for two evaluations.
TEST(BlindTokens, ReproducesTheRfcBatchProof) {
    const std::vector<std::string> blinded{unhex(kVectors[0].blinded),
                                           unhex("90a0145ea9da29254c3a56be4fe185465ebb3bf2a1801f7124bbbadac751e654")};
    const std::vector<std::string> evaluated{unhex(kVectors[0].evaluated),
                                             unhex("cc5ac221950a49ceaa73c8db41b82c20372a4c8d63e5dded2db920b7eee36a2a")};
    auto proof = voprf::generate_proof(vector_key(), blinded, evaluated,
                                       unhex("419c4f4f5052c53c45f3da494d2b67b220d02118e0857cdbcf037f9ea84bbe0c"));
    ASSERT_TRUE(proof);
    EXPECT_EQ(hex(*proof),
              "cc203910175d786927eeb44ea847328047892ddf8590e723c37205cb74600b0a5ab5337c8eb4ceae0494c2cf89529dcf94572ed267473d567aeed6ab873dee08");
    EXPECT_TRUE(voprf::verify_proof(unhex(kPkSm), blinded, evaluated, *proof));
    EXPECT_FALSE(voprf::verify_proof(unhex(kPkSm), {blinded[1], blinded[0]}, evaluated, *proof));
}

struct Issued {
    std::string input, token;
};

Issued issue(const voprf::KeyPair& key) {
    std::string input(32, '\0');
    randombytes_buf(input.data(), input.size());
    auto blinded = voprf::blind(input);
    auto evaluation = voprf::blind_evaluate(key, blinded->blinded_element);
    auto token = voprf::finalize(input, blinded->blind, evaluation->evaluated_element, blinded->blinded_element,
                                 key.public_key, evaluation->proof);
    EXPECT_TRUE(token);
    return {input, token.value_or("")};
}

TEST(BlindTokens, ATokenVerifiesUnderItsGroupsKeyOnly) {
    const auto team_a = voprf::generate_key_pair(), team_b = voprf::generate_key_pair();
    const Issued issued = issue(team_a);
    EXPECT_TRUE(voprf::token_matches(team_a.secret_key, issued.input, issued.token));
    EXPECT_FALSE(voprf::token_matches(team_b.secret_key, issued.input, issued.token));
    std::string other_input = issued.input;
    other_input[0] = char(other_input[0] ^ 1);
    EXPECT_FALSE(voprf::token_matches(team_a.secret_key, other_input, issued.token));
    std::string forged = issued.token;
    forged[63] = char(forged[63] ^ 1);
    EXPECT_FALSE(voprf::token_matches(team_a.secret_key, issued.input, forged));
}

TEST(BlindTokens, TheServerSeesNeitherTheInputNorTheToken) {
    const std::string input(32, 'x');
    auto first = voprf::blind(input), second = voprf::blind(input);
    // The same input blinds to unrelated elements: the issuance transcript carries nothing of the input.
    EXPECT_NE(first->blinded_element, second->blinded_element);
    EXPECT_EQ(first->blinded_element.find(input), std::string::npos);
}

TEST(BlindTokens, TheDeviceRefusesAnEvaluationUnderAnotherKey) {
    const auto published = voprf::generate_key_pair(), tracking = voprf::generate_key_pair();
    const std::string input(32, 'y');
    auto blinded = voprf::blind(input);
    // A server that evaluates under a key made for this person alone cannot pass it off as the published one.
    auto evaluation = voprf::blind_evaluate(tracking, blinded->blinded_element);
    EXPECT_FALSE(voprf::finalize(input, blinded->blind, evaluation->evaluated_element, blinded->blinded_element,
                                 published.public_key, evaluation->proof));
    EXPECT_TRUE(voprf::finalize(input, blinded->blind, evaluation->evaluated_element, blinded->blinded_element,
                                tracking.public_key, evaluation->proof));
    std::string bad_proof = evaluation->proof;
    bad_proof[5] = char(bad_proof[5] ^ 4);
    EXPECT_FALSE(voprf::finalize(input, blinded->blind, evaluation->evaluated_element, blinded->blinded_element,
                                 tracking.public_key, bad_proof));
}

TEST(BlindTokens, RefusesMalformedElements) {
    const auto key = voprf::generate_key_pair();
    EXPECT_FALSE(voprf::is_valid_element(std::string(32, '\0')));  // the identity
    EXPECT_FALSE(voprf::is_valid_element(std::string(32, '\xff')));
    EXPECT_FALSE(voprf::is_valid_element(std::string(31, '\x01')));
    EXPECT_FALSE(voprf::blind_evaluate(key, std::string(32, '\0')));
    EXPECT_FALSE(voprf::blind_evaluate(key, std::string(32, '\xff')));
    EXPECT_TRUE(voprf::is_valid_element(key.public_key));
}

TEST(BlindTokens, Base64urlIsStrictAndUnpadded) {
    const std::string bytes = unhex(kPkSm);
    const std::string text = voprf::to_base64url(bytes);
    EXPECT_EQ(text.size(), 43u);
    EXPECT_EQ(text.find('='), std::string::npos);
    EXPECT_EQ(voprf::from_base64url(text, 32), bytes);
    EXPECT_FALSE(voprf::from_base64url(text, 64));
    EXPECT_FALSE(voprf::from_base64url(text + "="));
    EXPECT_FALSE(voprf::from_base64url(text.substr(0, 42) + "+"));
    std::string other_spelling = text;  // the last character's unused bits set
    other_spelling.back() = other_spelling.back() == 'A' ? 'B' : char(other_spelling.back() + 1);
    if (voprf::from_base64url(other_spelling)) {
        EXPECT_NE(voprf::from_base64url(other_spelling), bytes);
    }
}

}  // namespace
}  // namespace tandem
