#include <gtest/gtest.h>

#include <prometheus/text_serializer.h>

#include "project/api/metrics/database_metrics.hpp"
#include "project/api/metrics/worker_metrics.hpp"
#include "project/http/request_metrics.hpp"

namespace users {
namespace {

using namespace std::chrono_literals;
using Pistache::Http::Method;

http::Route route(Method method, const std::string& path) {
    return http::RouteBuilder(method, path).handle([](const http::Request&) {
        return http::Response{};
    });
}

std::string text(const std::vector<prometheus::MetricFamily>& families) {
    return prometheus::TextSerializer().Serialize(families);
}

bool has(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

TEST(RequestMetrics, CountsByMethodRouteTemplateAndStatus) {
    prometheus::Registry registry;
    const http::Route byId = route(Method::Get, "/users/{id}");
    http::RequestMetrics metrics(registry, {&byId});
    metrics.observe(&byId, Method::Get, 200, 2ms);
    metrics.observe(&byId, Method::Get, 200, 3ms);
    metrics.observe(&byId, Method::Get, 404, 1ms);

    const std::string out = text(registry.Collect());
    EXPECT_TRUE(has(out, R"(http_requests_total{method="GET",route="/users/{id}",status="200"} 2)"))
        << out;
    EXPECT_TRUE(
        has(out, R"(http_requests_total{method="GET",route="/users/{id}",status="404"} 1)"));
    EXPECT_TRUE(
        has(out, R"(http_request_duration_seconds_count{method="GET",route="/users/{id}"} 3)"));
    EXPECT_TRUE(has(
        out,
        R"(http_request_duration_seconds_bucket{method="GET",route="/users/{id}",le="0.0025"} 2)"));
    EXPECT_TRUE(has(
        out,
        R"(http_request_duration_seconds_bucket{method="GET",route="/users/{id}",le="0.001"} 1)"));
}

TEST(RequestMetrics, UnmatchedRequestsShareOneLabelPerMethod) {
    prometheus::Registry registry;
    http::RequestMetrics metrics(registry, {});
    metrics.observe(nullptr, Method::Get, 404, 1ms);
    metrics.observe(nullptr, Method::Get, 404, 1ms);
    metrics.observe(nullptr, Method::Patch, 405, 1ms);
    const http::Route unknown = route(Method::Get, "/other");  // not registered at construction
    metrics.observe(&unknown, Method::Get, 404, 1ms);

    const std::string out = text(registry.Collect());
    EXPECT_TRUE(has(out, R"(http_requests_total{method="GET",route="unmatched",status="404"} 3)"))
        << out;
    EXPECT_TRUE(
        has(out, R"(http_requests_total{method="PATCH",route="unmatched",status="405"} 1)"));
    EXPECT_FALSE(has(out, "/other"));
}

TEST(RequestMetrics, AStatusOutsideHttpRangeIsTimedButNotCounted) {
    prometheus::Registry registry;
    http::RequestMetrics metrics(registry, {});
    metrics.observe(nullptr, Method::Get, 42, 1ms);
    const std::string out = text(registry.Collect());
    EXPECT_FALSE(has(out, "http_requests_total{"));
    EXPECT_TRUE(
        has(out, R"(http_request_duration_seconds_count{method="GET",route="unmatched"} 1)"));
}

TEST(DatabaseMetrics, ExposesGaugesAndErrorsByKind) {
    db::EngineStats stats;
    stats.connections = 8;
    stats.open = 3;
    stats.busy = 2;
    stats.connectFailures = 1;
    stats.connectionsLost = 2;
    stats.timeouts = 3;
    stats.overloaded = 5;
    stats.unavailable = 7;
    stats.constraintViolations = 4;
    stats.statementErrors = 6;
    const std::string out = text(api::databaseFamilies(stats));
    for (const char* expected :
         {"# TYPE db_pool_size gauge", "db_pool_size 8", "db_pool_connections_open 3",
          "db_pool_connections_in_use 2", "# TYPE db_errors_total counter",
          R"(db_errors_total{kind="connect"} 1)", R"(db_errors_total{kind="connection_lost"} 2)",
          R"(db_errors_total{kind="timeout"} 3)", R"(db_errors_total{kind="overloaded"} 5)",
          R"(db_errors_total{kind="no_connection"} 7)", R"(db_errors_total{kind="constraint"} 4)",
          R"(db_errors_total{kind="statement"} 6)"}) {
        EXPECT_TRUE(has(out, expected)) << expected << " in\n" << out;
    }
}

TEST(WorkerMetrics, ExposesThePoolsSizeQueueAndRefusals) {
    const std::string out = text(api::workerFamilies({3, 5, 2, 7}));
    for (const char* expected :
         {"# TYPE worker_threads gauge", "worker_threads 3", "# TYPE worker_jobs_queued gauge",
          "worker_jobs_queued 5", "worker_jobs_running 2",
          "# TYPE worker_jobs_refused_total counter", "worker_jobs_refused_total 7"}) {
        EXPECT_TRUE(has(out, expected)) << expected << " in\n" << out;
    }
}

}  // namespace
}  // namespace users
