#pragma once
#include <httplib.h>

#include <string>

namespace tandem::server {

// Serves the built web client from `dir`: the right MIME types (application/wasm for streaming
// compilation), a precompressed `.br` or `.gz` sibling when the browser accepts it, and cache headers that fit
// content-hashed file names (immutable for a year) versus entry points (always revalidated).
void serve_web_client(httplib::Server& http, const std::string& dir);

} // namespace tandem::server
