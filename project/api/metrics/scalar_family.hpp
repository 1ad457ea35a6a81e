#pragma once

#include <prometheus/metric_family.h>

namespace users::api {

// A family of one unlabelled value, read at scrape time.
inline prometheus::MetricFamily gaugeFamily(const char* name, const char* help, double value) {
    prometheus::ClientMetric metric;
    metric.gauge.value = value;
    return {name, help, prometheus::MetricType::Gauge, {metric}};
}

inline prometheus::MetricFamily counterFamily(const char* name, const char* help, double value) {
    prometheus::ClientMetric metric;
    metric.counter.value = value;
    return {name, help, prometheus::MetricType::Counter, {metric}};
}

}  // namespace users::api
