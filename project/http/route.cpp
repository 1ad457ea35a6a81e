#include "project/http/route.hpp"

#include <stdexcept>

namespace users::http {

using Pistache::Http::Method;

RouteBuilder Route::get(std::string path) { return {Method::Get, std::move(path)}; }
RouteBuilder Route::post(std::string path) { return {Method::Post, std::move(path)}; }
RouteBuilder Route::put(std::string path) { return {Method::Put, std::move(path)}; }
RouteBuilder Route::del(std::string path) { return {Method::Delete, std::move(path)}; }

RouteBuilder::RouteBuilder(Method method, std::string path) {
    route_.method = method;
    route_.path = std::move(path);
}

RouteBuilder& RouteBuilder::summary(std::string text) {
    route_.summary = std::move(text);
    return *this;
}

RouteBuilder& RouteBuilder::accepts(std::shared_ptr<const JsonSchema> body) {
    route_.requestSchema = std::move(body);
    return *this;
}

RouteBuilder& RouteBuilder::responds(int status, std::string description,
                                     std::shared_ptr<const JsonSchema> schema) {
    return responds({status, std::move(description), std::move(schema)});
}

RouteBuilder& RouteBuilder::responds(ResponseSpec response) {
    route_.responses.push_back(std::move(response));
    return *this;
}

RouteBuilder& RouteBuilder::header(std::string name, std::string description) {
    if (route_.responses.empty()) throw std::logic_error("a header needs a response first");
    route_.responses.back().headers.emplace_back(std::move(name), std::move(description));
    return *this;
}

RouteBuilder& RouteBuilder::pathParameter(std::string name, std::string description,
                                          std::shared_ptr<const JsonSchema> schema) {
    route_.parameters.push_back(
        {std::move(name), "path", std::move(description), std::move(schema)});
    return *this;
}

RouteBuilder& RouteBuilder::queryParameter(std::string name, std::string description,
                                           std::shared_ptr<const JsonSchema> schema) {
    route_.parameters.push_back(
        {std::move(name), "query", std::move(description), std::move(schema)});
    return *this;
}

RouteBuilder& RouteBuilder::undocumented() {
    route_.documented = false;
    return *this;
}

Route RouteBuilder::handle(Handler handler) {
    route_.handler = std::move(handler);
    return std::move(route_);
}

}  // namespace users::http
