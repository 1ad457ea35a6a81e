#include "project/api/health_module.hpp"

#include <memory>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "project/db/health_probe.hpp"
#include "project/errors.hpp"

namespace users::api {
namespace {

constexpr const char* kHealthy = R"({"status":"healthy"})";
constexpr const char* kUnhealthy = R"({"status":"unhealthy","reason":"database unavailable"})";

std::shared_ptr<const http::JsonSchema> healthSchema() {
    return std::make_shared<const http::JsonSchema>(R"({
        "type": "object",
        "required": ["status"],
        "properties": {
            "status": {"type": "string", "enum": ["healthy", "unhealthy"]},
            "latency_ms": {"type": "number"},
            "reason": {"type": "string"}
        }
    })");
}

}  // namespace

void HealthModule::registerRoutes(http::Router& router) const {
    const auto schema = healthSchema();
    router.add({Pistache::Http::Method::Get,
                "/health/app",
                "Liveness: the process serves requests",
                nullptr,
                {{200, "Healthy", schema}},
                [](const http::Request&) { return http::jsonResponse(200, kHealthy); }});
    router.add({Pistache::Http::Method::Get,
                "/health/database",
                "Readiness: the database answers a trivial query",
                nullptr,
                {{200, "Healthy, with the query's round trip", schema},
                 {503, "The database is unreachable", schema}},
                [&pool = pool_](const http::Request&) {
                    // Here the database being down is the answer, not an error to map.
                    try {
                        const auto latency = db::probeDatabase(pool);
                        const double ms =
                            std::chrono::duration<double, std::milli>(latency).count();
                        return http::jsonResponse(
                            200, fmt::format(R"({{"status":"healthy","latency_ms":{:.3f}}})", ms));
                    } catch (const ServiceError& error) {
                        if (error.kind() != ErrorKind::DatabaseUnavailable) throw;
                        spdlog::warn("database health check failed: {}", error.what());
                        return http::jsonResponse(503, kUnhealthy);
                    }
                }});
}

}  // namespace users::api
