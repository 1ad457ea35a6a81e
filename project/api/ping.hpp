#pragma once

#include "project/api/module.hpp"

namespace users::api {

// GET /ping: liveness as the reference service answers it.
class PingModule : public Module {
public:
    void registerRoutes(Router& router) const override;
};

}  // namespace users::api
