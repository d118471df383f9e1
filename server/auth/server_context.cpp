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
    if (databases.shared_by_instances()) shared_counters = std::make_unique<SharedCounters>(databases);
    reload_org_chart();
}

namespace {
// The newest change to anyone's person record; through the (entity, seq) index, one row.
int64_t latest_person_change(Store& store) {
    Statement latest(store.database(), "SELECT COALESCE(MAX(seq), 0) FROM change_log WHERE entity = 'person'");
    latest.step();
    return latest.integer(0);
}
}  // namespace

std::shared_ptr<const OrgChart> ServerContext::org_chart() {
    // Instances sharing a database learn of each other's moves, role changes and exits from the log, before
    // the chart decides anything: a manager moved away on one instance reads nothing more on another.
    if (databases.shared_by_instances()) {
        const int64_t latest = databases.read([](Store& store) { return latest_person_change(store); });
        bool stale = false;
        {
            std::lock_guard<std::mutex> lock(org_mutex_);
            stale = latest != org_covers_;
        }
        if (stale) reload_org_chart();
    }
    std::lock_guard<std::mutex> lock(org_mutex_);
    return org_;
}

void ServerContext::reload_org_chart() {
    // The position first: a change landing while the chart loads makes the next call load it again.
    auto [covers, org] = databases.read([](Store& store) {
        const int64_t position = latest_person_change(store);
        return std::make_pair(position, std::make_shared<const OrgChart>(load_org_chart(store)));
    });
    std::lock_guard<std::mutex> lock(org_mutex_);
    org_ = std::move(org);
    org_covers_ = covers;
}

} // namespace tandem::server
