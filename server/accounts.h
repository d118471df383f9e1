#pragma once
// Sign-in for the sync server: accounts with argon2id password hashes (libsodium) and bearer sessions whose
// tokens are stored only as hashes, so a copy of the database cannot be used to sign in. Checking a
// password is PasswordHasher's job and throttling guesses SignInThrottle's; this file owns the tables.
#include <optional>
#include <string>

#include "tandem/policy.h"
#include "tandem/store.h"

namespace tandem::server {

struct Account {
    std::string person_id;
    std::string password_hash;
    std::string name;
    Role role = Role::Employee;
};

void create_account_tables(Store& store);
// Hashes with argon2id; slow on purpose (~0.1 s, 64 MiB).
std::string hash_password(const std::string& password);
void add_account(Store& store, const std::string& person_id, const std::string& email, const std::string& password);

// The account of a person who may sign in, by e-mail ignoring case; nothing for an unknown address or a
// person whose exit date has come.
std::optional<Account> find_account(Store& reader, const std::string& email);
// A fixed hash to check unknown addresses against, so a wrong address costs what a wrong password does.
const std::string& decoy_password_hash();

class Accounts {
public:
    explicit Accounts(int session_days) : session_days_(session_days) {}

    // Creates a session for a checked sign-in and returns its token (shown once, never stored). Also
    // deletes a batch of expired sessions, so the table does not grow with every sign-in.
    std::string open_session(Store& writer, const Account& account, int64_t now_seconds);
    std::optional<Actor> authenticate(Store& store, const std::string& token, int64_t now_seconds);
    void sign_out(Store& store, const std::string& token);
    void end_sessions(Store& writer, const std::string& person_id);

    // Invitations (api-v2 §1): only a digest of the token is kept; a new one replaces the old.
    void store_invite(Store& writer, const std::string& person_id, const std::string& token_digest,
                      const std::string& expires_on);
    // The person a still valid invitation is for.
    std::optional<std::string> invited_person(Store& store, const std::string& token_digest, const std::string& today);
    // Sets the password (an argon2id hash made beforehand) and uses up the invitation.
    void activate(Store& writer, const std::string& person_id, const std::string& email,
                  const std::string& password_hash);

private:
    int session_days_;
};

std::string token_digest(const std::string& token);
// The token of an `Authorization: Bearer <token>` header (scheme matched ignoring case, RFC 7235).
std::optional<std::string> bearer_token(const std::string& authorization);

} // namespace tandem::server
