#include <sstream>

#include "manage/commands.hpp"
#include "tests/support/test_server.hpp"

namespace users::testing {
namespace {

class Health : public ServerTest {};

TEST_F(Health, AppIsHealthyWithOrWithoutTrailingSlash) {
    for (const char* path : {"/health/app", "/health/app/"}) {
        const HttpResponse response = call("GET", path);
        EXPECT_EQ(response.status, 200) << path;
        EXPECT_EQ(response.header("content-type"), "application/json");
        EXPECT_EQ(response.body, R"({"status":"healthy"})");
    }
}

TEST_F(Health, DatabaseIsHealthyWithTheQueryLatency) {
    for (const char* path : {"/health/database", "/health/database/"}) {
        const HttpResponse response = call("GET", path);
        ASSERT_EQ(response.status, 200) << path;
        const auto json = response.json();
        EXPECT_STREQ(json["status"].GetString(), "healthy");
        ASSERT_TRUE(json["latency_ms"].IsNumber());
        EXPECT_GE(json["latency_ms"].GetDouble(), 0.0);
        EXPECT_LT(json["latency_ms"].GetDouble(), 1000.0);
    }
}

TEST_F(Health, OnlyGetIsAllowed) {
    const HttpResponse response = call("POST", "/health/app", "{}");
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(response.header("allow"), "GET, HEAD, OPTIONS");
}

TEST_F(Health, ManageCheckHealthExitsZeroOnlyWhenTheServerAnswers) {
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ(manage::run({"check_health"}, {{"PORT", std::to_string(port())}}, out, err), 0)
        << err.str();
    EXPECT_EQ(out.str(), "healthy\n");

    const std::string stopped = std::to_string(port());
    app_->stop();
    EXPECT_EQ(manage::run({"check_health"}, {{"PORT", stopped}}, out, err), 1);
    EXPECT_NE(err.str().find("unhealthy"), std::string::npos) << err.str();
    EXPECT_EQ(manage::run({"check_health"}, {{"PORT", "x"}}, out, err), 1);
    EXPECT_NE(err.str().find("PORT must be an integer"), std::string::npos) << err.str();
}

class RequestIds : public ServerTest {};

TEST_F(RequestIds, KeepsASafeIdAndEchoesIt) {
    HttpConnection connection(port());
    const HttpResponse response =
        connection.request("GET", "/ping", "", "x-request-id: client-id_1.2:3\r\n");
    EXPECT_EQ(response.header("x-request-id"), "client-id_1.2:3");
}

TEST_F(RequestIds, ReplacesUnsafeOrOverlongIdsAndGeneratesMissingOnes) {
    HttpConnection connection(port());
    const std::string generated = connection.request("GET", "/ping").header("x-request-id");
    EXPECT_EQ(generated.size(), 36U) << generated;
    const std::string again = connection.request("GET", "/ping").header("x-request-id");
    EXPECT_NE(again, generated);
    for (const std::string& bad :
         {std::string("has space"), std::string("<script>"), std::string(129, 'a')}) {
        const HttpResponse response =
            connection.request("GET", "/ping", "", "X-Request-ID: " + bad + "\r\n");
        EXPECT_EQ(response.header("x-request-id").size(), 36U) << bad;
    }
}

TEST_F(RequestIds, ErrorsCarryTheIdToo) {
    HttpConnection connection(port());
    const HttpResponse response =
        connection.request("GET", "/users/999", "", "X-Request-ID: lost-user\r\n");
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(response.header("x-request-id"), "lost-user");
}

}  // namespace
}  // namespace users::testing
