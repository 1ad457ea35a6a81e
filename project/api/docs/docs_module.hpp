#pragma once

#include <string>

#include "project/api/docs/swagger_ui.hpp"
#include "project/api/module.hpp"
#include "project/api/openapi.hpp"

namespace users::api {

// GET /openapi.json and /swagger.json (the same document), and Swagger UI at /doc/.
// Register it last: the document describes every route registered before it, and its own.
class DocsModule : public Module {
public:
    DocsModule(ApiInfo info, const std::string& swaggerUiDir);
    void registerRoutes(Router& router) const override;

private:
    Response page(const Request& request) const;
    Response asset(const Request& request) const;

    ApiInfo info_;
    SwaggerUi ui_;
};

}  // namespace users::api
