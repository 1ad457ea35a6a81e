#pragma once

#include "project/db/user_repository.hpp"
#include "project/http/module.hpp"
#include "project/worker_pool.hpp"

namespace users::api {

// The users resource: list, create, read, update, delete.
class UsersModule : public http::Module {
public:
    UsersModule(const db::UserRepository& repository, WorkerPool& workers)
        : repository_(repository), workers_(workers) {}
    void registerRoutes(http::Router& router) const override;

private:
    http::Reply list(const http::Request& request) const;
    http::Reply create(const http::Request& request) const;
    http::Reply read(const http::Request& request) const;
    http::Reply update(const http::Request& request) const;
    http::Reply remove(const http::Request& request) const;

    const db::UserRepository& repository_;
    WorkerPool& workers_;
};

}  // namespace users::api
