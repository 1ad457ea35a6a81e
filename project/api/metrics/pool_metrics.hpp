#pragma once

#include <vector>

#include <prometheus/metric_family.h>

#include "project/db/pool.hpp"

namespace users::api {

// The pool gauges and the database error counters, read from the pool at scrape time.
std::vector<prometheus::MetricFamily> poolFamilies(const db::Pool::Stats& stats);

}  // namespace users::api
