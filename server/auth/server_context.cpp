#include "auth/server_context.h"

#include <algorithm>

namespace tandem::server {

OrgChart load_org_chart(Store& store) {
    OrgChart org;
    for (const auto& person : store.records_of("person")) {
        if (person.state.deleted) continue;
        Role role = Role::Employee;
        parse_role(person.state.text("role"), role);
        org.set_person(person.state.record_id, person.state.text("manager_id"), role);
        org.set_name(person.state.record_id, person.state.text("name"));
    }
    return org;
}

ServerContext::ServerContext(ServerOptions server_options)
    : options(std::move(server_options)),
      databases(options.database_path, size_t(std::max(2, options.threads))),
      accounts(options.session_days),
      hasher(options.hashing_threads, 4 * options.hashing_threads) {
    reload_org_chart();
}

std::shared_ptr<const OrgChart> ServerContext::org_chart() {
    std::lock_guard<std::mutex> lock(org_mutex_);
    return org_;
}

void ServerContext::reload_org_chart() {
    auto org = databases.read([](Store& store) { return std::make_shared<const OrgChart>(load_org_chart(store)); });
    std::lock_guard<std::mutex> lock(org_mutex_);
    org_ = std::move(org);
}

} // namespace tandem::server
