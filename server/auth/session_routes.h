#pragma once
// Signing in and out (docs: API, Sessions). Accepting an invitation signs in as well, so the answer's shape
// is shared.
#include <httplib.h>

#include <string>

#include "auth/accounts.h"

namespace tandem::server {

class RouteTable;
struct ServerContext;

void add_session_routes(RouteTable& routes, ServerContext& server);
// The answer to a successful sign-in: the token and who it is, and a recent password reset by HR if any.
void send_sign_in(httplib::Response& response, const std::string& token, const Account& account);
// 401 `employee_access_off`: an employee signing in, or accepting a link, while HR has employee access off.
void send_employee_access_off(httplib::Response& response);

} // namespace tandem::server
