#pragma once
// Sign-in for the sync server: accounts with argon2id password hashes (libsodium) and bearer sessions whose
// tokens are stored only as hashes, so a copy of the database cannot be used to sign in.
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "tandem/policy.h"
#include "tandem/store.h"

namespace tandem::server {

struct SignedIn {
    std::string token;  // shown once to the client, never stored
    Actor actor;
    std::string name;
};

void create_account_tables(Store& store);
// Hashes with argon2id; slow on purpose (~0.1 s, 64 MiB).
std::string hash_password(const std::string& password);
void add_account(Store& store, const std::string& person_id, const std::string& email, const std::string& password);

class Accounts {
public:
    explicit Accounts(int session_days) : session_days_(session_days) {}

    // Verifies credentials (read-only; run it outside the writer lock, it is slow on purpose). Returns
    // nothing for a wrong e-mail or password alike, taking about the same time either way.
    std::optional<SignedIn> check_credentials(Store& reader, const std::string& email, const std::string& password);
    // Creates the session row for a checked sign-in and fills in its token.
    void open_session(Store& writer, SignedIn& signed_in, int64_t now_seconds);
    std::optional<Actor> authenticate(Store& store, const std::string& token, int64_t now_seconds);
    void sign_out(Store& store, const std::string& token);

    // Too many failures for one e-mail address within the window: refuse further tries for a while.
    bool throttled(const std::string& email, int64_t now_seconds);
    void record_failure(const std::string& email, int64_t now_seconds);

private:
    bool verify(const std::string& hash, const std::string& password);

    int session_days_;
    // argon2id needs 64 MiB per check: bound how many run at once so a login burst cannot exhaust memory.
    std::mutex hashing_mutex_;
    std::condition_variable hashing_slot_;
    int hashing_running_ = 0;

    std::mutex failures_mutex_;
    struct Failures {
        int count = 0;
        int64_t window_start = 0;
    };
    std::unordered_map<std::string, Failures> failures_;
};

std::string token_digest(const std::string& token);

} // namespace tandem::server
