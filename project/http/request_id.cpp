#include "project/http/request_id.hpp"

#include <uuid/uuid.h>

#include <algorithm>
#include <array>

namespace users::http {

bool isSafeRequestId(std::string_view id) {
    const auto safe = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '_' || c == ':' || c == '-' || c == '+' || c == '/' || c == '=';
    };
    return !id.empty() && id.size() <= kMaxRequestIdLength &&
           std::all_of(id.begin(), id.end(), safe);
}

// A version 4 UUID from libuuid: the kernel's random source (getrandom), so ids stay distinct
// across threads and forked processes without a generator of our own to seed.
std::string newRequestId() {
    uuid_t uuid;
    uuid_generate_random(uuid);
    std::array<char, 37> text{};  // 36 characters and the NUL
    uuid_unparse_lower(uuid, text.data());
    return {text.data(), 36};
}

std::string requestIdOf(const Pistache::Http::Request& request) {
    if (auto given = request.headers().tryGetRaw("X-Request-ID")) {
        if (isSafeRequestId(given->value())) return given->value();
    }
    return newRequestId();
}

}  // namespace users::http
