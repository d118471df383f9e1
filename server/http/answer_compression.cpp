#include "http/answer_compression.h"

#include <zlib.h>

#include <stdexcept>

#include "http/accept_encoding.h"

namespace tandem::server {

namespace {

// Whether the answer to the request this thread is serving may go out gzip. httplib serves each request on
// one thread from the gate to the last header, and the gate sets this for every request, API or not.
thread_local bool answer_may_be_gzip = false;

// One deflate state per thread, reset between answers: deflateInit allocates about 256 KB each time.
class Deflater {
public:
    Deflater() {
        // windowBits 15 + 16 asks zlib for the gzip wrapper rather than zlib's own.
        if (deflateInit2(&stream_, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            throw std::runtime_error("zlib could not start a gzip stream");
    }
    ~Deflater() { deflateEnd(&stream_); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    std::string gzip(std::string_view input) {
        if (deflateReset(&stream_) != Z_OK) throw std::runtime_error("zlib could not reset a gzip stream");
        std::string out(deflateBound(&stream_, uLong(input.size())), '\0');
        stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
        stream_.avail_in = uInt(input.size());
        stream_.next_out = reinterpret_cast<Bytef*>(out.data());
        stream_.avail_out = uInt(out.size());
        // deflateBound leaves room for the whole stream, so one call finishes it.
        if (deflate(&stream_, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("zlib could not finish a gzip stream");
        out.resize(stream_.total_out);
        return out;
    }

private:
    z_stream stream_{};
};

}  // namespace

std::string gzip_fastest(std::string_view input) {
    if (input.size() > 0x7fffffffu) throw std::length_error("too large to compress in one call");
    thread_local Deflater deflater;
    return deflater.gzip(input);
}

void choose_answer_coding(httplib::Request& request) {
    answer_may_be_gzip = false;
    if (request.path.rfind("/api/", 0) != 0) return;
    if (request.has_header("Accept-Encoding"))
        answer_may_be_gzip = accept_encoding_for_answers(request.get_header_value("Accept-Encoding")) == "gzip";
    request.headers.erase("Accept-Encoding");
    request.headers.emplace("Accept-Encoding", "identity");
}

void compress_answer(const httplib::Request& request, httplib::Response& response) {
    // Reset on use: a request httplib refuses before the gate (a malformed request line) never sets it.
    const bool may_be_gzip = answer_may_be_gzip;
    answer_may_be_gzip = false;
    if (!may_be_gzip || request.path.rfind("/api/", 0) != 0) return;
    if (response.body.empty() || response.has_header("Content-Encoding") || response.has_header("Content-Range"))
        return;
    std::string compressed = gzip_fastest(response.body);
    response.headers.erase("Vary");
    response.set_header("Vary", "Accept-Encoding");
    if (compressed.size() >= response.body.size()) return;
    response.body = std::move(compressed);
    response.set_header("Content-Encoding", "gzip");
    // httplib counted the body before this handler ran (set_header adds a header, it does not replace one).
    response.headers.erase("Content-Length");
    response.set_header("Content-Length", std::to_string(response.body.size()));
}

}  // namespace tandem::server
