#pragma once
// The platform as features see it: the same machine, except that an answer to a request, or a file chosen,
// that arrives after the session that asked for it has ended is dropped. Features keep their state per user
// and sign-out resets it in place, so without this a late answer (an invitation link, an export's message)
// would land in the next person's screens on a shared device.
#include <cstdint>
#include <memory>

#include "platform/platform.h"

namespace tandem::client {

class SessionPlatform final : public Platform {
public:
    explicit SessionPlatform(Platform& device) : device_(device) {}

    // Sign-out: whatever the ended session still waits for is never delivered.
    void end_session() { *session_ += 1; }

    void send(HttpRequest request, std::function<void(HttpResponse)> done) override {
        device_.send(std::move(request), [session = session_, asked_in = *session_, done = std::move(done)](
                                             HttpResponse response) {
            if (*session == asked_in) done(std::move(response));
        });
    }
    void pick_file(const std::string& accept, std::function<void(std::string, std::string)> done) override {
        device_.pick_file(accept, [session = session_, asked_in = *session_, done = std::move(done)](
                                      std::string name, std::string bytes) {
            if (*session == asked_in) done(std::move(name), std::move(bytes));
        });
    }

    uint64_t now_millis() override { return device_.now_millis(); }
    std::string data_dir() override { return device_.data_dir(); }
    bool ready() override { return device_.ready(); }
    void persist(std::function<void(bool)> done) override { device_.persist(std::move(done)); }
    void poll() override { device_.poll(); }
    bool input_queued() override { return device_.input_queued(); }
    bool online() override { return device_.online(); }
    void text_input(bool active, float x, float y) override { device_.text_input(active, x, y); }
    std::string local_date(const std::string& iso) override { return device_.local_date(iso); }
    NumericDateStyle numeric_date_style() override { return device_.numeric_date_style(); }
    void write_note(const std::string& key, const std::string& value) override { device_.write_note(key, value); }
    std::string read_note(const std::string& key) override { return device_.read_note(key); }
    std::string origin() override { return device_.origin(); }
    void history_step() override { device_.history_step(); }
    void history_step_back() override { device_.history_step_back(); }
    int take_history_back() override { return device_.take_history_back(); }
    void history_reset() override { device_.history_reset(); }
    void save_file(const std::string& name, const std::string& content, const std::string& mime) override {
        device_.save_file(name, content, mime);
    }

private:
    Platform& device_;
    // Shared with the callbacks in flight, so one that outlives this object still reads a valid number.
    std::shared_ptr<uint64_t> session_ = std::make_shared<uint64_t>(0);
};

} // namespace tandem::client
