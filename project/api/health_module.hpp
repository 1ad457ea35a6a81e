#pragma once

#include "project/db/pool.hpp"
#include "project/http/module.hpp"

namespace users::api {

// GET /health/app: the process serves. GET /health/database: a trivial query round trip, or 503
// within the pool's bounds when the database is unreachable. Polled by load balancers and
// container health checks.
class HealthModule : public http::Module {
public:
    explicit HealthModule(db::Pool& pool) : pool_(pool) {}
    void registerRoutes(http::Router& router) const override;

private:
    db::Pool& pool_;
};

}  // namespace users::api
