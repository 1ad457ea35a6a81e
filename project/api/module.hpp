#pragma once

#include "project/api/router.hpp"

namespace users::api {

// A resource, like a Flask blueprint: it owns its routes and registers them on the router.
class Module {
public:
    virtual ~Module() = default;
    virtual void registerRoutes(Router& router) const = 0;
};

}  // namespace users::api
