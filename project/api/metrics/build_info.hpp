#pragma once

#include <prometheus/metric_family.h>

namespace users::api {

// users_build_info{version="1.0.0",revision="0a1b2c3d4e5f"} 1: which build a scrape came from,
// the Prometheus convention for joining it with other series.
prometheus::MetricFamily buildInfoFamily();

}  // namespace users::api
