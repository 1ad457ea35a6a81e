#pragma once

#include "project/http/router.hpp"

namespace users::http {

// A resource, like a Flask blueprint: it owns its routes and registers them on the router.
class Module {
public:
    virtual ~Module() = default;
    virtual void registerRoutes(Router& router) const = 0;
};

}  // namespace users::http
