#include "test_database.h"

#include <dirent.h>
#include <sodium.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "store/postgres_connection.h"

namespace tandem::testing {

namespace {

std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

Database connect(const std::string& url) { return Database(std::make_unique<server::PostgresConnection>(url)); }

// The URL of `admin_url`'s server with another database name (its parameters kept).
std::string with_database(const std::string& admin_url, const std::string& name) {
    const size_t query = admin_url.find('?');
    const std::string path = admin_url.substr(0, query);
    return path.substr(0, path.rfind('/') + 1) + name + (query == std::string::npos ? "" : admin_url.substr(query));
}

}  // namespace

TestDatabase::TestDatabase(TempDir& dir) {
    const char* cluster = std::getenv("TANDEM_TEST_POSTGRES");
    if (!cluster || !*cluster) {
        locator_ = dir.file("server.db");
        return;
    }
    admin_url_ = read_file(std::string(cluster) + "/url");
    while (!admin_url_.empty() && (admin_url_.back() == '\n' || admin_url_.back() == ' ')) admin_url_.pop_back();
    if (admin_url_.empty()) throw std::runtime_error(std::string("no cluster running in ") + cluster);
    unsigned char random[8];
    randombytes_buf(random, sizeof random);
    name_ = "test_";
    for (unsigned char byte : random) name_ += "0123456789abcdef"[byte >> 4], name_ += "0123456789abcdef"[byte & 15];
    connect(admin_url_).exec("CREATE DATABASE " + name_ + " TEMPLATE template0");
    locator_ = with_database(admin_url_, name_);
}

TestDatabase::~TestDatabase() {
    if (!is_postgres()) return;
    try {
        connect(admin_url_).exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception&) {
        // A database left behind goes with the cluster folder.
    }
}

std::string TestDatabase::raw_bytes() {
    if (!is_postgres()) {
        std::string bytes;
        for (const char* suffix : {"", "-wal", "-shm"}) bytes += read_file(locator_ + suffix);
        return bytes;
    }
    Database admin = connect(admin_url_);
    admin.exec("CHECKPOINT");
    Statement where(admin, "SELECT current_setting('data_directory') || '/base/' || oid FROM pg_database "
                           "WHERE datname = ?");
    where.bind(1, name_);
    if (!where.step()) throw std::runtime_error("no database " + name_);
    const std::string folder = where.text(0);
    std::string bytes;
    DIR* dir = opendir(folder.c_str());
    if (!dir) throw std::runtime_error("cannot read " + folder);
    while (dirent* entry = readdir(dir))
        if (entry->d_name[0] != '.') bytes += read_file(folder + "/" + entry->d_name);
    closedir(dir);
    return bytes;
}

std::string TestDatabase::files_holding(const std::string& needle) {
    if (!is_postgres()) return raw_bytes().find(needle) == std::string::npos ? "" : locator_;
    Database admin = connect(admin_url_);
    admin.exec("CHECKPOINT");
    Statement where(admin, "SELECT current_setting('data_directory') || '/base/' || oid FROM pg_database "
                           "WHERE datname = ?");
    where.bind(1, name_);
    if (!where.step()) return "";
    const std::string folder = where.text(0);
    Database db = connect(locator_);
    std::string found;
    DIR* dir = opendir(folder.c_str());
    while (dir) {
        dirent* entry = readdir(dir);
        if (!entry) break;
        if (entry->d_name[0] == '.' || read_file(folder + "/" + entry->d_name).find(needle) == std::string::npos)
            continue;
        const std::string file = entry->d_name;
        Statement relation(db, "SELECT relname FROM pg_class WHERE pg_relation_filenode(oid)::text = ?");
        relation.bind(1, file.substr(0, file.find_first_of("._")));
        found += file + (relation.step() ? " (" + relation.text(0) + ") " : " ");
    }
    if (dir) closedir(dir);
    return found;
}

std::map<std::string, TableRows> TestDatabase::every_row() {
    Database db = is_postgres() ? connect(locator_) : Database(locator_);
    std::vector<std::string> tables;
    {
        Statement list(db, is_postgres() ? "SELECT table_name FROM information_schema.tables "
                                           "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                                         : "SELECT name FROM sqlite_master WHERE type = 'table'");
        while (list.step()) tables.push_back(list.text(0));
    }
    std::map<std::string, TableRows> rows;
    for (const auto& table : tables) {
        Statement query(db, "SELECT * FROM \"" + table + "\"");
        rows[table];
        while (query.step()) {
            std::vector<std::string> row;
            for (int column = 0; column < query.columns(); ++column) row.push_back(query.blob(column));
            rows[table].insert(std::move(row));
        }
    }
    return rows;
}

}  // namespace tandem::testing
