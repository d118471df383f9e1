#pragma once
// A shared tablet at a training session (docs/architecture.md, Kiosk mode; docs/api.md, Kiosks). Everything it
// keeps lives in a store of its own, never in a person's: the kiosk token and HR's exit PIN (as an argon2id
// hash), the survey it shows, and the answers waiting to be sent, each under the submission id made when the
// person pressed Send, so a resend after a lost reply is recognised as a duplicate and nothing is counted
// twice. An answer leaves the device once the server acknowledged it.
#include <optional>
#include <string>
#include <vector>

#include "tandem/sync/store.h"

namespace tandem {

struct KioskConfig {
    std::string kiosk_id, kiosk_token, label, survey_id;
};

class KioskDevice {
public:
    static constexpr int kFreePinTries = 5;
    static constexpr uint64_t kPinLockMillis = 60'000;
    static constexpr uint64_t kIdleResetMillis = 60'000;

    explicit KioskDevice(Store& store) : store_(store) {}

    // Registration: HR's PIN is hashed here and never stored as typed.
    void configure(const KioskConfig& config, const std::string& pin);
    std::optional<KioskConfig> config();
    // The survey as GET /api/v1/kiosk/survey gave it, kept for offline use.
    void keep_survey(const std::string& body);
    std::string survey();

    // Queues one person's answers; returns the submission id.
    std::string enqueue(const Json& answers, const std::string& submission_id);
    struct Pending {
        std::string submission_id;
        std::string body;  // {"submission_id","answers"}
    };
    std::vector<Pending> pending(size_t limit = 50);
    size_t pending_count();
    // The server answered recorded or duplicate (or refused it for good): it leaves the device.
    void acknowledge(const std::string& submission_id);

    // Exit: a wrong PIN five times locks tries for a minute. Returns true when the PIN is right.
    enum class PinCheck { Right, Wrong, Locked };
    PinCheck check_pin(const std::string& pin, uint64_t now_millis);
    int tries_left();
    uint64_t locked_until();
    // Forgets the kiosk (after an exit with nothing left to send).
    void forget();

private:
    Store& store_;
};

bool is_valid_kiosk_pin(const std::string& pin);  // 4 to 8 digits
// A random version 4 UUID: a submission id says nothing about when or in what order it was made.
std::string new_submission_id();

} // namespace tandem
