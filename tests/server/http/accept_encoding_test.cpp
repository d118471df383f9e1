// Which precompressed copy a browser's Accept-Encoding header lets the server send.
#include <gtest/gtest.h>

#include "http/accept_encoding.h"

namespace tandem::server {
namespace {

const std::vector<std::string> kOffered{"br", "gzip"};
using Codings = std::vector<std::string>;

TEST(AcceptEncoding, ABrowserThatTakesBothGetsBrotliFirst) {
    EXPECT_EQ(acceptable_encodings("gzip, deflate, br", kOffered), (Codings{"br", "gzip"}));
    EXPECT_EQ(acceptable_encodings("gzip, deflate, br, zstd", kOffered), (Codings{"br", "gzip"}));
}

TEST(AcceptEncoding, WeightsDecideAndZeroRefuses) {
    EXPECT_EQ(acceptable_encodings("br;q=0.5, gzip;q=0.9", kOffered), (Codings{"gzip", "br"}));
    EXPECT_EQ(acceptable_encodings("br;q=0, gzip", kOffered), (Codings{"gzip"}));
    EXPECT_EQ(acceptable_encodings("gzip;q=0.000, br;Q=0", kOffered), (Codings{}));
    EXPECT_EQ(acceptable_encodings("BR ; q=1.0", kOffered), (Codings{"br"})) << "names and q are case-blind";
}

TEST(AcceptEncoding, NothingNamedMeansOnlyTheUncompressedFile) {
    EXPECT_EQ(acceptable_encodings("", kOffered), (Codings{}));
    EXPECT_EQ(acceptable_encodings("identity", kOffered), (Codings{}));
    EXPECT_EQ(acceptable_encodings("deflate", kOffered), (Codings{}));
}

TEST(AcceptEncoding, AStarAcceptsWhatIsNotNamedOtherwise) {
    EXPECT_EQ(acceptable_encodings("*", kOffered), (Codings{"br", "gzip"}));
    EXPECT_EQ(acceptable_encodings("br;q=0, *", kOffered), (Codings{"gzip"}));
    EXPECT_EQ(acceptable_encodings("*;q=0", kOffered), (Codings{}));
}

TEST(AcceptEncoding, AMalformedWeightIsARefusalNotAWish) {
    EXPECT_EQ(acceptable_encodings("br;q=high, gzip", kOffered), (Codings{"gzip"}));
    EXPECT_EQ(acceptable_encodings("br;q=2, gzip;q=", kOffered), (Codings{}));
    EXPECT_EQ(acceptable_encodings(",,, ;q=1, gzip", kOffered), (Codings{"gzip"}));
}

}  // namespace
}  // namespace tandem::server
