#pragma once

#include <vector>

#include <prometheus/metric_family.h>

#include "project/db/engine_stats.hpp"

namespace users::api {

// The database connections' gauges and error counters, read at scrape time. The names keep the
// db_pool_ prefix they had when a blocking pool held the connections.
std::vector<prometheus::MetricFamily> databaseFamilies(const db::EngineStats& stats);

}  // namespace users::api
