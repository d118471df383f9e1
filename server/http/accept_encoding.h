#pragma once
#include <string>
#include <vector>

namespace tandem::server {

// The content codings a request's Accept-Encoding header (RFC 9110 §12.5.3) lets us send, best first,
// chosen from `offered` (in our order of preference, e.g. {"br", "gzip"}). A coding the header names with
// q=0 is refused, and so is one it does not name unless "*" accepts it; equal weights keep our order.
// Identity is not in the list: it is always the last resort for files we keep uncompressed anyway.
std::vector<std::string> acceptable_encodings(const std::string& accept_encoding,
                                              const std::vector<std::string>& offered);

// What httplib may read of a request's Accept-Encoding when it compresses an answer made for that request:
// "gzip" when the header accepts gzip, else "identity". httplib itself picks brotli whenever the header
// names it (q=0 too), at brotli's slowest quality: 0.7-0.95 s for one 400 KB page of a pull, against
// 16 ms for gzip. Brotli stays for the files compressed once at build time (static_files.cpp).
std::string accept_encoding_for_answers(const std::string& accept_encoding);

}  // namespace tandem::server
