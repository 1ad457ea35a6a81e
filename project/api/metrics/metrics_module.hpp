#pragma once

#include <memory>

#include <prometheus/registry.h>

#include "project/db/pool.hpp"
#include "project/http/module.hpp"

namespace users::api {

// GET /metrics: the registry's request metrics and the pool's numbers, in Prometheus text format.
class MetricsModule : public http::Module {
public:
    MetricsModule(std::shared_ptr<const prometheus::Registry> registry, const db::Pool& pool)
        : registry_(std::move(registry)), pool_(pool) {}
    void registerRoutes(http::Router& router) const override;

private:
    std::shared_ptr<const prometheus::Registry> registry_;
    const db::Pool& pool_;
};

}  // namespace users::api
