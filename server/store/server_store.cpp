#include "store/server_store.h"

#include <sys/stat.h>

#include "store/postgres_connection.h"
#include "store/server_schema.h"

namespace tandem::server {

std::unique_ptr<Store> open_server_store(const std::string& locator, bool reader) {
    if (is_postgres_url(locator)) {
        auto store = std::make_unique<Store>(Database(std::make_unique<PostgresConnection>(locator)));
        if (!reader) migrate_server_schema(*store);
        return store;
    }
    auto store = std::make_unique<Store>(locator, StoreOptions{true, reader});
    if (!reader) migrate_server_schema(*store);
    return store;
}

bool is_empty_database(const std::string& locator) {
    if (!is_postgres_url(locator)) {
        struct stat info {};
        return stat(locator.c_str(), &info) != 0;
    }
    Database db(std::make_unique<PostgresConnection>(locator));
    Statement tables(db, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()");
    tables.step();
    return tables.integer(0) == 0;
}

}  // namespace tandem::server
