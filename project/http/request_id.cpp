#include "project/http/request_id.hpp"

#include <algorithm>
#include <cstdint>
#include <random>

#include <fmt/format.h>

namespace users::http {

bool isSafeRequestId(std::string_view id) {
    const auto safe = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '_' || c == ':' || c == '-';
    };
    return !id.empty() && id.size() <= kMaxRequestIdLength &&
           std::all_of(id.begin(), id.end(), safe);
}

// A version 4 UUID: per-thread generator, so no lock on the request path.
std::string newRequestId() {
    thread_local std::mt19937_64 generator{std::random_device{}()};
    const std::uint64_t high = (generator() & ~0xF000ULL) | 0x4000ULL;
    const std::uint64_t low = (generator() & ~(0x3ULL << 62U)) | (0x2ULL << 62U);
    return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32U, (high >> 16U) & 0xFFFFU,
                       high & 0xFFFFU, low >> 48U, low & 0xFFFFFFFFFFFFULL);
}

std::string requestIdOf(const Pistache::Http::Request& request) {
    if (auto given = request.headers().tryGetRaw("X-Request-ID")) {
        if (isSafeRequestId(given->value())) return given->value();
    }
    return newRequestId();
}

}  // namespace users::http
