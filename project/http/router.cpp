#include "project/http/router.hpp"

#include <algorithm>
#include <stdexcept>

#include "project/http/path_template.hpp"

namespace users::http {

void Router::add(Route route) {
    if (!route.handler || route.path.empty() || route.path.front() != '/') {
        throw std::invalid_argument("a route needs a handler and an absolute path: " + route.path);
    }
    std::vector<std::string> segments;
    for (auto segment : pathSegments(route.path)) segments.emplace_back(segment);
    compiled_.push_back({std::move(route), std::move(segments)});
}

std::vector<const Route*> Router::routes() const {
    std::vector<const Route*> routes;
    for (const auto& compiled : compiled_) routes.push_back(&compiled.route);
    return routes;
}

Router::Match Router::match(Pistache::Http::Method method, std::string_view path) const {
    using Pistache::Http::Method;
    const Method wanted = method == Method::Head ? Method::Get : method;
    const auto segments = pathSegments(path);
    Match result;
    for (const auto& candidate : compiled_) {
        if (candidate.segments.size() != segments.size()) continue;
        PathParams params;
        bool same = true;
        for (std::size_t i = 0; same && i < segments.size(); ++i) {
            const std::string& expected = candidate.segments[i];
            if (auto name = parameterName(expected)) {
                params.emplace(*name, segments[i]);
            } else {
                same = expected == segments[i];
            }
        }
        if (!same) continue;
        if (candidate.route.method == wanted) {
            result.route = &candidate.route;
            result.params = std::move(params);
            return result;
        }
        std::string name = Pistache::Http::methodString(candidate.route.method);
        if (std::find(result.allowed.begin(), result.allowed.end(), name) == result.allowed.end()) {
            result.allowed.push_back(std::move(name));
            if (candidate.route.method == Method::Get) result.allowed.emplace_back("HEAD");
        }
    }
    if (!result.allowed.empty()) result.allowed.emplace_back("OPTIONS");
    return result;
}

}  // namespace users::http
