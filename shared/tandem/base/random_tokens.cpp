#include "tandem/base/random_tokens.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace tandem {

void ensure_sodium_ready() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium could not start");
}

std::string random_hex(size_t bytes) {
    ensure_sodium_ready();
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.pop_back();
    return hex;
}

std::string random_uuid_v4() {
    std::string hex = random_hex(16);
    hex[12] = '4';                                       // the version
    hex[16] = "89ab"[randombytes_uniform(4)];            // the RFC 4122 variant
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20, 12);
}

} // namespace tandem
