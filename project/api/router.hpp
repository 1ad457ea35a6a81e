#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pistache/http.h>

#include "project/api/json.hpp"
#include "project/api/response.hpp"

namespace users::api {

using PathParams = std::map<std::string, std::string, std::less<>>;

// What a handler sees: the raw request, the path parameters, and the body already parsed and
// validated when the route declares a request schema.
struct Request {
    const Pistache::Http::Request& http;
    const PathParams& params;
    const rapidjson::Document* body = nullptr;
};

using Handler = std::function<Response(const Request&)>;

// A documented response: the same schemas will assemble the OpenAPI document.
struct ResponseSpec {
    int status;
    std::string description;
    std::shared_ptr<const JsonSchema> schema;
};

struct Route {
    Pistache::Http::Method method;
    std::string path;  // a template such as /users/{id}
    std::string summary;
    std::shared_ptr<const JsonSchema> requestSchema;  // null: the route takes no body
    std::vector<ResponseSpec> responses;
    Handler handler;
};

// Our own route table rather than Pistache's Rest::Router: JSON 404/405 with Allow, route
// templates for logs, and no lazy map insertion on the request path (a data race in 0.0.5).
class Router {
public:
    void add(Route route);

    struct Match {
        const Route* route = nullptr;  // null: see `allowed`
        PathParams params;
        std::vector<std::string> allowed;  // methods of the path when route is null
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

}  // namespace users::api
