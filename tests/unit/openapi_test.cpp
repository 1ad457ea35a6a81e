#include <gtest/gtest.h>

#include "project/api/docs/openapi.hpp"

namespace users::api {
namespace {

using Pistache::Http::Method;

http::Response nothing(const http::Request&) { return {}; }

std::shared_ptr<const http::JsonSchema> schema(const char* text) {
    return std::make_shared<const http::JsonSchema>(text);
}

rapidjson::Document build(const http::Router& router) {
    rapidjson::Document document;
    document.Parse(openApiDocument(router.routes(), {"Test API", "9.9.9", "about", "MIT"}).c_str());
    return document;
}

TEST(OpenApi, AssemblesOperationsFromTheRoutes) {
    http::Router router;
    const auto thing = schema(R"({"title": "Thing", "type": "object"})");
    router.add({Method::Get,
                "/things/{id}",
                "Get a thing",
                nullptr,
                {{200, "The thing", thing}},
                nothing,
                {{"id", "path", "Its id", schema(R"({"type": "integer"})")}}});
    router.add({Method::Post,
                "/things",
                "Add",
                thing,
                {{201, "Added", nullptr}},
                nothing,
                {{"dry", "query", "", schema(R"({"type": "string"})")}}});
    router.add({Method::Get, "/hidden", "No", nullptr, {}, nothing, {}, false});
    const auto document = build(router);

    EXPECT_STREQ(document["info"]["version"].GetString(), "9.9.9");
    EXPECT_STREQ(document["info"]["license"]["name"].GetString(), "MIT");
    EXPECT_FALSE(document["paths"].HasMember("/hidden"));
    const auto& get = document["paths"]["/things/{id}"]["get"];
    EXPECT_STREQ(get["operationId"].GetString(), "getThingsById");
    EXPECT_STREQ(get["tags"][0].GetString(), "things");
    EXPECT_STREQ(get["parameters"][0]["schema"]["type"].GetString(), "integer");
    EXPECT_TRUE(get["parameters"][0]["required"].GetBool());
    EXPECT_STREQ(
        get["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].GetString(),
        "#/components/schemas/Thing");
    EXPECT_TRUE(get["responses"].HasMember("413"));
    const auto& post = document["paths"]["/things"]["post"];
    EXPECT_TRUE(post["requestBody"]["required"].GetBool());
    EXPECT_FALSE(post["parameters"][0]["required"].GetBool());
    EXPECT_FALSE(post["responses"]["201"].HasMember("content"));
    EXPECT_TRUE(document["components"]["schemas"].HasMember("Thing"));
    EXPECT_TRUE(document["components"]["schemas"].HasMember("Error"));
}

TEST(OpenApi, UndeclaredPathParametersAreStrings) {
    http::Router router;
    router.add({Method::Delete, "/a/{name}", "Remove", nullptr, {}, nothing});
    const auto document = build(router);
    EXPECT_STREQ(
        document["paths"]["/a/{name}"]["delete"]["parameters"][0]["schema"]["type"].GetString(),
        "string");
}

TEST(OpenApi, RefusesTwoDifferentSchemasWithOneTitle) {
    http::Router router;
    router.add({Method::Get,
                "/a",
                "A",
                nullptr,
                {{200, "A", schema(R"({"title": "Same", "type": "object"})")}},
                nothing});
    router.add({Method::Get,
                "/b",
                "B",
                nullptr,
                {{200, "B", schema(R"({"title": "Same", "type": "array"})")}},
                nothing});
    EXPECT_THROW(build(router), std::logic_error);
}

}  // namespace
}  // namespace users::api
