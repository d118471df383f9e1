#include "features/surveys/kiosk_mode.h"

#include <cstdio>

namespace tandem::client {

namespace {
constexpr uint64_t kRetryMillis = 5000;
constexpr uint64_t kSurveyRefreshMillis = 10 * 60 * 1000;
std::string kiosk_path(Platform& platform) { return platform.data_dir() + "/kiosk.db"; }
}  // namespace

void KioskMode::open(Platform& platform) {
    if (store_) return;
    store_ = std::make_unique<Store>(kiosk_path(platform), StoreOptions{false, false, true});
    device_ = std::make_unique<KioskDevice>(*store_);
}

bool KioskMode::resume(Platform& platform) {
    if (std::FILE* file = std::fopen(kiosk_path(platform).c_str(), "rb")) std::fclose(file);
    else return false;
    open(platform);
    config_ = device_->config();
    if (!config_) return false;
    survey_ = Json::parse(device_->survey(), nullptr, false);
    waiting_ = device_->pending_count();
    return true;
}

void KioskMode::register_device(Platform& platform, const std::string& hr_token, const std::string& survey_id,
                                const std::string& label, const std::string& pin,
                                std::function<void(const std::string&)> done) {
    HttpRequest request{"POST", "/api/v1/kiosks", Json{{"survey_id", survey_id}, {"label", label}}.dump(), hr_token};
    platform.send(request, [this, &platform, survey_id, label, pin, done](HttpResponse response) {
        Json body = Json::parse(response.body, nullptr, false);
        if (response.status != 201 || !body.is_object()) {
            done(response.status == 0 ? "Registering a kiosk needs a connection."
                                      : body.is_object() && body.contains("error")
                                            ? body["error"].value("message", "The server refused.")
                                            : "The server refused (" + std::to_string(response.status) + ").");
            return;
        }
        KioskConfig config{body.value("kiosk_id", ""), body.value("kiosk_token", ""), label, survey_id};
        HttpRequest fetch{"GET", "/api/v1/kiosk/survey", "", config.kiosk_token};
        platform.send(fetch, [this, &platform, config, pin, done](HttpResponse survey) {
            Json shown = Json::parse(survey.body, nullptr, false);
            if (survey.status != 200 || !shown.is_object()) {
                done(survey.status == 0     ? "Registering a kiosk needs a connection."
                     : survey.status == 409 ? "This survey is not open: open it first, then register the kiosk."
                                            : "The kiosk could not load its survey (" +
                                                  std::to_string(survey.status) + ").");
                return;
            }
            try {
                open(platform);
                device_->configure(config, pin);
                device_->keep_survey(survey.body);
            } catch (const std::exception& error) {
                done(std::string("This device could not keep the kiosk's settings: ") + error.what());
                return;
            }
            config_ = config;
            survey_ = shown;
            waiting_ = device_->pending_count();
            flush(platform);
            done("");
        });
    });
}

void KioskMode::flush(Platform& platform) {
    ++written_generation_;
    start_flush(platform);
}

void KioskMode::start_flush(Platform& platform) {
    if (flushing_) return;  // the running flush ends by starting another for what was written meanwhile
    flushing_ = true;
    const uint64_t generation = written_generation_;
    platform.persist([this, &platform, generation](bool ok) {
        flushing_ = false;
        if (ok) saved_generation_ = generation;
        if (ok && saved_generation_ < written_generation_) start_flush(platform);
    });
}

void KioskMode::submit(Platform& platform, const Json& answers) {
    device_->enqueue(answers, new_submission_id());
    waiting_ = device_->pending_count();
    flush(platform);
    next_send_ms_ = 0;  // try at once
}

void KioskMode::fetch_survey(Platform& platform) {
    fetching_ = true;
    platform.send(HttpRequest{"GET", "/api/v1/kiosk/survey", "", config_->kiosk_token},
                  [this, &platform](HttpResponse response) {
                      fetching_ = false;
                      if (!active()) return;
                      if (response.status == 401) problem_ = "HR revoked this kiosk.";
                      if (response.status == 409) problem_ = "The survey has closed.";
                      if (response.status != 200) return;
                      Json shown = Json::parse(response.body, nullptr, false);
                      if (!shown.is_object()) return;
                      // Kept for offline use; HR may have corrected a question since.
                      if (shown != survey_) {
                          survey_ = shown;
                          device_->keep_survey(response.body);
                          flush(platform);
                      }
                      problem_.clear();
                  });
}

void KioskMode::tick(Platform& platform) {
    if (!active()) return;
    // A flush that failed saved nothing, and nothing else would try again before the next write.
    if (saved_generation_ < written_generation_) start_flush(platform);
    const uint64_t now = platform.now_millis();
    if (!fetching_ && now >= next_fetch_ms_) {
        next_fetch_ms_ = now + kSurveyRefreshMillis;
        fetch_survey(platform);
    }
    if (sending_ || waiting_ == 0 || now < next_send_ms_) return;
    auto next = device_->pending(1);
    if (next.empty()) return;
    sending_ = true;
    const std::string submission_id = next[0].submission_id;
    platform.send(HttpRequest{"POST", "/api/v1/kiosk/responses", next[0].body, config_->kiosk_token},
                  [this, &platform, submission_id](HttpResponse response) {
                      sending_ = false;
                      if (!active()) return;
                      const uint64_t at = platform.now_millis();
                      // Recorded, or already recorded: it is on the server; an answer the server can
                      // never take (400) would block every later one, so it goes too.
                      if (response.status == 201 || response.status == 200 || response.status == 400) {
                          device_->acknowledge(submission_id);
                          waiting_ = device_->pending_count();
                          flush(platform);
                          next_send_ms_ = 0;
                          if (response.status == 400) problem_ = "The server refused one answer as invalid.";
                          return;
                      }
                      if (response.status == 401) problem_ = "HR revoked this kiosk; answers wait on the device.";
                      if (response.status == 409) problem_ = "The survey has closed; answers wait on the device.";
                      next_send_ms_ = at + kRetryMillis;  // offline or refused for now: try again later
                  });
}

KioskMode::Exit KioskMode::exit(Platform& platform, const std::string& pin) {
    switch (device_->check_pin(pin, platform.now_millis())) {
    case KioskDevice::PinCheck::Locked: flush(platform); return Exit::Locked;
    case KioskDevice::PinCheck::Wrong: flush(platform); return Exit::WrongPin;
    case KioskDevice::PinCheck::Right: break;
    }
    if (device_->pending_count() > 0) return Exit::AnswersWaiting;
    device_->forget();
    config_.reset();
    survey_ = Json();
    problem_.clear();
    flush(platform);
    return Exit::Done;
}

} // namespace tandem::client
