#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <pistache/http.h>

#include "project/http/json.hpp"
#include "project/http/query_values.hpp"
#include "project/http/response.hpp"
#include "project/later.hpp"

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

// An answer now, or later (when the database answers). The Request is only valid until the
// handler returns: copy what a continuation needs.
using Reply = Later<Response>;
using Handler = std::function<Reply(const Request&)>;

// A documented response: the same schemas assemble the OpenAPI document (api/docs/openapi.cpp).
struct ResponseSpec {
    int status;
    std::string description;
    std::shared_ptr<const JsonSchema> schema;                       // null: no body documented
    std::vector<std::pair<std::string, std::string>> headers = {};  // name, description
};

// A path or query parameter. Query parameters are validated against `schema` before the
// handler runs (a failure is a 400 naming the parameter); path parameters are documented.
struct ParameterSpec {
    std::string name;
    std::string in;  // "path" or "query"
    std::string description;
    std::shared_ptr<const JsonSchema> schema;  // null: documented as a string
};

class RouteBuilder;

struct Route {
    Pistache::Http::Method method;
    std::string path;  // a template such as /users/{id}
    std::string summary;
    std::shared_ptr<const JsonSchema> requestSchema;  // null: the route takes no body
    std::vector<ResponseSpec> responses;
    Handler handler;
    std::vector<ParameterSpec> parameters;
    bool documented = true;  // false: left out of the OpenAPI document (the Swagger UI pages)

    // Route::get("/ping").summary("Sanity check").responds(200, "Up", schema).handle(ping)
    static RouteBuilder get(std::string path);
    static RouteBuilder post(std::string path);
    static RouteBuilder put(std::string path);
    static RouteBuilder del(std::string path);  // DELETE; `delete` is a keyword
};

// Declares a route by naming each part; handle() comes last and yields the Route.
class RouteBuilder {
public:
    RouteBuilder(Pistache::Http::Method method, std::string path);

    RouteBuilder& summary(std::string text);
    RouteBuilder& accepts(std::shared_ptr<const JsonSchema> body);  // the request body's schema
    RouteBuilder& responds(int status, std::string description,
                           std::shared_ptr<const JsonSchema> schema = {});
    RouteBuilder& responds(ResponseSpec response);
    RouteBuilder& header(std::string name, std::string description);  // of the last response
    RouteBuilder& pathParameter(std::string name, std::string description,
                                std::shared_ptr<const JsonSchema> schema);
    RouteBuilder& queryParameter(std::string name, std::string description,
                                 std::shared_ptr<const JsonSchema> schema);
    RouteBuilder& undocumented();

    Route handle(Handler handler);

private:
    Route route_;
};

}  // namespace users::http
