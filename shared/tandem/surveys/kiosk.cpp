#include "tandem/surveys/kiosk.h"

#include <sodium.h>

#include <algorithm>

#include "tandem/base/random_tokens.h"

namespace tandem {

namespace {
// A PIN guards a screen, not data: modest argon2id limits keep the check quick on an old tablet.
constexpr unsigned long long kPinOps = 2;
constexpr size_t kPinMemory = 8u * 1024 * 1024;
const char* kQueuePrefix = "kiosk/queue/";
}  // namespace

bool is_valid_kiosk_pin(const std::string& pin) {
    return pin.size() >= 4 && pin.size() <= 8 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string new_submission_id() { return random_uuid_v4(); }

void KioskDevice::configure(const KioskConfig& config, const std::string& pin) {
    ensure_sodium_ready();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin.c_str(), pin.size(), kPinOps, kPinMemory) != 0)
        throw StoreError("could not hash the kiosk PIN (out of memory)");
    store_.transaction([&] {
        store_.set_setting("kiosk/id", config.kiosk_id);
        store_.set_setting("kiosk/token", config.kiosk_token);
        store_.set_setting("kiosk/label", config.label);
        store_.set_setting("kiosk/survey_id", config.survey_id);
        store_.set_setting("kiosk/pin", hash);
        store_.set_setting("kiosk/pin_failures", "0");
        store_.set_setting("kiosk/locked_until", "0");
    });
}

std::optional<KioskConfig> KioskDevice::config() {
    auto token = store_.setting("kiosk/token");
    if (!token || token->empty()) return std::nullopt;
    return KioskConfig{store_.setting("kiosk/id").value_or(""), *token, store_.setting("kiosk/label").value_or(""),
                       store_.setting("kiosk/survey_id").value_or("")};
}

void KioskDevice::keep_survey(const std::string& body) { store_.set_setting("kiosk/survey", body); }
std::string KioskDevice::survey() { return store_.setting("kiosk/survey").value_or(""); }

std::string KioskDevice::enqueue(const Json& answers, const std::string& submission_id) {
    store_.set_setting(kQueuePrefix + submission_id,
                       Json{{"submission_id", submission_id}, {"answers", answers}}.dump());
    return submission_id;
}

std::vector<KioskDevice::Pending> KioskDevice::pending(size_t limit) {
    Statement query(store_.database(),
                    "SELECT key, value FROM settings WHERE key >= ?1 AND key < ?2 ORDER BY key LIMIT ?3");
    query.bind(1, std::string(kQueuePrefix)).bind(2, std::string("kiosk/queue0")).bind(3, int64_t(limit));
    std::vector<Pending> found;
    while (query.step()) found.push_back({query.text(0).substr(std::string(kQueuePrefix).size()), query.text(1)});
    return found;
}

size_t KioskDevice::pending_count() {
    Statement query(store_.database(), "SELECT count(*) FROM settings WHERE key >= ?1 AND key < ?2");
    query.bind(1, std::string(kQueuePrefix)).bind(2, std::string("kiosk/queue0"));
    return query.step() ? size_t(query.integer(0)) : 0;
}

void KioskDevice::acknowledge(const std::string& submission_id) {
    Statement(store_.database(), "DELETE FROM settings WHERE key = ?")
        .bind(1, kQueuePrefix + submission_id)
        .run();
}

int KioskDevice::tries_left() {
    return std::max(0, kFreePinTries - std::stoi(store_.setting("kiosk/pin_failures").value_or("0")));
}

uint64_t KioskDevice::locked_until() { return std::stoull(store_.setting("kiosk/locked_until").value_or("0")); }

KioskDevice::PinCheck KioskDevice::check_pin(const std::string& pin, uint64_t now_millis) {
    ensure_sodium_ready();
    if (now_millis < locked_until()) return PinCheck::Locked;
    const std::string hash = store_.setting("kiosk/pin").value_or("");
    if (!hash.empty() && crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0) {
        store_.set_setting("kiosk/pin_failures", "0");
        return PinCheck::Right;
    }
    const int failures = kFreePinTries - tries_left() + 1;
    if (failures >= kFreePinTries) {
        store_.set_setting("kiosk/locked_until", std::to_string(now_millis + kPinLockMillis));
        store_.set_setting("kiosk/pin_failures", "0");  // after the minute, five more tries
        return PinCheck::Locked;
    }
    store_.set_setting("kiosk/pin_failures", std::to_string(failures));
    return PinCheck::Wrong;
}

void KioskDevice::forget() {
    Statement(store_.database(), "DELETE FROM settings WHERE key LIKE 'kiosk/%'").run();
}

} // namespace tandem
