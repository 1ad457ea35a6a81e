#pragma once

#include "project/api/module.hpp"
#include "project/db/user_repository.hpp"

namespace users::api {

// The users resource: list, create, read, update, delete.
class UsersModule : public Module {
public:
    explicit UsersModule(const db::UserRepository& repository) : repository_(repository) {}
    void registerRoutes(Router& router) const override;

private:
    Response list(const Request& request) const;
    Response create(const Request& request) const;
    Response read(const Request& request) const;
    Response update(const Request& request) const;
    Response remove(const Request& request) const;

    const db::UserRepository& repository_;
};

}  // namespace users::api
