#include "project/api/metrics/metrics_module.hpp"

#include <prometheus/text_serializer.h>

#include "project/api/metrics/build_info.hpp"
#include "project/api/metrics/database_metrics.hpp"
#include "project/api/metrics/worker_metrics.hpp"

namespace users::api {

void MetricsModule::registerRoutes(http::Router& router) const {
    router.add(http::Route::get("/metrics")
                   .summary("Prometheus metrics")
                   .responds(200, "Metrics in the Prometheus text format")
                   .handle([registry = registry_, database = database_,
                            &workers = workers_](const http::Request&) {
                       auto families = registry->Collect();
                       families.push_back(buildInfoFamily());
                       for (auto& family : databaseFamilies(*database)) {
                           families.push_back(std::move(family));
                       }
                       for (auto& family : workerFamilies(workers.load())) {
                           families.push_back(std::move(family));
                       }
                       return http::Response{200,
                                             prometheus::TextSerializer().Serialize(families),
                                             {},
                                             "text/plain; version=0.0.4; charset=utf-8"};
                   }));
}

}  // namespace users::api
