#include "project/api/ping_module.hpp"

#include <memory>

namespace users::api {

void PingModule::registerRoutes(http::Router& router) const {
    auto pong = std::make_shared<const http::JsonSchema>(R"({
        "title": "Pong",
        "type": "object",
        "required": ["status", "message"],
        "properties": {"status": {"type": "string"}, "message": {"type": "string"}}
    })");
    router.add(http::Route::get("/ping")
                   .summary("Sanity check")
                   .responds(200, "The service is up", pong)
                   .handle([](const http::Request&) {
                       return http::jsonResponse(200, R"({"status":"success","message":"pong!"})");
                   }));
}

}  // namespace users::api
