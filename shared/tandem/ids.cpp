#include "tandem/ids.h"

#include <cctype>
#include <cstdio>
#include <random>

namespace tandem {

namespace {
std::mt19937_64& generator() {
    thread_local std::mt19937_64 engine{[] {
        std::random_device device;
        return (uint64_t(device()) << 32) ^ device();
    }()};
    return engine;
}
}  // namespace

std::string new_uuid_v7(uint64_t wall_millis) {
    uint64_t random_a = generator()();
    uint64_t random_b = generator()();
    unsigned char bytes[16];
    for (int i = 0; i < 6; ++i) bytes[i] = static_cast<unsigned char>(wall_millis >> (40 - 8 * i));
    bytes[6] = static_cast<unsigned char>(0x70 | (random_a & 0x0f));  // version 7
    bytes[7] = static_cast<unsigned char>(random_a >> 8);
    bytes[8] = static_cast<unsigned char>(0x80 | ((random_a >> 16) & 0x3f));  // RFC 4122 variant
    for (int i = 9; i < 16; ++i) bytes[i] = static_cast<unsigned char>(random_b >> (8 * (i - 9)));
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0],
                  bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
                  bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
    return out;
}

bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash_position ? c != '-' : !std::isxdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

bool is_client_token(std::string_view text) {
    if (text.empty() || text.size() > 64) return false;
    for (char c : text) {
        bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == ':' || c == '-';
        if (!ok) return false;
    }
    return true;
}

} // namespace tandem
