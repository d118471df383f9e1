#include "tandem/base/ids.h"

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

// Ids made within one millisecond must still ascend, or bulk inserts land at random B-tree pages again
// (RFC 9562, method 3: the random tail of the previous id plus a random increment).
std::string new_uuid_v7(uint64_t wall_millis) {
    struct Last {
        uint64_t millis = 0;
        uint64_t tail_high = 0;  // 12 bits (rand_a)
        uint64_t tail_low = 0;   // 62 bits (rand_b)
    };
    thread_local Last last;
    if (wall_millis > last.millis) {
        last = Last{wall_millis, generator()() & 0xfff, generator()() & 0x3fffffffffffffffULL};
    } else {
        last.tail_low += 1 + (generator()() & 0xffff);
        if (last.tail_low > 0x3fffffffffffffffULL) {
            last.tail_low &= 0x3fffffffffffffffULL;
            if (++last.tail_high > 0xfff) {
                last.tail_high = 0;
                ++last.millis;  // borrow the next millisecond rather than repeat or go backwards
            }
        }
    }
    const uint64_t millis = last.millis;
    unsigned char bytes[16];
    for (int i = 0; i < 6; ++i) bytes[i] = static_cast<unsigned char>(millis >> (40 - 8 * i));
    bytes[6] = static_cast<unsigned char>(0x70 | (last.tail_high >> 8));  // version 7
    bytes[7] = static_cast<unsigned char>(last.tail_high);
    bytes[8] = static_cast<unsigned char>(0x80 | (last.tail_low >> 56));  // RFC 4122 variant
    for (int i = 9; i < 16; ++i) bytes[i] = static_cast<unsigned char>(last.tail_low >> (8 * (15 - i)));
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0],
                  bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
                  bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
    return out;
}

// Lower case only: ids are compared as strings everywhere (SQLite keys, the org chart), so an upper-case
// spelling of an existing id would otherwise name a second record.
bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
        bool lower_hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        if (dash_position ? c != '-' : !lower_hex) return false;
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

bool is_id_list(std::string_view text) {
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        if (!is_uuid(text.substr(start, end - start))) return false;
        start = end + 1;
    }
    return text.empty() || text.back() != ',';
}

std::vector<std::string> split_ids(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string join_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
    return out;
}

} // namespace tandem
