#pragma once

#include "project/http/module.hpp"

namespace users::api {

// GET /health/app: the process serves. GET /health/database: a trivial statement's round trip
// through the thread's database engine, or 503 when it has no connection or the deadline passes.
// Polled by load balancers and container health checks.
class HealthModule : public http::Module {
public:
    void registerRoutes(http::Router& router) const override;
};

}  // namespace users::api
