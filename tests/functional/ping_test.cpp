#include "tests/support/test_server.hpp"

namespace users::testing {
namespace {

class Ping : public ServerTest {};

TEST_F(Ping, AnswersPong) {
    const HttpResponse response = call("GET", "/ping");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.header("content-type"), "application/json");
    const auto json = response.json();
    EXPECT_STREQ(json["status"].GetString(), "success");
    EXPECT_STREQ(json["message"].GetString(), "pong!");
}

}  // namespace
}  // namespace users::testing
