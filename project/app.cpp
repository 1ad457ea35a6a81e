#include "project/app.hpp"

#include "project/api/ping.hpp"
#include "project/api/users/users_module.hpp"

namespace users {
namespace {

std::vector<std::unique_ptr<api::Module>> makeModules(const db::UserRepository& users) {
    std::vector<std::unique_ptr<api::Module>> modules;
    modules.push_back(std::make_unique<api::PingModule>());
    modules.push_back(std::make_unique<api::UsersModule>(users));
    return modules;
}

std::shared_ptr<api::Router> routerOf(const std::vector<std::unique_ptr<api::Module>>& modules) {
    auto router = std::make_shared<api::Router>();
    for (const auto& module : modules) module->registerRoutes(*router);
    return router;
}

}  // namespace

App::App(const Config& config)
    : pool_(config.databaseUrl, config.poolSize, config.databaseTimeout,
            &db::UserRepository::prepare),
      users_(pool_),
      modules_(makeModules(users_)),
      router_(routerOf(modules_)),
      server_(config.host, config.port, config.httpThreads, router_) {}

}  // namespace users
