#pragma once

#include <atomic>
#include <cstdint>

namespace users::db {

// Shared by the engines of every reactor thread, read by the metrics endpoint.
struct EngineStats {
    std::atomic<std::int64_t> connections{0};  // configured, over all threads
    std::atomic<std::int64_t> open{0};         // connected and prepared
    std::atomic<std::int64_t> busy{0};         // open with statements in flight
    std::atomic<std::uint64_t> connectFailures{0};
    std::atomic<std::uint64_t> connectionsLost{0};
    std::atomic<std::uint64_t> timeouts{0};     // a statement outlived DB_TIMEOUT_MS
    std::atomic<std::uint64_t> overloaded{0};   // refused at once: the in-flight cap was reached
    std::atomic<std::uint64_t> unavailable{0};  // refused at once: no open connection
    std::atomic<std::uint64_t> constraintViolations{0};  // SQLSTATE class 23, e.g. a duplicate
    std::atomic<std::uint64_t> statementErrors{0};       // any other SQL error

    static void add(std::atomic<std::uint64_t>& counter) {
        counter.fetch_add(1, std::memory_order_relaxed);
    }
};

}  // namespace users::db
