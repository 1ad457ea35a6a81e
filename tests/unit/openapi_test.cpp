#include <gtest/gtest.h>

#include "project/api/docs/openapi.hpp"

namespace users::api {
namespace {

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
    router.add(http::Route::get("/things/{id}")
                   .summary("Get a thing")
                   .pathParameter("id", "Its id", schema(R"({"type": "integer"})"))
                   .responds(200, "The thing", thing)
                   .handle(nothing));
    router.add(http::Route::post("/things")
                   .summary("Add")
                   .accepts(thing)
                   .queryParameter("dry", "", schema(R"({"type": "string"})"))
                   .responds(201, "Added")
                   .header("Location", "Where it is")
                   .handle(nothing));
    router.add(http::Route::get("/hidden").summary("No").undocumented().handle(nothing));
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
    EXPECT_STREQ(post["responses"]["201"]["headers"]["Location"]["description"].GetString(),
                 "Where it is");
    EXPECT_TRUE(document["components"]["schemas"].HasMember("Thing"));
    EXPECT_TRUE(document["components"]["schemas"].HasMember("Error"));
}

TEST(OpenApi, UndeclaredPathParametersAreStrings) {
    http::Router router;
    router.add(http::Route::del("/a/{name}").summary("Remove").handle(nothing));
    const auto document = build(router);
    EXPECT_STREQ(
        document["paths"]["/a/{name}"]["delete"]["parameters"][0]["schema"]["type"].GetString(),
        "string");
}

TEST(OpenApi, RefusesTwoDifferentSchemasWithOneTitle) {
    http::Router router;
    router.add(http::Route::get("/a")
                   .responds(200, "A", schema(R"({"title": "Same", "type": "object"})"))
                   .handle(nothing));
    router.add(http::Route::get("/b")
                   .responds(200, "B", schema(R"({"title": "Same", "type": "array"})"))
                   .handle(nothing));
    EXPECT_THROW(build(router), std::logic_error);
}

}  // namespace
}  // namespace users::api
