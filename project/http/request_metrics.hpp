#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "project/http/router.hpp"

namespace users::http {

// http_requests_total{method,route,status} and http_request_duration_seconds{method,route}.
// The route label is the matched template (/users/{id}), or "unmatched": never the raw path.
// Series are created on first use and cached: the request path then only reads an atomic
// pointer and increments (Family::Add builds a label map on every call, ~30x slower).
class RequestMetrics {
public:
    RequestMetrics(prometheus::Registry& registry, const std::vector<const Route*>& routes);

    void observe(const Route* route, Pistache::Http::Method method, int status,
                 std::chrono::steady_clock::duration elapsed);
    // A request refused by framing: method "-", route "unframed".
    void observeUnframed(int status, std::chrono::steady_clock::duration elapsed);

private:
    static constexpr int kMinStatus = 100;
    static constexpr int kMaxStatus = 599;

    struct Series {
        std::string method;
        std::string route;
        std::atomic<prometheus::Histogram*> latency{nullptr};
        std::array<std::atomic<prometheus::Counter*>, kMaxStatus - kMinStatus + 1> requests{};
    };
    Series& seriesFor(const Route* route, Pistache::Http::Method method);
    void record(Series& series, int status, std::chrono::steady_clock::duration elapsed);

    prometheus::Family<prometheus::Counter>& requests_;
    prometheus::Family<prometheus::Histogram>& latency_;
    std::map<const Route*, std::unique_ptr<Series>> routes_;  // fixed after construction
    std::map<Pistache::Http::Method, std::unique_ptr<Series>> unmatched_;
    Series unframed_;
};

}  // namespace users::http
