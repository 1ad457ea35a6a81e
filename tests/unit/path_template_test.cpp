#include <gtest/gtest.h>

#include "project/http/path_template.hpp"

namespace users::http {
namespace {

using Segments = std::vector<std::string_view>;

TEST(PathSegments, SplitsOnSlashesAndDropsEmptySegments) {
    EXPECT_EQ(pathSegments("/users/{id}"), (Segments{"users", "{id}"}));
    EXPECT_EQ(pathSegments("//users//7/"), (Segments{"users", "7"}));
    EXPECT_EQ(pathSegments("/openapi.json"), (Segments{"openapi.json"}));
    EXPECT_TRUE(pathSegments("/").empty());
    EXPECT_TRUE(pathSegments("").empty());
}

TEST(ParameterName, IsTheInsideOfBraces) {
    EXPECT_EQ(parameterName("{id}"), "id");
    EXPECT_FALSE(parameterName("users"));
    EXPECT_FALSE(parameterName("{}"));
    EXPECT_FALSE(parameterName("{id"));
    EXPECT_FALSE(parameterName("id}"));
}

}  // namespace
}  // namespace users::http
