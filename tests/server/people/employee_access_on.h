#pragma once
// For people tests whose subject is invitations or sign-in rather than HR's switch: employees receive most
// invitations, so their organisation has employee access on (employee_access_test.cpp covers the switch).
#include <string>

#include "auth/accounts.h"
#include "store/server_store.h"

namespace tandem::testing {

inline void switch_employee_access_on(const std::string& database) {
    auto store = server::open_server_store(database);
    server::write_employee_access(*store, true, "2026-01-01");
}

}  // namespace tandem::testing
