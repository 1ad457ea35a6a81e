#include "project/http/request_id.hpp"

#include <pthread.h>
#include <sys/random.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <stdexcept>

namespace users::http {

bool isSafeRequestId(std::string_view id) {
    const auto safe = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '_' || c == ':' || c == '-' || c == '+' || c == '/' || c == '=';
    };
    return !id.empty() && id.size() <= kMaxRequestIdLength &&
           std::all_of(id.begin(), id.end(), safe);
}

namespace {

// Bumped in a forked child, whose copies of the threads' buffers its parent uses too.
std::atomic<unsigned> forks{0};

// The kernel's random bytes (getrandom), fetched a few thousand at a time per thread. libuuid
// fetched 16 per id and re-seeded and cranked random() under a global lock each time: about
// 9 % of the server's CPU on /ping, and contention between the reactor threads.
class RandomBytes {
public:
    const unsigned char* take(std::size_t count) {
        if (used_ + count > bytes_.size() || generation_ != forks.load()) refill();
        const unsigned char* taken = bytes_.data() + used_;
        used_ += count;
        return taken;
    }

private:
    void refill() {
        [[maybe_unused]] static const int registered =
            pthread_atfork(nullptr, nullptr, [] { forks.fetch_add(1); });
        for (std::size_t filled = 0; filled < bytes_.size();) {
            const auto got = ::getrandom(bytes_.data() + filled, bytes_.size() - filled, 0);
            if (got < 0 && errno != EINTR) throw std::runtime_error("getrandom failed");
            if (got > 0) filled += static_cast<std::size_t>(got);
        }
        used_ = 0;
        generation_ = forks.load();
    }

    std::array<unsigned char, 4096> bytes_{};
    std::size_t used_ = bytes_.size();
    unsigned generation_ = 0;
};

}  // namespace

// A version 4 UUID: 122 random bits from the kernel, distinct across threads and processes.
std::string newRequestId() {
    thread_local RandomBytes random;
    std::array<unsigned char, 16> uuid{};
    std::copy_n(random.take(uuid.size()), uuid.size(), uuid.begin());
    uuid[6] = static_cast<unsigned char>((uuid[6] & 0x0FU) | 0x40U);  // version 4
    uuid[8] = static_cast<unsigned char>((uuid[8] & 0x3FU) | 0x80U);  // RFC 4122 variant
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string text;
    text.reserve(36);
    for (std::size_t i = 0; i < uuid.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) text.push_back('-');
        text.push_back(kHex[uuid[i] >> 4U]);
        text.push_back(kHex[uuid[i] & 0x0FU]);
    }
    return text;
}

std::string requestIdOf(const Pistache::Http::Request& request) {
    if (auto given = request.headers().tryGetRaw("X-Request-ID")) {
        if (isSafeRequestId(given->value())) return given->value();
    }
    return newRequestId();
}

}  // namespace users::http
