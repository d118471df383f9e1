#pragma once
#include <string>
#include <string_view>

#include <httplib.h>

namespace tandem::server {

// API answers are made per request, so they are compressed per request: here, once, at zlib's fastest level.
// httplib would compress them itself at zlib's default level (16 ms for one 400 KB page of a pull, so a full
// pull of 100,000 changes spent about 1.6 s of the server's time in gzip for a client that accepts it, as
// browsers and HTTP libraries do); level 1 makes the same page in a fraction of that and still about a
// fifth of its size.

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
