#include <gtest/gtest.h>

#include "project/http/router.hpp"

namespace users::http {
namespace {

using Pistache::Http::Method;

Route route(Method method, const std::string& path) {
    return {method, path, "", nullptr, {}, [](const Request&) { return Response{}; }};
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
    EXPECT_THROW(
        router.add(
            {Method::Get, "users", "", nullptr, {}, [](const Request&) { return Response{}; }}),
        std::invalid_argument);
    EXPECT_THROW(router.add({Method::Get, "/users", "", nullptr, {}, nullptr}),
                 std::invalid_argument);
}

}  // namespace
}  // namespace users::http
