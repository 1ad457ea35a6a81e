#include "project/api/metrics/pool_metrics.hpp"

namespace users::api {
namespace {

prometheus::MetricFamily single(const char* name, const char* help, prometheus::MetricType type,
                                double value) {
    prometheus::ClientMetric metric;
    if (type == prometheus::MetricType::Counter) {
        metric.counter.value = value;
    } else {
        metric.gauge.value = value;
    }
    return {name, help, type, {metric}};
}

prometheus::ClientMetric errorsOfKind(const char* kind, std::uint64_t count) {
    prometheus::ClientMetric metric;
    metric.label = {{"kind", kind}};
    metric.counter.value = static_cast<double>(count);
    return metric;
}

}  // namespace

std::vector<prometheus::MetricFamily> poolFamilies(const db::Pool::Stats& stats) {
    using prometheus::MetricType;
    const auto number = [](auto value) { return static_cast<double>(value); };
    return {
        single("db_pool_size", "Most database connections the pool holds", MetricType::Gauge,
               number(stats.size)),
        single("db_pool_connections_open", "Database connections held, idle or in use",
               MetricType::Gauge, number(stats.open)),
        single("db_pool_connections_in_use", "Database connections leased to a request",
               MetricType::Gauge, number(stats.inUse)),
        single("db_pool_waits_total", "Requests that found no free connection and waited",
               MetricType::Counter, number(stats.waits)),
        {"db_errors_total",
         "Database errors by kind",
         MetricType::Counter,
         {errorsOfKind("connect", stats.connectFailures),
          errorsOfKind("connection_lost", stats.connectionsLost),
          errorsOfKind("pool_timeout", stats.timeouts),
          errorsOfKind("constraint", stats.constraintViolations),
          errorsOfKind("statement", stats.statementErrors)}},
    };
}

}  // namespace users::api
