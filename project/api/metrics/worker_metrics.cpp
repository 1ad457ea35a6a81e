#include "project/api/metrics/worker_metrics.hpp"

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

}  // namespace

std::vector<prometheus::MetricFamily> workerFamilies(const WorkerPool::Load& load) {
    using prometheus::MetricType;
    return {
        single("worker_threads", "Worker threads for work no reactor may wait on",
               MetricType::Gauge, load.threads),
        single("worker_jobs_running", "Jobs on a worker thread now", MetricType::Gauge,
               static_cast<double>(load.running)),
        single("worker_jobs_queued", "Jobs waiting for a worker thread", MetricType::Gauge,
               static_cast<double>(load.queued)),
        single("worker_jobs_refused_total",
               "Jobs refused with 503 because the worker queue was at WORKER_QUEUE_LIMIT",
               MetricType::Counter, static_cast<double>(load.refused)),
    };
}

}  // namespace users::api
