#include "project/app.hpp"

#include "project/api/docs/docs_module.hpp"
#include "project/api/health_module.hpp"
#include "project/api/metrics/metrics_module.hpp"
#include "project/api/ping_module.hpp"
#include "project/api/users/users_module.hpp"
#include "project/db/engine.hpp"
#include "project/db/server_statements.hpp"
#include "project/event_loop_clients.hpp"
#include "project/mailbox.hpp"

namespace users {
namespace {

constexpr const char* kApiDescription =
    "A users service. Every answer is JSON, errors included (`{\"message\": ...}`, with "
    "`errors` naming the field or parameter when input is invalid).\n\n"
    "Beyond the operations listed: `HEAD` answers every `GET` route with its headers and no "
    "body; `OPTIONS` on any known path answers 204 with `Allow`; a known path with another "
    "method answers 405 with `Allow`; an unknown path answers 404. CORS is open to the origins "
    "of `CORS_ORIGINS` (default any).";

std::vector<std::unique_ptr<http::Module>> makeModules(
    const Config& config, const std::shared_ptr<db::EngineStats>& databaseStats,
    const db::UserRepository& users, WorkerPool& workers,
    const std::shared_ptr<prometheus::Registry>& registry) {
    std::vector<std::unique_ptr<http::Module>> modules;
    modules.push_back(std::make_unique<api::PingModule>());
    modules.push_back(std::make_unique<api::HealthModule>());
    modules.push_back(std::make_unique<api::UsersModule>(users, workers));
    if (registry)
        modules.push_back(std::make_unique<api::MetricsModule>(registry, databaseStats, workers));
    // Last: it documents the routes registered before it.
    modules.push_back(std::make_unique<api::DocsModule>(
        api::ApiInfo{"Users API", USERS_VERSION, kApiDescription, "MIT"}, config.swaggerUiDir));
    return modules;
}

std::shared_ptr<http::Router> routerOf(const std::vector<std::unique_ptr<http::Module>>& modules) {
    auto router = std::make_shared<http::Router>();
    for (const auto& module : modules) module->registerRoutes(*router);
    return router;
}

// Each reactor thread's engine, the connections shared out evenly among the threads, and the
// inbox through which the worker pool answers that thread.
http::ReactorTransport::ServiceFactory threadServices(
    const Config& config, const std::shared_ptr<db::EngineStats>& stats) {
    const std::vector<db::Statement> statements = db::serverStatements();
    auto threadsMade = std::make_shared<std::atomic<unsigned>>(0);
    return [config, stats, statements, threadsMade](EventLoop& loop) {
        const unsigned thread = (*threadsMade)++ % config.httpThreads;
        const unsigned connections = config.poolSize / config.httpThreads +
                                     (thread < config.poolSize % config.httpThreads ? 1 : 0);
        db::EngineSettings settings{config.databaseUrl, connections, config.databaseTimeout,
                                    config.maxInFlight};
        auto services = std::make_unique<EventLoopClients>();
        services->add(std::make_unique<db::Engine>(loop, settings, statements, stats));
        services->add(std::make_unique<Inbox>(loop));
        return services;
    };
}

}  // namespace

App::App(const Config& config)
    : databaseStats_(std::make_shared<db::EngineStats>()),
      workers_(config.workerThreads, config.workerQueueLimit),
      registry_(config.metricsEnabled ? std::make_shared<prometheus::Registry>() : nullptr),
      modules_(makeModules(config, databaseStats_, users_, workers_, registry_)),
      router_(routerOf(modules_)),
      requestMetrics_(registry_
                          ? std::make_shared<http::RequestMetrics>(*registry_, router_->routes())
                          : nullptr),
      server_(config.host, config.port, config.httpThreads,
              {config.shutdownTimeout, config.writeTimeout},
              std::make_shared<http::HttpHandler>(
                  http::Dispatcher(router_, http::Cors(config.corsOrigins)),
                  http::AccessLog(config.logFormat), requestMetrics_),
              threadServices(config, databaseStats_)) {}

}  // namespace users
