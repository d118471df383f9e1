#pragma once
#include <string>

namespace tandem::server {

// The page an invitation link opens (`/invite#<token>`): the person chooses a password, on a phone or a
// desktop, without loading the app; then they open the app and sign in.
const std::string& invite_page_html();

} // namespace tandem::server
