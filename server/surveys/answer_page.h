#pragma once
// The page a one-time answer link opens (docs/api.md, Answer links): plain HTML and a little ES5 script, so a
// survey can be answered on an old phone without WebAssembly or the app. The token stays in the address's
// fragment, which browsers never send to a server, and the page sends it only to the answer endpoint.
#include <string>

namespace tandem::server {
const std::string& answer_page_html();
}
