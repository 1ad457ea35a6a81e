#include <gtest/gtest.h>

#include "project/http/router.hpp"

namespace users::http {
namespace {

using Pistache::Http::Method;

Route route(Method method, const std::string& path) {
    return RouteBuilder(method, path).handle([](const Request&) { return Response{}; });
}

class RouterTest : public ::testing::Test {
protected:
    void SetUp() override {
        router_.add(route(Method::Get, "/users"));
        router_.add(route(Method::Post, "/users"));
        router_.add(route(Method::Get, "/users/{id}"));
        router_.add(route(Method::Delete, "/users/{id}"));
    }
    Router router_;
};

TEST_F(RouterTest, MatchesFixedPaths) {
    const auto match = router_.match(Method::Post, "/users");
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.route->method, Method::Post);
    EXPECT_EQ(match.route->path, "/users");
}

TEST_F(RouterTest, CapturesParameters) {
    const auto match = router_.match(Method::Get, "/users/12abc");
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.route->path, "/users/{id}");
    EXPECT_EQ(match.params.at("id"), "12abc");
}

TEST_F(RouterTest, IgnoresATrailingSlash) {
    EXPECT_NE(router_.match(Method::Get, "/users/").route, nullptr);
}

TEST_F(RouterTest, ListsTheAllowedMethodsOfAKnownPath) {
    const auto match = router_.match(Method::Put, "/users");
    EXPECT_EQ(match.route, nullptr);
    EXPECT_EQ(match.allowed, (std::vector<std::string>{"GET", "HEAD", "POST", "OPTIONS"}));
}

TEST_F(RouterTest, HeadMatchesTheGetRouteAndOptionsMatchesNone) {
    const auto head = router_.match(Method::Head, "/users/7");
    ASSERT_NE(head.route, nullptr);
    EXPECT_EQ(head.route->method, Method::Get);
    EXPECT_EQ(head.params.at("id"), "7");
    const auto options = router_.match(Method::Options, "/users/7");
    EXPECT_EQ(options.route, nullptr);
    EXPECT_EQ(options.allowed.back(), "OPTIONS");
}

TEST_F(RouterTest, FindsNothingForUnknownPaths) {
    for (const char* path : {"/", "/nope", "/users/1/extra", "/userss"}) {
        const auto match = router_.match(Method::Get, path);
        EXPECT_EQ(match.route, nullptr) << path;
        EXPECT_TRUE(match.allowed.empty()) << path;
    }
}

TEST_F(RouterTest, ExposesEveryRouteForDocumentation) { EXPECT_EQ(router_.routes().size(), 4U); }

TEST(Router, RefusesRoutesWithoutHandlerOrAbsolutePath) {
    Router router;
    EXPECT_THROW(router.add(Route::get("users").handle([](const Request&) { return Response{}; })),
                 std::invalid_argument);
    EXPECT_THROW(router.add(Route::get("/users").handle(Handler{})), std::invalid_argument);
}

TEST(RouteBuilder, NamesEveryPartOfARoute) {
    const auto schema = std::make_shared<const JsonSchema>(R"({"type": "integer"})");
    const ResponseSpec missing{404, "No such thing", schema};
    const Route route = Route::put("/things/{id}")
                            .summary("Replace a thing")
                            .pathParameter("id", "Its id", schema)
                            .queryParameter("dry", "Only check", schema)
                            .accepts(schema)
                            .responds(200, "Replaced", schema)
                            .header("ETag", "Its version")
                            .responds(missing)
                            .handle([](const Request&) { return Response{}; });
    EXPECT_EQ(route.method, Method::Put);
    EXPECT_EQ(route.path, "/things/{id}");
    EXPECT_EQ(route.summary, "Replace a thing");
    EXPECT_EQ(route.requestSchema, schema);
    ASSERT_EQ(route.parameters.size(), 2U);
    EXPECT_EQ(route.parameters[0].in, "path");
    EXPECT_EQ(route.parameters[1].name, "dry");
    EXPECT_EQ(route.parameters[1].in, "query");
    ASSERT_EQ(route.responses.size(), 2U);
    EXPECT_EQ(route.responses[0].headers.at(0).first, "ETag");
    EXPECT_EQ(route.responses[1].status, 404);
    EXPECT_TRUE(route.responses[1].headers.empty());
    EXPECT_TRUE(route.documented);
    EXPECT_TRUE(route.handler);
}

TEST(RouteBuilder, AHeaderNeedsAResponse) {
    EXPECT_THROW(Route::get("/a").header("Link", "next"), std::logic_error);
    EXPECT_FALSE(Route::get("/a").undocumented().handle(Handler{}).documented);
}

}  // namespace
}  // namespace users::http
