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

// The one mapping of a failure to an answer; the request's words are for the log only.
Response failureResponse(const std::exception_ptr& failure, const std::string& request) {
    try {
        std::rethrow_exception(failure);
    } catch (const ServiceError& error) {
        if (error.kind() == ErrorKind::DatabaseUnavailable || error.kind() == ErrorKind::Busy) {
            spdlog::error("{}: {}", request, error.what());
        }
        return errorResponse(error);
    } catch (const std::exception& error) {
        // Never let it reach Pistache 0.0.5, which answers 500 with the exception's text.
        spdlog::error("{} failed: {}", request, error.what());
    } catch (...) {
        spdlog::error("{} failed", request);
    }
    return internalErrorResponse();
}

}  // namespace

Later<Dispatcher::Outcome> Dispatcher::dispatch(const Pistache::Http::Request& request,
                                                const std::string& requestId) const {
    return answer(request, requestId)
        .then([this, origin = rawHeader(request, "Origin")](Outcome outcome) {
            cors_.decorate(origin, outcome.response);
            return outcome;
        });
}

Later<Dispatcher::Outcome> Dispatcher::answer(const Pistache::Http::Request& request,
                                              const std::string& requestId) const {
    const Route* route = nullptr;
    const std::string words = std::string(Pistache::Http::methodString(request.method())) + " " +
                              request.resource() + " id=" + requestId;
    try {
        auto match = router_->match(request.method(), request.resource());
        if (match.route == nullptr) {
            if (request.method() == Method::Options && !match.allowed.empty()) {
                return Outcome{optionsResponse(request, match.allowed, cors_), route};
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
        return match.route->handler(context)
            .then([route](Response response) {
                return Outcome{std::move(response), route};
            })
            .recover([route, words](const std::exception_ptr& failure) {
                return Outcome{failureResponse(failure, words), route};
            });
    } catch (...) {
        return Outcome{failureResponse(std::current_exception(), words), route};
    }
}

}  // namespace users::http
