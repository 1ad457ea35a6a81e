#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pistache/http.h>

#include "project/http/route.hpp"

namespace users::http {

// Our own route table rather than Pistache's Rest::Router: JSON 404/405 with Allow, route
// templates for logs, and no lazy map insertion on the request path (a data race in 0.0.5).
class Router {
public:
    void add(Route route);

    // HEAD matches the GET route of a path; OPTIONS matches no route.
    struct Match {
        const Route* route = nullptr;  // null: see `allowed`
        PathParams params;
        // When route is null: the methods of the path, with HEAD and OPTIONS (empty: no path).
        std::vector<std::string> allowed;
    };
    Match match(Pistache::Http::Method method, std::string_view path) const;

    std::vector<const Route*> routes() const;

private:
    struct Compiled {
        Route route;
        std::vector<std::string> segments;
    };
    std::vector<Compiled> compiled_;
};

}  // namespace users::http
