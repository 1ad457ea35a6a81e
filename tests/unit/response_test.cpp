#include <gtest/gtest.h>

#include "project/http/response.hpp"

namespace users::http {
namespace {

TEST(JoinList, SeparatesItemsWithACommaAndASpace) {
    EXPECT_EQ(joinList({}), "");
    EXPECT_EQ(joinList({"GET"}), "GET");
    EXPECT_EQ(joinList({"GET", "HEAD", "OPTIONS"}), "GET, HEAD, OPTIONS");
}

TEST(MessageResponse, IsTheMessageAsJson) {
    const Response response = messageResponse(404, "say \"no\"");
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(response.body, R"({"message":"say \"no\""})");
    EXPECT_EQ(response.contentType, "application/json");
}

}  // namespace
}  // namespace users::http
