#pragma once

#include <vector>

#include <prometheus/metric_family.h>

#include "project/worker_pool.hpp"

namespace users::api {

// The worker pool's size, queue and refusals, read at scrape time: a queue that stays long or a
// refusal count that grows says WORKER_THREADS or WORKER_QUEUE_LIMIT is too small.
std::vector<prometheus::MetricFamily> workerFamilies(const WorkerPool::Load& load);

}  // namespace users::api
