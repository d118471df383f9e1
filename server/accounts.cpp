#include "accounts.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace tandem::server {

namespace {
constexpr int kMaxConcurrentHashes = 4;
constexpr int kMaxFailures = 10;
constexpr int64_t kFailureWindowSeconds = 15 * 60;

std::string to_hex(const unsigned char* data, size_t size) {
    std::string hex(size * 2, '0');
    sodium_bin2hex(hex.data(), hex.size() + 1, data, size);
    return hex;
}

std::string normalised_email(std::string email) {
    std::transform(email.begin(), email.end(), email.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return email;
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
)sql");
}

std::string hash_password(const std::string& password) {
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("password hashing ran out of memory");
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

bool Accounts::verify(const std::string& hash, const std::string& password) {
    std::unique_lock<std::mutex> lock(hashing_mutex_);
    hashing_slot_.wait(lock, [&] { return hashing_running_ < kMaxConcurrentHashes; });
    ++hashing_running_;
    lock.unlock();
    bool ok = crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
    lock.lock();
    --hashing_running_;
    hashing_slot_.notify_one();
    return ok;
}

std::optional<SignedIn> Accounts::check_credentials(Store& store, const std::string& email,
                                                    const std::string& password) {
    // A fixed hash to verify against when the e-mail is unknown, so both failures cost the same time.
    static const std::string decoy_hash = hash_password("decoy password that matches no account");
    Statement lookup(store.database().handle(), "SELECT person_id, password_hash FROM accounts WHERE email = ?");
    lookup.bind(1, normalised_email(email));
    std::string person_id, hash = decoy_hash;
    if (lookup.step()) {
        person_id = lookup.text(0);
        hash = lookup.text(1);
    }
    lookup.reset();
    if (!verify(hash, password) || person_id.empty()) return std::nullopt;

    auto person = store.load(person_id);
    Role role = Role::Employee;
    if (!person || !parse_role(person->state.text("role"), role) || person->state.deleted) return std::nullopt;

    return SignedIn{"", Actor{person_id, role}, person->state.text("name")};
}

void Accounts::open_session(Store& writer, SignedIn& signed_in, int64_t now_seconds) {
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    signed_in.token = to_hex(raw, sizeof raw);
    Statement insert(writer.database().handle(),
                     "INSERT INTO sessions(token_digest, person_id, expires_at) VALUES (?, ?, ?)");
    insert.bind(1, token_digest(signed_in.token))
        .bind(2, signed_in.actor.person_id)
        .bind(3, now_seconds + int64_t(session_days_) * 86400)
        .run();
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
    if (!parse_role(person.text("role"), actor.role)) return std::nullopt;
    return actor;
}

void Accounts::sign_out(Store& store, const std::string& token) {
    Statement remove(store.database().handle(), "DELETE FROM sessions WHERE token_digest = ?");
    remove.bind(1, token_digest(token)).run();
}

bool Accounts::throttled(const std::string& email, int64_t now_seconds) {
    std::lock_guard<std::mutex> lock(failures_mutex_);
    auto it = failures_.find(normalised_email(email));
    if (it == failures_.end()) return false;
    if (now_seconds - it->second.window_start > kFailureWindowSeconds) {
        failures_.erase(it);
        return false;
    }
    return it->second.count >= kMaxFailures;
}

void Accounts::record_failure(const std::string& email, int64_t now_seconds) {
    std::lock_guard<std::mutex> lock(failures_mutex_);
    if (failures_.size() > 100000) failures_.clear();  // bound memory under a spray of random addresses
    auto& entry = failures_[normalised_email(email)];
    if (now_seconds - entry.window_start > kFailureWindowSeconds) entry = Failures{0, now_seconds};
    ++entry.count;
}

} // namespace tandem::server
