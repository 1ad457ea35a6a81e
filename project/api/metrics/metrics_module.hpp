#pragma once

#include <memory>

#include <prometheus/registry.h>

#include "project/db/engine_stats.hpp"
#include "project/http/module.hpp"
#include "project/worker_pool.hpp"

namespace users::api {

// GET /metrics: the registry's request metrics, the database connections' numbers and the worker
// pool's, in Prometheus text format.
class MetricsModule : public http::Module {
public:
    MetricsModule(std::shared_ptr<const prometheus::Registry> registry,
                  std::shared_ptr<const db::EngineStats> database, const WorkerPool& workers)
        : registry_(std::move(registry)), database_(std::move(database)), workers_(workers) {}
    void registerRoutes(http::Router& router) const override;

private:
    std::shared_ptr<const prometheus::Registry> registry_;
    std::shared_ptr<const db::EngineStats> database_;
    const WorkerPool& workers_;
};

}  // namespace users::api
