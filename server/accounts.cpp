#include "accounts.h"

#include "tandem/dates.h"
#include "tandem/entity.h"

#include <sodium.h>

#include <algorithm>
#include <ctime>
#include <stdexcept>

namespace tandem::server {

namespace {
constexpr int kExpiredSessionsPerSignIn = 100;

std::string to_hex(const unsigned char* data, size_t size) {
    std::string hex(size * 2, '0');
    sodium_bin2hex(hex.data(), hex.size() + 1, data, size);
    return hex;
}

std::string normalised_email(const std::string& email) { return lower_ascii(email); }

// A person may sign in until their exit date (UTC) arrives.
bool has_left(const RecordState& person, int64_t now_seconds) {
    const std::string exit = person.text("exit_date");
    return !exit.empty() && exit <= iso_from_millis(uint64_t(now_seconds) * 1000);
}
}  // namespace

void create_account_tables(Store& store) {
    store.database().exec(R"sql(
CREATE TABLE IF NOT EXISTS accounts(
  person_id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions(
  token_digest TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions(expires_at);
CREATE INDEX IF NOT EXISTS sessions_by_person ON sessions(person_id);
CREATE TABLE IF NOT EXISTS invites(
  person_id TEXT PRIMARY KEY,
  token_digest TEXT NOT NULL UNIQUE,
  expires_on TEXT NOT NULL
);
)sql");
}

std::string hash_password(const std::string& password) {
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("password hashing ran out of memory");
    return hash;
}

const std::string& decoy_password_hash() {
    static const std::string hash = hash_password("decoy password that matches no account");
    return hash;
}

void add_account(Store& store, const std::string& person_id, const std::string& email, const std::string& password) {
    Statement insert(store.database().handle(),
                     "INSERT OR REPLACE INTO accounts(person_id, email, password_hash) VALUES (?, ?, ?)");
    insert.bind(1, person_id).bind(2, normalised_email(email)).bind(3, hash_password(password)).run();
}

std::string token_digest(const std::string& token) {
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       nullptr, 0);
    return to_hex(digest, sizeof digest);
}

std::optional<std::string> bearer_token(const std::string& authorization) {
    size_t at = authorization.find_first_not_of(' ');
    static const std::string scheme = "bearer";
    if (at == std::string::npos || authorization.size() < at + scheme.size() + 1) return std::nullopt;
    for (size_t i = 0; i < scheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(authorization[at + i])) != scheme[i]) return std::nullopt;
    at += scheme.size();
    if (authorization[at] != ' ') return std::nullopt;
    at = authorization.find_first_not_of(' ', at);
    if (at == std::string::npos) return std::nullopt;
    const size_t end = authorization.find_last_not_of(' ');
    return authorization.substr(at, end + 1 - at);
}

std::optional<Account> find_account(Store& store, const std::string& email) {
    Statement lookup(store.database().handle(),
                     "SELECT a.person_id, a.password_hash, r.state FROM accounts a "
                     "JOIN records r ON r.record_id = a.person_id WHERE a.email = ? AND r.deleted = 0");
    lookup.bind(1, normalised_email(email));
    if (!lookup.step()) return std::nullopt;
    Account account{lookup.text(0), lookup.text(1), "", Role::Employee};
    RecordState person;
    person.fields = Json::parse(lookup.text(2));
    lookup.reset();
    if (!parse_role(person.text("role"), account.role)) return std::nullopt;
    account.name = person.text("name");
    if (has_left(person, int64_t(time(nullptr)))) return std::nullopt;
    return account;
}

std::string Accounts::open_session(Store& writer, const Account& account, int64_t now_seconds) {
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    std::string token = to_hex(raw, sizeof raw);
    Statement purge(writer.database().handle(),
                    "DELETE FROM sessions WHERE token_digest IN "
                    "(SELECT token_digest FROM sessions WHERE expires_at <= ? LIMIT ?)");
    purge.bind(1, now_seconds).bind(2, int64_t(kExpiredSessionsPerSignIn)).run();
    Statement insert(writer.database().handle(),
                     "INSERT INTO sessions(token_digest, person_id, expires_at) VALUES (?, ?, ?)");
    insert.bind(1, token_digest(token))
        .bind(2, account.person_id)
        .bind(3, now_seconds + int64_t(session_days_) * 86400)
        .run();
    return token;
}

std::optional<Actor> Accounts::authenticate(Store& store, const std::string& token, int64_t now_seconds) {
    if (token.size() != 64) return std::nullopt;
    Statement lookup(store.database().handle(),
                     "SELECT s.person_id, r.state FROM sessions s JOIN records r ON r.record_id = s.person_id "
                     "WHERE s.token_digest = ? AND s.expires_at > ? AND r.deleted = 0");
    lookup.bind(1, token_digest(token)).bind(2, now_seconds);
    if (!lookup.step()) return std::nullopt;
    RecordState person;
    person.fields = Json::parse(lookup.text(1));
    Actor actor{lookup.text(0), Role::Employee};
    lookup.reset();
    if (!parse_role(person.text("role"), actor.role) || has_left(person, now_seconds)) return std::nullopt;
    return actor;
}

void Accounts::sign_out(Store& store, const std::string& token) {
    Statement remove(store.database().handle(), "DELETE FROM sessions WHERE token_digest = ?");
    remove.bind(1, token_digest(token)).run();
}

void Accounts::end_sessions(Store& writer, const std::string& person_id) {
    Statement(writer.database().handle(), "DELETE FROM sessions WHERE person_id = ?").bind(1, person_id).run();
}

void Accounts::store_invite(Store& writer, const std::string& person_id, const std::string& digest,
                            const std::string& expires_on) {
    Statement(writer.database().handle(),
              "INSERT OR REPLACE INTO invites(person_id, token_digest, expires_on) VALUES (?, ?, ?)")
        .bind(1, person_id)
        .bind(2, digest)
        .bind(3, expires_on)
        .run();
}

std::optional<std::string> Accounts::invited_person(Store& store, const std::string& digest, const std::string& today) {
    Statement lookup(store.database().handle(),
                     "SELECT i.person_id, r.state FROM invites i JOIN records r ON r.record_id = i.person_id "
                     "WHERE i.token_digest = ? AND i.expires_on >= ? AND r.deleted = 0");
    lookup.bind(1, digest).bind(2, today);
    if (!lookup.step()) return std::nullopt;
    std::string person_id = lookup.text(0);
    RecordState person;
    person.fields = Json::parse(lookup.text(1));
    lookup.reset();
    const std::string exit = person.text("exit_date");
    if (!exit.empty() && exit <= today) return std::nullopt;
    return person_id;
}

void Accounts::activate(Store& writer, const std::string& person_id, const std::string& email,
                        const std::string& password_hash) {
    Statement(writer.database().handle(), "DELETE FROM accounts WHERE person_id = ? OR email = ?")
        .bind(1, person_id)
        .bind(2, normalised_email(email))
        .run();
    Statement(writer.database().handle(), "INSERT INTO accounts(person_id, email, password_hash) VALUES (?, ?, ?)")
        .bind(1, person_id)
        .bind(2, normalised_email(email))
        .bind(3, password_hash)
        .run();
    Statement(writer.database().handle(), "DELETE FROM invites WHERE person_id = ?").bind(1, person_id).run();
}

} // namespace tandem::server
