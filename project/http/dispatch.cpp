#include "project/http/dispatch.hpp"

#include <spdlog/spdlog.h>

#include "project/errors.hpp"
#include "project/http/error_response.hpp"
#include "project/http/query_params.hpp"

namespace users::http {
namespace {

using Pistache::Http::Method;

std::string rawHeader(const Pistache::Http::Request& request, const std::string& name) {
    const auto header = request.headers().tryGetRaw(name);
    return header ? header->value() : "";
}

// OPTIONS on a known path; a CORS preflight also learns what it may send.
Response optionsResponse(const Pistache::Http::Request& request,
                         const std::vector<std::string>& allowed, const Cors& cors) {
    Response response{204, "", {{"Allow", joinList(allowed)}}, ""};
    if (!rawHeader(request, "Access-Control-Request-Method").empty()) {
        cors.preflight(rawHeader(request, "Origin"),
                       rawHeader(request, "Access-Control-Request-Headers"), allowed, response);
    }
    return response;
}

}  // namespace

Dispatcher::Outcome Dispatcher::dispatch(const Pistache::Http::Request& request,
                                         const std::string& requestId) const {
    Outcome outcome = answer(request, requestId);
    cors_.decorate(rawHeader(request, "Origin"), outcome.response);
    return outcome;
}

Dispatcher::Outcome Dispatcher::answer(const Pistache::Http::Request& request,
                                       const std::string& requestId) const {
    const Route* route = nullptr;
    try {
        auto match = router_->match(request.method(), request.resource());
        if (match.route == nullptr) {
            if (request.method() == Method::Options && !match.allowed.empty()) {
                return {optionsResponse(request, match.allowed, cors_), route};
            }
            if (!match.allowed.empty()) throw ServiceError::methodNotAllowed(match.allowed);
            throw ServiceError(ErrorKind::NotFound, kUrlNotFound);
        }
        route = match.route;
        rapidjson::Document body;
        if (match.route->requestSchema)
            body = parseBody(request.body(), *match.route->requestSchema);
        Request context{request, match.params, match.route->requestSchema ? &body : nullptr,
                        validateQuery(request.query(), match.route->parameters)};
        return {match.route->handler(context), route};
    } catch (const ServiceError& error) {
        if (error.kind() == ErrorKind::DatabaseUnavailable) {
            spdlog::error("{} {} id={}: {}", Pistache::Http::methodString(request.method()),
                          request.resource(), requestId, error.what());
        }
        return {errorResponse(error), route};
    } catch (const std::exception& error) {
        // Never let it reach Pistache 0.0.5, which answers 500 with the exception's text.
        spdlog::error("{} {} id={} failed: {}", Pistache::Http::methodString(request.method()),
                      request.resource(), requestId, error.what());
        return {internalErrorResponse(), route};
    }
}

}  // namespace users::http
