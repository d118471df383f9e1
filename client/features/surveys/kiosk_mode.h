#pragma once
// Kiosk mode (docs/architecture.md, Kiosk mode): the app on a shared tablet at a training session, locked to
// one survey. Its data lives in a store of its own (kiosk.db), never in a person's; answers queue there under
// their submission ids and are sent whenever the network allows, then deleted once the server has them. The
// screen (kiosk_screen.cpp) holds only the current person's answers and forgets them on "next person" or after
// a minute without a touch.
#include <map>
#include <memory>
#include <string>

#include "platform/platform.h"
#include "tandem/surveys/kiosk.h"

namespace tandem::client {

class KioskMode {
public:
    // Opens kiosk.db if this device was registered as a kiosk; true when it was.
    bool resume(Platform& platform);
    bool active() const { return device_ && config_.has_value(); }

    // HR, signed in and online: registers this device for `survey_id` and fetches the survey. `done(error)`
    // runs with an empty error once the kiosk is ready (the caller then signs HR out).
    void register_device(Platform& platform, const std::string& hr_token, const std::string& survey_id,
                         const std::string& label, const std::string& pin,
                         std::function<void(const std::string& error)> done);

    // Each frame: sends what waits (one request at a time), refreshes the survey now and then, flushes.
    void tick(Platform& platform);
    // One person pressed Send: queued and flushed to persistent storage before "thank you" is shown.
    void submit(Platform& platform, const Json& answers);
    // Exit with HR's PIN. Refused while answers wait to be sent: they would otherwise be lost.
    enum class Exit { Done, WrongPin, Locked, AnswersWaiting };
    Exit exit(Platform& platform, const std::string& pin);

    const Json& survey() const { return survey_; }  // GET /api/v1/kiosk/survey body
    const KioskConfig& config() const { return *config_; }
    size_t waiting() const { return waiting_; }
    bool saved() const { return saved_generation_ >= written_generation_; }
    const std::string& problem() const { return problem_; }  // revoked, survey closed...
    int tries_left() { return device_->tries_left(); }
    uint64_t locked_until() { return device_->locked_until(); }

private:
    void open(Platform& platform);
    void flush(Platform& platform);  // after every write: the answers must reach persistent storage
    void start_flush(Platform& platform);
    void fetch_survey(Platform& platform);

    std::unique_ptr<Store> store_;
    std::unique_ptr<KioskDevice> device_;
    std::optional<KioskConfig> config_;
    Json survey_;
    size_t waiting_ = 0;
    bool sending_ = false, fetching_ = false, flushing_ = false;
    uint64_t next_send_ms_ = 0, next_fetch_ms_ = 0;
    uint64_t written_generation_ = 0, saved_generation_ = 0;
    std::string problem_;
};

} // namespace tandem::client
