#pragma once
// Decodes a gzip (RFC 1952) body, for tests and benchmarks that read the server's compressed answers as a
// client would. Throws when the stream is not whole, so a cut answer cannot pass for a short one.
#include <zlib.h>

#include <stdexcept>
#include <string>

namespace tandem::testing {

inline std::string gunzip(const std::string& compressed) {
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK) throw std::runtime_error("zlib could not start inflating");
    std::string out(compressed.size() * 4 + 64, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = uInt(compressed.size());
    int status = Z_OK;
    while (status == Z_OK) {
        if (stream.total_out == out.size()) out.resize(out.size() * 2);
        stream.next_out = reinterpret_cast<Bytef*>(out.data() + stream.total_out);
        stream.avail_out = uInt(out.size() - stream.total_out);
        status = inflate(&stream, Z_NO_FLUSH);
    }
    out.resize(stream.total_out);
    inflateEnd(&stream);
    if (status != Z_STREAM_END) throw std::runtime_error("the gzip stream is not whole");
    return out;
}

}  // namespace tandem::testing
