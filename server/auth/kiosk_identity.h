#pragma once
// A registered kiosk as the gate finds it from its bearer token: it may only send answers to its survey.
#include <string>

namespace tandem::server {

struct Kiosk {
    std::string kiosk_id, survey_id, label;
};

} // namespace tandem::server
