#include "auth/accounts.h"

#include "tandem/base/dates.h"
#include "tandem/sync/entity.h"
#include "tandem/base/random_tokens.h"

#include <sodium.h>

#include <algorithm>
#include <ctime>
#include <stdexcept>

namespace tandem::server {

namespace {
constexpr int kExpiredSessionsPerSignIn = 100;
constexpr const char* kEmployeeAccessKey = "employee_access";
constexpr const char* kEmployeeAccessChangedKey = "employee_access_changed_on";

std::string to_hex(const unsigned char* data, size_t size) {
    std::string hex(size * 2, '0');
    sodium_bin2hex(hex.data(), hex.size() + 1, data, size);
    return hex;
}

// A person may sign in until their exit date (UTC) arrives.
bool has_left(const RecordState& person, int64_t now_seconds) {
    const std::string exit = person.text("exit_date");
    return !exit.empty() && exit <= iso_from_millis(uint64_t(now_seconds) * 1000);
}

// Unicode White_Space, plus the zero-width characters that show nothing either.
bool is_blank(uint32_t c) {
    return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200b) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
           c == 0x2060 || c == 0x3000 || c == 0xfeff;
}

// Sign-in and accept read the same row: the account, the person it belongs to, and who last reset it.
constexpr const char* kAccountQuery =
    "SELECT a.person_id, a.password_hash, r.state, a.reset_at, a.reset_by, b.state "
    "FROM records r JOIN accounts a ON a.person_id = r.record_id "
    "LEFT JOIN records b ON b.record_id = a.reset_by AND b.deleted = 0 "
    "WHERE r.entity = 'person' AND r.deleted = 0 AND ";

std::optional<Account> read_account(Statement& lookup) {
    if (!lookup.step()) return std::nullopt;
    Account account{lookup.text(0), lookup.text(1), "", Role::Employee, std::nullopt};
    RecordState person;
    person.fields = Json::parse(lookup.text(2));
    const int64_t now = int64_t(time(nullptr));
    if (!lookup.is_null(3) && now - lookup.integer(3) < kResetNoticeDays * 86400) {
        RecordState by;
        if (!lookup.is_null(5)) by.fields = Json::parse(lookup.text(5));
        account.reset = PasswordReset{lookup.integer(3), lookup.text(4), by.text("name")};
    }
    lookup.reset();
    if (!parse_role(person.text("role"), account.role)) return std::nullopt;
    account.name = person.text("name");
    if (has_left(person, now)) return std::nullopt;
    return account;
}
}  // namespace

std::string hash_password(const std::string& password, KeyCost cost) {
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(), cost.ops, cost.mem_bytes) != 0)
        throw std::runtime_error("password hashing ran out of memory");
    return hash;
}

const std::string& decoy_password_hash() {
    static const std::string hash = hash_password("decoy password that matches no account");
    return hash;
}

void add_account(Store& store, const std::string& person_id, const std::string& password, KeyCost cost) {
    add_account_with_hash(store, person_id, hash_password(password, cost));
}

void add_account_with_hash(Store& store, const std::string& person_id, const std::string& password_hash) {
    Statement insert(store.database(),
                     "INSERT INTO accounts(person_id, password_hash) VALUES (?, ?) ON CONFLICT(person_id) DO UPDATE SET "
                     "password_hash = excluded.password_hash, reset_at = NULL, reset_by = NULL");
    insert.bind(1, person_id).bind(2, password_hash).run();
}

bool weak_password(const std::string& utf8) {
    size_t characters = 0;
    bool visible = false;
    for (size_t i = 0; i < utf8.size(); ++characters) {
        const unsigned char lead = static_cast<unsigned char>(utf8[i]);
        const size_t length = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 1;
        uint32_t c = length == 1 ? lead : lead & (0x7fu >> length);
        for (size_t k = 1; k < length && i + k < utf8.size(); ++k) c = (c << 6) | (utf8[i + k] & 0x3f);
        i += length;
        visible = visible || !is_blank(c);
    }
    return characters < kMinPasswordCharacters || !visible;
}

std::string new_token() { return random_hex(32); }

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
    // Matches the person_by_email index, so a sign-in stays one index probe in an organisation of any size.
    Statement lookup(store.database(),
                     std::string(kAccountQuery) + "lower(json_extract(r.state, '$.email.v')) = lower(?) LIMIT 1");
    lookup.bind(1, email);
    return read_account(lookup);
}

std::optional<Account> account_of(Store& store, const std::string& person_id) {
    Statement lookup(store.database(), std::string(kAccountQuery) + "r.record_id = ?");
    lookup.bind(1, person_id);
    return read_account(lookup);
}

bool has_account(Store& store, const std::string& person_id) {
    Statement lookup(store.database(), "SELECT 1 FROM accounts WHERE person_id = ?");
    lookup.bind(1, person_id);
    const bool found = lookup.step();
    lookup.reset();
    return found;
}

std::string Accounts::open_session(Store& writer, const Account& account, int64_t now_seconds) {
    std::string token = new_token();
    Statement purge(writer.database(),
                    "DELETE FROM sessions WHERE token_digest IN "
                    "(SELECT token_digest FROM sessions WHERE expires_at <= ? LIMIT ?)");
    purge.bind(1, now_seconds).bind(2, int64_t(kExpiredSessionsPerSignIn)).run();
    Statement insert(writer.database(),
                     "INSERT INTO sessions(token_digest, person_id, expires_at) VALUES (?, ?, ?)");
    insert.bind(1, token_digest(token))
        .bind(2, account.person_id)
        .bind(3, now_seconds + int64_t(session_days_) * 86400)
        .run();
    return token;
}

std::optional<Actor> Accounts::authenticate(Store& store, const std::string& token, int64_t now_seconds) {
    if (token.size() != 64) return std::nullopt;
    Statement lookup(store.database(),
                     "SELECT s.person_id, r.state FROM sessions s JOIN records r ON r.record_id = s.person_id "
                     "WHERE s.token_digest = ? AND s.expires_at > ? AND r.deleted = 0");
    lookup.bind(1, token_digest(token)).bind(2, now_seconds);
    if (!lookup.step()) return std::nullopt;
    RecordState person;
    person.fields = Json::parse(lookup.text(1));
    Actor actor{lookup.text(0), Role::Employee};
    lookup.reset();
    if (!parse_role(person.text("role"), actor.role) || has_left(person, now_seconds)) return std::nullopt;
    if (actor.role == Role::Employee && !employee_access(store)) return std::nullopt;
    return actor;
}

EmployeeAccess read_employee_access(Store& reader) {
    EmployeeAccess access;
    access.enabled = reader.setting(kEmployeeAccessKey).value_or("off") == "on";
    access.changed_on = reader.setting(kEmployeeAccessChangedKey).value_or("");
    return access;
}

void write_employee_access(Store& writer, bool enabled, const std::string& today) {
    writer.set_setting(kEmployeeAccessKey, enabled ? "on" : "off");
    writer.set_setting(kEmployeeAccessChangedKey, today);
}

bool Accounts::employee_access(Store& store) {
    // On PostgreSQL another instance may switch it: the stored setting is read every time.
    if (store.database().dialect() == SqlDialect::postgres) return read_employee_access(store).enabled;
    int known = employee_access_.load();
    if (known >= 0) return known == 1;
    // Only fills an unread cache: a switch made meanwhile has already stored the newer value.
    const int read = read_employee_access(store).enabled ? 1 : 0;
    employee_access_.compare_exchange_strong(known, read);
    return employee_access_.load() == 1;
}

void Accounts::set_employee_access(Store& writer, bool enabled, const std::string& today,
                                   const std::function<void()>& also) {
    writer.transaction([&] {
        write_employee_access(writer, enabled, today);
        // A session kept while off would come back to life when HR switched access on again.
        if (!enabled)
            Statement(writer.database(),
                      "DELETE FROM sessions WHERE person_id IN (SELECT record_id FROM records WHERE entity = 'person' "
                      "AND json_extract(state, '$.role.v') = 'employee')")
                .run();
        also();
    });
    employee_access_.store(enabled ? 1 : 0);
}

void Accounts::sign_out(Store& store, const std::string& token) {
    Statement remove(store.database(), "DELETE FROM sessions WHERE token_digest = ?");
    remove.bind(1, token_digest(token)).run();
}

void Accounts::end_sessions(Store& writer, const std::string& person_id) {
    Statement(writer.database(), "DELETE FROM sessions WHERE person_id = ?").bind(1, person_id).run();
}

void Accounts::forget_person(Store& writer, const std::string& person_id) {
    Statement(writer.database(), "DELETE FROM accounts WHERE person_id = ?").bind(1, person_id).run();
    Statement(writer.database(), "DELETE FROM invites WHERE person_id = ?").bind(1, person_id).run();
    end_sessions(writer, person_id);
}

void Accounts::store_link(Store& writer, const std::string& person_id, const std::string& digest,
                          const std::string& expires_on, bool reset, const std::string& issued_by) {
    Statement(writer.database(),
              "INSERT INTO invites(person_id, token_digest, expires_on, kind, issued_by, sent_to) "
              "VALUES (?, ?, ?, ?, ?, (SELECT lower(json_extract(state, '$.email.v')) FROM records "
              "WHERE record_id = ?)) ON CONFLICT(person_id) DO UPDATE SET token_digest = excluded.token_digest, "
              "expires_on = excluded.expires_on, kind = excluded.kind, issued_by = excluded.issued_by, "
              "sent_to = excluded.sent_to")
        .bind(1, person_id)
        .bind(2, digest)
        .bind(3, expires_on)
        .bind(4, reset ? "reset" : "invite")
        .bind(5, issued_by)
        .bind(6, person_id)
        .run();
}

std::optional<PendingLink> Accounts::pending_link(Store& store, const std::string& digest, const std::string& today) {
    Statement lookup(store.database(),
                     "SELECT i.person_id, r.state, i.kind, i.issued_by, i.sent_to FROM invites i "
                     "JOIN records r ON r.record_id = i.person_id "
                     "WHERE i.token_digest = ? AND i.expires_on >= ? AND r.deleted = 0");
    lookup.bind(1, digest).bind(2, today);
    if (!lookup.step()) return std::nullopt;
    PendingLink link{lookup.text(0), lookup.text(2) == "reset", lookup.is_null(3) ? "" : lookup.text(3)};
    const std::string sent_to = lookup.is_null(4) ? "" : lookup.text(4);
    RecordState person;
    person.fields = Json::parse(lookup.text(1));
    lookup.reset();
    auto employed = [&](const RecordState& state) {
        const std::string exit = state.text("exit_date");
        return exit.empty() || exit > today;
    };
    if (!employed(person)) return std::nullopt;
    // The link went to an address: once the HRIS gives the person another one (and perhaps gives theirs to
    // someone else), whoever reads the old mailbox must not set this person's password.
    if (!sent_to.empty() && lower_ascii(person.text("email")) != sent_to) return std::nullopt;
    // A link carries its issuer's authority: it dies with it, when the issuer leaves or is no longer HR.
    if (!link.issued_by.empty() && link.issued_by != "operator") {
        auto issuer = store.load(link.issued_by);
        if (!issuer || issuer->state.deleted || issuer->state.text("role") != "hr_admin" || !employed(issuer->state))
            return std::nullopt;
    }
    return link;
}

void Accounts::set_password(Store& writer, const PendingLink& link, const std::string& password_hash,
                            int64_t now_seconds) {
    Statement upsert(writer.database(),
                     "INSERT INTO accounts(person_id, password_hash, reset_at, reset_by) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT(person_id) DO UPDATE SET password_hash = excluded.password_hash, "
                     "reset_at = excluded.reset_at, reset_by = excluded.reset_by");
    upsert.bind(1, link.person_id).bind(2, password_hash);
    if (link.reset) upsert.bind(3, now_seconds).bind(4, link.issued_by);
    else upsert.bind_null(3).bind_null(4);
    upsert.run();
    // Whoever held the old password (or a stolen session) is signed out everywhere.
    if (link.reset) end_sessions(writer, link.person_id);
    Statement(writer.database(), "DELETE FROM invites WHERE person_id = ?").bind(1, link.person_id).run();
}

} // namespace tandem::server
