#pragma once
// Survey tokens (docs/survey-tokens.md): the published keys, blind issuance to a signed-in person, and
// answers sent with a token and no session.
namespace tandem::server {

class RouteTable;
struct ServerContext;

void add_token_routes(RouteTable& routes, ServerContext& server);

} // namespace tandem::server
