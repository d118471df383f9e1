// The web client's files as a browser receives them: MIME types, brotli or gzip, cache headers, no escaping
// the folder.
#include <fstream>

#include "live_server.h"
#include "support/raw_http.h"

namespace tandem::testing {
namespace {

class StaticFiles : public LiveServer {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        database = dir.file("server.db");
        make_database();  // serving files needs nobody in the organisation
        write("index.html", "<!doctype html><title>Tandem</title>");
        write("tandem.0123456789ab.wasm", std::string("\0asm\1\0\0\0", 8));
        write("tandem.0123456789ab.wasm.gz", "pretend-gzip");
        write("tandem.0123456789ab.wasm.br", "pretend-brotli");
        write("tandem.0123456789ab.js", "var Module;");
        write("tandem.0123456789ab.js.gz", "pretend-gzip-js");  // a build without brotli copies
        start(8 * 1024 * 1024, web_dir);
    }
    void write(const std::string& name, const std::string& content) {
        std::ofstream(web_dir + "/" + name, std::ios::binary) << content;
    }
    std::string web_dir = dir.file("");
};

TEST_F(StaticFiles, ThePageIsAlwaysRevalidated) {
    auto reply = client().Get("/");
    ASSERT_EQ(reply->status, 200);
    EXPECT_EQ(reply->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(reply->get_header_value("Cache-Control"), "no-cache");
    EXPECT_NE(reply->body.find("Tandem"), std::string::npos);
}

TEST_F(StaticFiles, HashedWasmIsImmutableWasmAndGzippedWhenAccepted) {
    auto plain = client().Get("/tandem.0123456789ab.wasm");
    ASSERT_EQ(plain->status, 200);
    EXPECT_EQ(plain->get_header_value("Content-Type"), "application/wasm");
    EXPECT_EQ(plain->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(plain->body.substr(1, 3), "asm");
    auto http = client();
    http.set_decompress(false);  // the stored .gz sibling is sent as is; this test's bytes are not real gzip
    auto zipped = http.Get("/tandem.0123456789ab.wasm", {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(zipped);
    EXPECT_EQ(zipped->get_header_value("Content-Encoding"), "gzip");
    EXPECT_EQ(zipped->body, "pretend-gzip");
    EXPECT_EQ(zipped->get_header_value("Vary"), "Accept-Encoding");
}

TEST_F(StaticFiles, TheSmallestCopyTheBrowserAcceptsIsSentAsStored) {
    auto http = client();
    http.set_decompress(false);
    const auto get = [&](const char* path, const char* accept) {
        auto reply = http.Get(path, {{"Accept-Encoding", accept}});
        EXPECT_TRUE(reply && reply->status == 200) << path << " " << accept;
        return std::pair(reply->get_header_value("Content-Encoding"), reply->body);
    };
    EXPECT_EQ(get("/tandem.0123456789ab.wasm", "gzip, deflate, br"), std::pair(std::string("br"), std::string("pretend-brotli")));
    EXPECT_EQ(get("/tandem.0123456789ab.wasm", "br;q=0, gzip"), std::pair(std::string("gzip"), std::string("pretend-gzip")));
    EXPECT_EQ(get("/tandem.0123456789ab.wasm", "br;q=0.2, gzip;q=0.8"), std::pair(std::string("gzip"), std::string("pretend-gzip")));
    EXPECT_EQ(get("/tandem.0123456789ab.wasm", "identity").first, "");
    EXPECT_EQ(get("/tandem.0123456789ab.wasm", "identity").second.substr(1, 3), "asm");
    // No brotli sibling: the gzip one, under one Content-Encoding and not compressed a second time.
    EXPECT_EQ(get("/tandem.0123456789ab.js", "br, gzip"), std::pair(std::string("gzip"), std::string("pretend-gzip-js")));
    auto script = http.Get("/tandem.0123456789ab.js", {{"Accept-Encoding", "br, gzip"}});
    ASSERT_TRUE(script);
    EXPECT_EQ(script->get_header_value_count("Content-Encoding"), 1u);
    EXPECT_EQ(script->get_header_value("Content-Length"), std::to_string(std::string("pretend-gzip-js").size()));
}

TEST_F(StaticFiles, NothingOutsideTheFolderAndMissingFilesAreJson404) {
    auto climb = client().Get("/../server.db");
    ASSERT_TRUE(climb);
    EXPECT_EQ(climb->status, 404);
    auto encoded = client().Get("/%2e%2e/server.db");
    EXPECT_EQ(encoded->status, 404);
    auto missing = client().Get("/nope.js");
    EXPECT_EQ(missing->status, 404);
    EXPECT_EQ(Json::parse(missing->body)["error"]["code"], "not_found");
}

TEST_F(StaticFiles, AControlCharacterInThePathIsRefusedNotServedUnderAnotherType) {
    // %00 once cut the name to index.html while the extension and immutable caching came from ".js".
    RawConnection attacker(port);
    ASSERT_TRUE(attacker.send_all("GET /index.html%00.0123abcdef.js HTTP/1.1\r\nHost: x\r\n\r\n"));
    const std::string response = attacker.read_response();
    EXPECT_EQ(RawConnection::status_of(response), 400);
    EXPECT_EQ(response.find("immutable"), std::string::npos);
    EXPECT_EQ(response.find("Tandem"), std::string::npos);
    for (const char* path : {"/index.html%0a.js", "/index.html%7f"})
        EXPECT_EQ(client().Get(path)->status, 400) << path;
}

TEST_F(StaticFiles, SymbolicLinksAreNotFollowedOutOfTheFolder) {
    TempDir outside;
    std::ofstream(outside.file("secret.txt")) << "not for the web";
    ASSERT_EQ(symlink(outside.file("secret.txt").c_str(), (web_dir + "/secret.js").c_str()), 0);
    ASSERT_EQ(symlink(outside.file("").c_str(), (web_dir + "/elsewhere").c_str()), 0);
    ASSERT_EQ(symlink((web_dir + "/index.html").c_str(), (web_dir + "/home.html").c_str()), 0);
    for (const char* path : {"/secret.js", "/elsewhere/secret.txt"}) {
        auto reply = client().Get(path);
        ASSERT_TRUE(reply);
        EXPECT_EQ(reply->status, 404) << path;
        EXPECT_EQ(reply->body.find("not for the web"), std::string::npos);
    }
    EXPECT_EQ(client().Get("/home.html")->status, 200) << "a link that stays inside is fine";
}

}  // namespace
}  // namespace tandem::testing
