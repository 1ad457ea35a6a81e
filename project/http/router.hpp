#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pistache/http.h>

#include "project/http/json.hpp"
#include "project/http/query_values.hpp"
#include "project/http/response.hpp"

namespace users::http {

using PathParams = std::map<std::string, std::string, std::less<>>;

// What a handler sees: the raw request, the path parameters, and the body already parsed and
// validated when the route declares a request schema.
struct Request {
    const Pistache::Http::Request& http;
    const PathParams& params;
    const rapidjson::Document* body = nullptr;
    QueryValues query = {};  // the declared query parameters present, validated and typed
};

using Handler = std::function<Response(const Request&)>;

// A documented response: the same schemas assemble the OpenAPI document (api/openapi.cpp).
struct ResponseSpec {
    int status;
    std::string description;
    std::shared_ptr<const JsonSchema> schema;
    std::vector<std::pair<std::string, std::string>> headers = {};  // name, description
};

// A path or query parameter. Query parameters are validated against `schema` before the
// handler runs (a failure is a 400 naming the parameter); path parameters are documented.
struct ParameterSpec {
    std::string name;
    std::string in;  // "path" or "query"
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
    std::vector<ParameterSpec> parameters = {};
    bool documented = true;  // false: left out of the OpenAPI document (the Swagger UI pages)
};

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
