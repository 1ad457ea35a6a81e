#pragma once

#include <chrono>
#include <cstddef>

namespace users::http {

// Limits chosen against Pistache 0.0.5's defaults (4 KiB requests, 60 s header timeout,
// listen backlog 128).
struct ServerLimits {
    // A burst of connects beyond the backlog gets its SYNs dropped and waits 1 s for a retransmit;
    // the kernel still caps this at net.core.somaxconn (4096 by default).
    static constexpr int kListenBacklog = 4096;
    // A request as sent, head and body; the framer enforces it (framing.hpp).
    static constexpr std::size_t kMaxRequestBytes = std::size_t{64} * 1024;
    // Pistache's own timeout sweep: a request must arrive whole within the header timeout.
    static constexpr std::chrono::seconds kHeaderTimeout{5};
    static constexpr std::chrono::seconds kBodyTimeout{10};
    static constexpr std::chrono::seconds kKeepAliveTimeout{30};
};

}  // namespace users::http
