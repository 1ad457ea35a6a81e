#pragma once

#include <memory>
#include <vector>

#include <prometheus/registry.h>

#include "project/config.hpp"
#include "project/db/engine_stats.hpp"
#include "project/db/user_repository.hpp"
#include "project/http/module.hpp"
#include "project/http/request_metrics.hpp"
#include "project/http/router.hpp"
#include "project/http/server.hpp"
#include "project/worker_pool.hpp"

namespace users {

// The app factory, our create_app: the one place that wires repository -> modules -> router ->
// server, the database engine and the inbox each reactor thread owns, and the worker pool. main and
// the functional tests build on it; manage needs no server and makes only a blocking pool.
class App {
public:
    explicit App(const Config& config);

    void start() { server_.start(); }
    void stop() { server_.stop(); }
    std::uint16_t port() const { return server_.port(); }

private:
    std::shared_ptr<db::EngineStats> databaseStats_;
    WorkerPool workers_;  // before the server: it outlives the reactors that post to it
    db::UserRepository users_;
    std::shared_ptr<prometheus::Registry> registry_;  // null: METRICS_ENABLED=false
    std::vector<std::unique_ptr<http::Module>> modules_;
    std::shared_ptr<http::Router> router_;
    std::shared_ptr<http::RequestMetrics> requestMetrics_;
    http::Server server_;
};

}  // namespace users
