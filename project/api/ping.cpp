#include "project/api/ping.hpp"

#include <memory>

namespace users::api {

void PingModule::registerRoutes(Router& router) const {
    auto pong = std::make_shared<const JsonSchema>(R"({
        "title": "Pong",
        "type": "object",
        "required": ["status", "message"],
        "properties": {"status": {"type": "string"}, "message": {"type": "string"}}
    })");
    router.add({Pistache::Http::Method::Get,
                "/ping",
                "Sanity check",
                nullptr,
                {{200, "The service is up", pong}},
                [](const Request&) {
                    return jsonResponse(200, R"({"status":"success","message":"pong!"})");
                }});
}

}  // namespace users::api
