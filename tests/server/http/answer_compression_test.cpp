// API answers are compressed by httplib as they are made: gzip when the client accepts it, never brotli
// (httplib's brotli runs at its slowest quality; a browser's first sync waited on it for every page).
#include "http/accept_encoding.h"
#include "live_server.h"

namespace tandem::testing {
namespace {

class AnswerCompression : public LiveServer {};

TEST_F(AnswerCompression, ABrowserThatNamesBrotliGetsGzipAndTheJsonIsWhole) {
    auto http = client();
    http.set_decompress(false);
    const auto coding_of = [&](const char* accept) {
        auto reply = http.Get("/api/v1/sync/pull?since=0", {{"Accept-Encoding", accept}});
        EXPECT_TRUE(reply) << accept;
        return reply ? reply->get_header_value("Content-Encoding") : std::string("no answer");
    };
    EXPECT_EQ(coding_of("gzip, deflate, br"), "gzip");
    EXPECT_EQ(coding_of("br;q=1, gzip;q=0.5"), "gzip");
    EXPECT_EQ(coding_of("br"), "") << "brotli alone: the answer is sent uncompressed";
    EXPECT_EQ(coding_of("gzip;q=0, br"), "") << "q=0 refuses gzip, which httplib alone would not see";

    auto decoded = client().Get("/api/v1/sync/pull?since=0", {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->status, 401);
    const Json body = Json::parse(decoded->body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << decoded->body;
    EXPECT_TRUE(body.contains("error"));
}

TEST(AcceptEncodingForAnswers, GzipWhenAcceptedOtherwiseIdentity) {
    EXPECT_EQ(server::accept_encoding_for_answers("gzip, deflate, br"), "gzip");
    EXPECT_EQ(server::accept_encoding_for_answers("*"), "gzip");
    EXPECT_EQ(server::accept_encoding_for_answers("br"), "identity");
    EXPECT_EQ(server::accept_encoding_for_answers("gzip;q=0"), "identity");
    EXPECT_EQ(server::accept_encoding_for_answers(""), "identity");
}

}  // namespace
}  // namespace tandem::testing
