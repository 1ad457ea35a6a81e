#include "project/api/metrics/database_metrics.hpp"

#include "project/api/metrics/scalar_family.hpp"

namespace users::api {
namespace {

prometheus::ClientMetric errorsOfKind(const char* kind, const std::atomic<std::uint64_t>& count) {
    prometheus::ClientMetric metric;
    metric.label = {{"kind", kind}};
    metric.counter.value = static_cast<double>(count.load(std::memory_order_relaxed));
    return metric;
}

}  // namespace

std::vector<prometheus::MetricFamily> databaseFamilies(const db::EngineStats& stats) {
    const auto number = [](const std::atomic<std::int64_t>& value) {
        return static_cast<double>(value.load(std::memory_order_relaxed));
    };
    return {
        gaugeFamily("db_pool_size", "Database connections configured, over every reactor thread",
                    number(stats.connections)),
        gaugeFamily("db_pool_connections_open", "Database connections open and prepared",
                    number(stats.open)),
        gaugeFamily("db_pool_connections_in_use",
                    "Open database connections with statements in flight", number(stats.busy)),
        {"db_errors_total",
         "Database errors by kind",
         prometheus::MetricType::Counter,
         {errorsOfKind("connect", stats.connectFailures),
          errorsOfKind("connection_lost", stats.connectionsLost),
          errorsOfKind("timeout", stats.timeouts), errorsOfKind("overloaded", stats.overloaded),
          errorsOfKind("no_connection", stats.unavailable),
          errorsOfKind("constraint", stats.constraintViolations),
          errorsOfKind("statement", stats.statementErrors)}},
    };
}

}  // namespace users::api
