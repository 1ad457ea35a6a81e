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
    router.add(http::Route::get("/health/app")
                   .summary("Liveness: the process serves requests")
                   .responds(200, "Healthy", schema)
                   .handle([](const http::Request&) { return http::jsonResponse(200, kHealthy); }));
    router.add(
        http::Route::get("/health/database")
            .summary("Readiness: the database answers a trivial query")
            .responds(200, "Healthy, with the query's round trip", schema)
            .responds(503, "The database is unreachable", schema)
            .handle([](const http::Request&) -> http::Reply {
                // Here the database being down is the answer, not an error to map.
                return db::probeDatabase()
                    .then([](std::chrono::steady_clock::duration latency) {
                        const double ms =
                            std::chrono::duration<double, std::milli>(latency).count();
                        return http::jsonResponse(
                            200, fmt::format(R"({{"status":"healthy","latency_ms":{:.3f}}})", ms));
                    })
                    .recover([](const std::exception_ptr& failure) {
                        try {
                            std::rethrow_exception(failure);
                        } catch (const ServiceError& error) {
                            if (error.kind() != ErrorKind::DatabaseUnavailable) throw;
                            spdlog::warn("database health check failed: {}", error.what());
                        }
                        return http::jsonResponse(503, kUnhealthy);
                    });
            }));
}

}  // namespace users::api
