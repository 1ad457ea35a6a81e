#include "project/http/request_metrics.hpp"

namespace users::http {
namespace {

using Pistache::Http::Method;

const prometheus::Histogram::BucketBoundaries& latencyBuckets() {
    static const prometheus::Histogram::BucketBoundaries buckets = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
    return buckets;
}

constexpr std::array<Method, 9> kMethods = {Method::Options, Method::Get,   Method::Post,
                                            Method::Head,    Method::Put,   Method::Patch,
                                            Method::Delete,  Method::Trace, Method::Connect};

}  // namespace

RequestMetrics::RequestMetrics(prometheus::Registry& registry,
                               const std::vector<const Route*>& routes)
    : requests_(prometheus::BuildCounter()
                    .Name("http_requests_total")
                    .Help("HTTP requests answered, by method, route template and status")
                    .Register(registry)),
      latency_(prometheus::BuildHistogram()
                   .Name("http_request_duration_seconds")
                   .Help("Time from a parsed request to its answer being queued, by route")
                   .Register(registry)) {
    for (const auto* route : routes) {
        auto series = std::make_unique<Series>();
        series->method = Pistache::Http::methodString(route->method);
        series->route = route->path;
        routes_.emplace(route, std::move(series));
    }
    for (const Method method : kMethods) {
        auto series = std::make_unique<Series>();
        series->method = Pistache::Http::methodString(method);
        series->route = "unmatched";
        unmatched_.emplace(method, std::move(series));
    }
    unframed_.method = "-";
    unframed_.route = "unframed";
}

RequestMetrics::Series& RequestMetrics::seriesFor(const Route* route, Method method) {
    if (route != nullptr) {
        if (auto found = routes_.find(route); found != routes_.end()) return *found->second;
    }
    return *unmatched_.at(method);
}

void RequestMetrics::observe(const Route* route, Method method, int status,
                             std::chrono::steady_clock::duration elapsed) {
    record(seriesFor(route, method), status, elapsed);
}

void RequestMetrics::observeUnframed(int status, std::chrono::steady_clock::duration elapsed) {
    record(unframed_, status, elapsed);
}

void RequestMetrics::record(Series& series, int status,
                            std::chrono::steady_clock::duration elapsed) {
    // Family::Add returns the existing series for known labels, so a race only repeats work.
    auto* latency = series.latency.load(std::memory_order_acquire);
    if (latency == nullptr) {
        latency =
            &latency_.Add({{"method", series.method}, {"route", series.route}}, latencyBuckets());
        series.latency.store(latency, std::memory_order_release);
    }
    latency->Observe(std::chrono::duration<double>(elapsed).count());

    if (status < kMinStatus || status > kMaxStatus) return;
    auto& slot = series.requests.at(static_cast<std::size_t>(status - kMinStatus));
    auto* requests = slot.load(std::memory_order_acquire);
    if (requests == nullptr) {
        requests = &requests_.Add({{"method", series.method},
                                   {"route", series.route},
                                   {"status", std::to_string(status)}});
        slot.store(requests, std::memory_order_release);
    }
    requests->Increment();
}

}  // namespace users::http
