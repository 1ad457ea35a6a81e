#include "project/api/metrics/build_info.hpp"

#include "project/version.hpp"

namespace users::api {

prometheus::MetricFamily buildInfoFamily() {
    prometheus::ClientMetric metric;
    metric.label = {{"version", buildVersion()}, {"revision", buildRevision()}};
    metric.gauge.value = 1;
    return {"users_build_info",
            "The version and git revision of the running server (always 1)",
            prometheus::MetricType::Gauge,
            {metric}};
}

}  // namespace users::api
