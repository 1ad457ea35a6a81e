#pragma once

#include "project/http/module.hpp"

namespace users::api {

// GET /ping: liveness as the reference service answers it.
class PingModule : public http::Module {
public:
    void registerRoutes(http::Router& router) const override;
};

}  // namespace users::api
