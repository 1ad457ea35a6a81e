#include "project/api/metrics/worker_metrics.hpp"

#include "project/api/metrics/scalar_family.hpp"

namespace users::api {

std::vector<prometheus::MetricFamily> workerFamilies(const WorkerPool::Load& load) {
    return {
        gaugeFamily("worker_threads", "Worker threads for work no reactor may wait on",
                    load.threads),
        gaugeFamily("worker_jobs_running", "Jobs on a worker thread now",
                    static_cast<double>(load.running)),
        gaugeFamily("worker_jobs_queued", "Jobs waiting for a worker thread",
                    static_cast<double>(load.queued)),
        counterFamily("worker_jobs_refused_total",
                      "Jobs refused with 503 because the worker queue was at WORKER_QUEUE_LIMIT",
                      static_cast<double>(load.refused)),
    };
}

}  // namespace users::api
