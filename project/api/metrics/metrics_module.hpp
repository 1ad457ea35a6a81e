#pragma once

#include <memory>

#include <prometheus/registry.h>

#include "project/db/engine_stats.hpp"
#include "project/http/module.hpp"

namespace users::api {

// GET /metrics: the registry's request metrics and the database connections' numbers, in Prometheus
// text format.
class MetricsModule : public http::Module {
public:
    MetricsModule(std::shared_ptr<const prometheus::Registry> registry,
                  std::shared_ptr<const db::EngineStats> database)
        : registry_(std::move(registry)), database_(std::move(database)) {}
    void registerRoutes(http::Router& router) const override;

private:
    std::shared_ptr<const prometheus::Registry> registry_;
    std::shared_ptr<const db::EngineStats> database_;
};

}  // namespace users::api
