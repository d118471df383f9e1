// API answers are compressed as they are made, by the server itself at zlib's fastest level: gzip when the
// client accepts it, never brotli (httplib's brotli runs at its slowest quality; a browser's first sync
// waited on it for every page), and never by httplib at zlib's default level.
#include "http/accept_encoding.h"
#include "http/answer_compression.h"
#include "live_server.h"
#include "support/gunzip.h"

namespace tandem::testing {
namespace {

class AnswerCompression : public LiveServer {
protected:
    // Two teams with a few 1:1s, so a manager's first pull is a page worth compressing.
    void declare(TestOrg& org) override {
        add_two_teams(org);
        for (int i = 0; i < 20; ++i)
            org.write("manager1", "checkin",
                      {{"report_id", org.id("m1r1")}, {"held_on", org.days_ago(7 * i)},
                       {"shared_notes", "Week " + std::to_string(i) + ": workload, the migration, and what helps."}});
    }
};

TEST_F(AnswerCompression, ABrowserThatNamesBrotliGetsGzipAndTheJsonIsWhole) {
    const Session manager = sign_in("manager1@example.test");
    auto http = client();
    http.set_decompress(false);
    const auto coding_of = [&](const char* accept) {
        httplib::Headers headers = bearer(manager);
        headers.emplace("Accept-Encoding", accept);
        auto reply = http.Get("/api/v1/sync/pull?since=0", headers);
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

TEST_F(AnswerCompression, APullPageIsGzippedOnceAtTheFastestLevelAndDecodesToThePlainAnswer) {
    const Session manager = sign_in("manager1@example.test");
    auto http = client();
    http.set_decompress(false);
    auto with = [&](const char* accept) {
        httplib::Headers headers = bearer(manager);
        headers.emplace("Accept-Encoding", accept);
        auto reply = http.Get("/api/v1/sync/pull?since=0&limit=1000", headers);
        EXPECT_TRUE(reply);
        EXPECT_EQ(reply->status, 200);
        return reply;
    };
    auto plain = with("identity");
    auto gzipped = with("gzip, deflate, br");
    ASSERT_TRUE(plain && gzipped);
    EXPECT_EQ(plain->get_header_value("Content-Encoding"), "");
    ASSERT_EQ(gzipped->get_header_value("Content-Encoding"), "gzip");
    EXPECT_EQ(gzipped->get_header_value("Vary"), "Accept-Encoding");
    EXPECT_EQ(gzipped->get_header_value_count("Content-Length"), 1u) << "one length, the compressed one";
    EXPECT_EQ(gzipped->get_header_value("Content-Length"), std::to_string(gzipped->body.size()));
    ASSERT_GT(gzipped->body.size(), 10u);
    // RFC 1952's XFL byte: zlib writes 4 for its fastest level and 0 for the default level httplib uses,
    // so a second compression by httplib or a slower level would show here.
    EXPECT_EQ(uint8_t(gzipped->body[8]), 4);
    EXPECT_LT(gzipped->body.size(), plain->body.size() / 2);
    // Nothing is written between the two reads, so the answers are the same bytes.
    EXPECT_EQ(gunzip(gzipped->body), plain->body);
}

TEST(AcceptEncodingForAnswers, GzipWhenAcceptedOtherwiseIdentity) {
    EXPECT_EQ(server::accept_encoding_for_answers("gzip, deflate, br"), "gzip");
    EXPECT_EQ(server::accept_encoding_for_answers("*"), "gzip");
    EXPECT_EQ(server::accept_encoding_for_answers("br"), "identity");
    EXPECT_EQ(server::accept_encoding_for_answers("gzip;q=0"), "identity");
    EXPECT_EQ(server::accept_encoding_for_answers(""), "identity");
}

TEST(GzipFastest, RoundTripsEmptySmallAndLargeBodies) {
    std::string large;
    for (int i = 0; i < 200000; ++i) large += "{\"seq\":" + std::to_string(i) + ",\"entity\":\"checkin\"},";
    for (const std::string& body : {std::string(), std::string("{}"), large}) {
        const std::string compressed = server::gzip_fastest(body);
        EXPECT_EQ(gunzip(compressed), body);
    }
    EXPECT_LT(server::gzip_fastest(large).size(), large.size() / 5);
}

}  // namespace
}  // namespace tandem::testing
