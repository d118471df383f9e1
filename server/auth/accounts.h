#pragma once
// Sign-in for the sync server: accounts with argon2id password hashes (libsodium) and bearer sessions whose
// tokens are stored only as hashes, so a copy of the database cannot be used to sign in. Checking a
// password is PasswordHasher's job and throttling guesses SignInThrottle's; this file owns the tables.
//
// An account belongs to a person (keyed by person id) and holds no e-mail of its own: sign-in finds the
// person by the e-mail their record holds now, so an e-mail changed by an HRIS import moves the sign-in
// with it, and nothing done for another person who later gets the old address can reach this account.
#include <atomic>
#include <functional>
#include <optional>
#include <string>

#include "tandem/base/sealed.h"
#include "tandem/sync/policy.h"
#include "tandem/sync/store.h"

namespace tandem::server {

// The last time HR reset a person's password, told to that person at their sign-ins for a while.
struct PasswordReset {
    int64_t at = 0;       // seconds since 1970 (UTC), when the reset link was used
    std::string by_id;    // the HR admin who made the link
    std::string by_name;  // their name now; empty when they were erased
};

struct Account {
    std::string person_id;
    std::string password_hash;
    std::string name;
    Role role = Role::Employee;
    std::optional<PasswordReset> reset;  // only while recent enough to tell (kResetNoticeDays)
};

// A reset is reported on every sign-in for this long, not once: whoever used the link could otherwise
// sign in first and take the only notice the person would get.
constexpr int64_t kResetNoticeDays = 30;
constexpr size_t kMinPasswordCharacters = 10;

// Hashes with argon2id; slow on purpose at the interactive cost (~0.1 s, 64 MiB). Routes go through
// PasswordHasher instead, always at that cost.
std::string hash_password(const std::string& password, KeyCost cost = KeyCost::interactive());
// For the demo, benchmarks and tests: an account for a person, signing in with the e-mail of their record.
// Tests that make accounts for every case pass KeyCost::minimum(), so each of their sign-ins checks a cheap
// hash (the stored hash carries its own cost).
void add_account(Store& store, const std::string& person_id, const std::string& password,
                 KeyCost cost = KeyCost::interactive());
// The same with a hash made beforehand (hash_password), for the demo's many accounts of one public password.
void add_account_with_hash(Store& store, const std::string& person_id, const std::string& password_hash);
// Too short (in characters, not bytes), or nothing but white space.
bool weak_password(const std::string& utf8);

// The account of a person who may sign in, by the e-mail of their person record ignoring case; nothing for
// an unknown address, a person without an account or one whose exit date has come.
std::optional<Account> find_account(Store& reader, const std::string& email);
std::optional<Account> account_of(Store& reader, const std::string& person_id);
bool has_account(Store& reader, const std::string& person_id);
// A fixed hash to check unknown addresses against, so a wrong address costs what a wrong password does.
const std::string& decoy_password_hash();

// Whether people whose role is `employee` may sign in (docs/api.md, Employee access), and the UTC day HR last
// switched it; kept in the server's settings. Absent means off: a new organisation starts without employees.
struct EmployeeAccess {
    bool enabled = false;
    std::string changed_on;  // empty until HR first switches it
};
EmployeeAccess read_employee_access(Store& reader);
// Stores the switch; a running server is switched through Accounts::set_employee_access instead.
void write_employee_access(Store& writer, bool enabled, const std::string& today);

// A valid invitation or reset link: whose it is and, for a reset, which HR admin made it.
struct PendingLink {
    std::string person_id;
    bool reset = false;
    std::string issued_by;
};

class Accounts {
public:
    explicit Accounts(int session_days) : session_days_(session_days) {}

    // Creates a session for a checked sign-in and returns its token (shown once, never stored). Also
    // deletes a batch of expired sessions, so the table does not grow with every sign-in.
    std::string open_session(Store& writer, const Account& account, int64_t now_seconds);
    // Nothing for an unknown, expired or ended session, a person who left, and an employee while employee
    // access is off (their sessions stay refused until it is on again, without a database read per call).
    std::optional<Actor> authenticate(Store& store, const std::string& token, int64_t now_seconds);
    void sign_out(Store& store, const std::string& token);
    void end_sessions(Store& writer, const std::string& person_id);
    // Erasure: the person's password, links and sessions go; nothing of them stays to sign in with.
    void forget_person(Store& writer, const std::string& person_id);

    // Invitations and reset links: only a digest of the token is kept; a new link replaces the old one.
    void store_link(Store& writer, const std::string& person_id, const std::string& token_digest,
                    const std::string& expires_on, bool reset, const std::string& issued_by);
    // The link a still valid token is for.
    std::optional<PendingLink> pending_link(Store& store, const std::string& token_digest, const std::string& today);
    // Sets the password (an argon2id hash made beforehand) and uses up the link. A reset also ends every
    // session of the person and is remembered for the notice at their sign-ins.
    void set_password(Store& writer, const PendingLink& link, const std::string& password_hash,
                      int64_t now_seconds);

    // The switch, read from the settings on first use and kept in memory, so checking it costs nothing per
    // request. Switching off also ends every employee's sessions. `also` runs in the same transaction (the
    // audit entry); the kept value changes only once that transaction has committed.
    bool employee_access(Store& store);
    void set_employee_access(Store& writer, bool enabled, const std::string& today, const std::function<void()>& also);

private:
    int session_days_;
    std::atomic<int> employee_access_{-1};  // -1: not read yet; then 0 or 1
};

// 32 random bytes as 64 hex characters: session, invitation and reset tokens.
std::string new_token();
std::string token_digest(const std::string& token);
// The token of an `Authorization: Bearer <token>` header (scheme matched ignoring case, RFC 7235).
std::optional<std::string> bearer_token(const std::string& authorization);

} // namespace tandem::server
