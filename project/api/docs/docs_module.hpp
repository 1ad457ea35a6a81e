#pragma once

#include <string>

#include "project/api/docs/openapi.hpp"
#include "project/api/docs/swagger_ui.hpp"
#include "project/http/module.hpp"

namespace users::api {

// GET /openapi.json and /swagger.json (the same document), and Swagger UI at /doc/.
// Register it last: the document describes every route registered before it, and its own.
class DocsModule : public http::Module {
public:
    DocsModule(ApiInfo info, const std::string& swaggerUiDir);
    void registerRoutes(http::Router& router) const override;

private:
    http::Response page(const http::Request& request) const;
    http::Response asset(const http::Request& request) const;

    ApiInfo info_;
    SwaggerUi ui_;
};

}  // namespace users::api
