#include "project/api/docs/openapi.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

#include "project/http/error_response.hpp"
#include "project/http/path_template.hpp"

namespace users::api {
namespace {

using rapidjson::Value;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// "openapi.json" -> "OpenapiJson"
std::string capitalized(std::string_view word) {
    std::string text;
    bool upper = true;
    for (char c : word) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            upper = true;
            continue;
        }
        text += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return text;
}

// GET /users/{id} -> getUsersById
std::string operationId(const http::Route& route) {
    std::string id = lower(Pistache::Http::methodString(route.method));
    for (auto segment : http::pathSegments(route.path)) {
        const auto parameter = http::parameterName(segment);
        id += parameter ? "By" + capitalized(*parameter) : capitalized(segment);
    }
    return id;
}

// The first path segment without its extension: users, ping, openapi.
std::string tagOf(const http::Route& route) {
    const auto parts = http::pathSegments(route.path);
    if (parts.empty()) return "root";
    return std::string(parts.front().substr(0, parts.front().find('.')));
}

class Builder {
public:
    explicit Builder(rapidjson::Document& document) : document_(document) {}

    Value string(const std::string& text) {
        return {text.c_str(), static_cast<rapidjson::SizeType>(text.size()), allocator()};
    }

    // A schema by reference when it has a title, else inline.
    Value schema(const std::shared_ptr<const http::JsonSchema>& schema) {
        const rapidjson::Value& json = schema->json();
        auto title = json.FindMember("title");
        if (title == json.MemberEnd() || !title->value.IsString()) return {json, allocator()};
        const std::string name = title->value.GetString();
        auto known = components_.find(name);
        if (known != components_.end() && known->second->json() != json) {
            throw std::logic_error("two different schemas are titled " + name);
        }
        components_.emplace(name, schema);
        Value reference(rapidjson::kObjectType);
        reference.AddMember("$ref", string("#/components/schemas/" + name), allocator());
        return reference;
    }

    Value components() {
        Value schemas(rapidjson::kObjectType);
        for (const auto& [name, schema] : components_) {
            schemas.AddMember(string(name), Value(schema->json(), allocator()), allocator());
        }
        Value components(rapidjson::kObjectType);
        components.AddMember("schemas", schemas, allocator());
        return components;
    }

    Value operation(const http::Route& route) {
        Value operation(rapidjson::kObjectType);
        Value tags(rapidjson::kArrayType);
        tags.PushBack(string(tagOf(route)), allocator());
        operation.AddMember("tags", tags, allocator());
        operation.AddMember("summary", string(route.summary), allocator());
        operation.AddMember("operationId", string(operationId(route)), allocator());
        Value parameters = this->parameters(route);
        if (!parameters.Empty()) operation.AddMember("parameters", parameters, allocator());
        if (route.requestSchema) {
            operation.AddMember("requestBody", requestBody(route), allocator());
        }
        operation.AddMember("responses", responses(route), allocator());
        return operation;
    }

private:
    rapidjson::Document::AllocatorType& allocator() { return document_.GetAllocator(); }

    Value parameter(const http::ParameterSpec& spec, bool required) {
        Value parameter(rapidjson::kObjectType);
        parameter.AddMember("name", string(spec.name), allocator());
        parameter.AddMember("in", string(spec.in), allocator());
        if (!spec.description.empty()) {
            parameter.AddMember("description", string(spec.description), allocator());
        }
        parameter.AddMember("required", required, allocator());
        if (spec.schema) {
            parameter.AddMember("schema", schema(spec.schema), allocator());
        } else {
            Value text(rapidjson::kObjectType);
            text.AddMember("type", "string", allocator());
            parameter.AddMember("schema", text, allocator());
        }
        return parameter;
    }

    // Path parameters in template order (declared or plain strings), then query parameters.
    Value parameters(const http::Route& route) {
        Value list(rapidjson::kArrayType);
        for (auto segment : http::pathSegments(route.path)) {
            const auto name = http::parameterName(segment);
            if (!name) continue;
            http::ParameterSpec spec;
            spec.name = *name;
            spec.in = "path";
            for (const auto& declared : route.parameters) {
                if (declared.in == "path" && declared.name == spec.name) spec = declared;
            }
            list.PushBack(parameter(spec, true), allocator());
        }
        for (const auto& declared : route.parameters) {
            if (declared.in == "query") list.PushBack(parameter(declared, false), allocator());
        }
        return list;
    }

    Value jsonContent(const std::shared_ptr<const http::JsonSchema>& bodySchema) {
        Value media(rapidjson::kObjectType);
        media.AddMember("schema", schema(bodySchema), allocator());
        Value content(rapidjson::kObjectType);
        content.AddMember("application/json", media, allocator());
        return content;
    }

    Value requestBody(const http::Route& route) {
        Value body(rapidjson::kObjectType);
        body.AddMember("required", true, allocator());
        body.AddMember("content", jsonContent(route.requestSchema), allocator());
        return body;
    }

    Value response(const http::ResponseSpec& spec) {
        Value response(rapidjson::kObjectType);
        response.AddMember("description", string(spec.description), allocator());
        if (!spec.headers.empty()) {
            Value headers(rapidjson::kObjectType);
            for (const auto& [name, description] : spec.headers) {
                Value header(rapidjson::kObjectType);
                header.AddMember("description", string(description), allocator());
                Value text(rapidjson::kObjectType);
                text.AddMember("type", "string", allocator());
                header.AddMember("schema", text, allocator());
                headers.AddMember(string(name), header, allocator());
            }
            response.AddMember("headers", headers, allocator());
        }
        if (spec.schema) response.AddMember("content", jsonContent(spec.schema), allocator());
        return response;
    }

    Value responses(const http::Route& route) {
        std::vector<http::ResponseSpec> specs = route.responses;
        const auto has = [&specs](int status) {
            return std::any_of(
                specs.begin(), specs.end(),
                [status](const http::ResponseSpec& spec) { return spec.status == status; });
        };
        if (!has(413)) specs.push_back({413, "The request exceeds 64 KiB", http::errorSchema()});
        std::stable_sort(specs.begin(), specs.end(),
                         [](const auto& a, const auto& b) { return a.status < b.status; });
        Value responses(rapidjson::kObjectType);
        for (const auto& spec : specs) {
            responses.AddMember(string(std::to_string(spec.status)), response(spec), allocator());
        }
        return responses;
    }

    rapidjson::Document& document_;
    std::map<std::string, std::shared_ptr<const http::JsonSchema>> components_;
};

}  // namespace

std::string openApiDocument(const std::vector<const http::Route*>& routes, const ApiInfo& info) {
    rapidjson::Document document(rapidjson::kObjectType);
    auto& allocator = document.GetAllocator();
    Builder builder(document);

    Value paths(rapidjson::kObjectType);
    for (const http::Route* route : routes) {
        if (!route->documented) continue;
        auto path = paths.FindMember(route->path.c_str());
        if (path == paths.MemberEnd()) {
            paths.AddMember(builder.string(route->path), Value(rapidjson::kObjectType), allocator);
            path = paths.FindMember(route->path.c_str());
        }
        path->value.AddMember(builder.string(lower(Pistache::Http::methodString(route->method))),
                              builder.operation(*route), allocator);
    }

    Value about(rapidjson::kObjectType);
    about.AddMember("title", builder.string(info.title), allocator);
    about.AddMember("version", builder.string(info.version), allocator);
    about.AddMember("description", builder.string(info.description), allocator);
    Value license(rapidjson::kObjectType);
    about.AddMember("license", license.AddMember("name", builder.string(info.license), allocator),
                    allocator);
    Value server(rapidjson::kObjectType);
    server.AddMember("url", "/", allocator);
    Value servers(rapidjson::kArrayType);
    servers.PushBack(server, allocator);

    document.AddMember("openapi", "3.0.3", allocator);
    document.AddMember("info", about, allocator);
    document.AddMember("servers", servers, allocator);
    // No authentication: an empty requirement list says so explicitly.
    document.AddMember("security", Value(rapidjson::kArrayType), allocator);
    document.AddMember("paths", paths, allocator);
    document.AddMember("components", builder.components(), allocator);
    return http::toJson(document);
}

}  // namespace users::api
