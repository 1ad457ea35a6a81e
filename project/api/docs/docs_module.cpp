#include "project/api/docs/docs_module.hpp"

#include <memory>

#include <spdlog/spdlog.h>

#include "project/api/docs/gzip.hpp"
#include "project/errors.hpp"
#include "project/http/error_response.hpp"

namespace users::api {
namespace {

std::shared_ptr<const http::JsonSchema> documentSchema() {
    static const auto schema = std::make_shared<const http::JsonSchema>(
        R"({"title": "OpenApiDocument", "type": "object",
            "required": ["openapi", "info", "paths"],
            "properties": {"openapi": {"type": "string"}, "info": {"type": "object"},
                           "paths": {"type": "object"}}})");
    return schema;
}

http::Response notInstalled() {
    return http::messageResponse(503,
                                 "The API documentation UI is not installed on this server; the "
                                 "OpenAPI document is at /openapi.json.");
}

bool wantsGzip(const http::Request& request) {
    const auto header = request.http.headers().tryGetRaw("Accept-Encoding");
    return header && acceptsGzip(header->value());
}

}  // namespace

DocsModule::DocsModule(ApiInfo info, const std::string& swaggerUiDir)
    : info_(std::move(info)), ui_(swaggerUiDir) {
    if (!ui_.available()) spdlog::warn("Swagger UI at /doc is unavailable: {}", ui_.problem());
}

void DocsModule::registerRoutes(http::Router& router) const {
    // Filled in below, once every route is known; only read after the server starts.
    auto document = std::make_shared<std::string>();
    const auto serve = [document](const http::Request&) {
        return http::jsonResponse(200, *document);
    };
    router.add(http::Route::get("/openapi.json")
                   .summary("This OpenAPI document")
                   .responds(200, "The OpenAPI 3.0 document of the API", documentSchema())
                   .handle(serve));
    router.add(http::Route::get("/swagger.json")
                   .summary("This OpenAPI document, where Swagger tools look for it")
                   .responds(200, "The same document as /openapi.json", documentSchema())
                   .handle(serve));
    router.add(http::Route::get("/doc")
                   .summary("Swagger UI")
                   .undocumented()
                   .handle([this](const http::Request& request) { return page(request); }));
    router.add(http::Route::get("/doc/{file}")
                   .summary("Swagger UI files")
                   .undocumented()
                   .handle([this](const http::Request& request) { return asset(request); }));
    *document = openApiDocument(router.routes(), info_);
}

// /doc redirects to /doc/ so that the page's relative links resolve under /doc/.
http::Response DocsModule::page(const http::Request& request) const {
    const std::string& path = request.http.resource();
    if (path.empty() || path.back() != '/') {
        http::Response moved = http::messageResponse(301, "Swagger UI is at /doc/");
        moved.headers.emplace_back("Location", "/doc/");
        return moved;
    }
    if (!ui_.available()) return notInstalled();
    return *ui_.file("index.html");
}

http::Response DocsModule::asset(const http::Request& request) const {
    if (!ui_.available()) return notInstalled();
    if (auto file = ui_.file(request.params.at("file"), wantsGzip(request))) return *file;
    throw ServiceError(ErrorKind::NotFound, http::kUrlNotFound);
}

}  // namespace users::api
