#pragma once
#include <string>
#include <string_view>

#include <httplib.h>

namespace tandem::server {

// API answers are made per request, so they are compressed per request: here, once, at zlib's fastest level.
// httplib would compress them itself at zlib's default level, for every client that accepts gzip (browsers
// and HTTP libraries do). For the 100 pages of bench-sync's full pull that took 0.17 s against 0.08 s at the
// fastest level, for 14 % more bytes (docs/benchmarks.md); less repetitive text widens the gap.

// Called by the gate before any handler: notes, for this thread's request, whether its answer may be sent
// gzip (RFC 9110 weights honoured), then tells httplib the client accepts identity only, so it never
// compresses the answer a second time. Requests outside /api/ are left as they are (static files choose
// their precompressed copies).
void choose_answer_coding(httplib::Request& request);

// Called after the handler: compresses the answer's body when choose_answer_coding allowed gzip and the
// body shrinks; answers from a content provider or for a range are sent as they are.
void compress_answer(const httplib::Request& request, httplib::Response& response);

// gzip (RFC 1952) of `input` at zlib's fastest level.
std::string gzip_fastest(std::string_view input);

}  // namespace tandem::server
