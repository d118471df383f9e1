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

// The coding an API answer may go out in: "gzip" when the header accepts gzip, else "identity". Never brotli:
// answers are made per request and compressed per request (answer_compression.h), where brotli's good
// qualities cost far more than gzip's fastest level; brotli is for the files compressed once at build time
// (static_files.cpp).
std::string accept_encoding_for_answers(const std::string& accept_encoding);

}  // namespace tandem::server
