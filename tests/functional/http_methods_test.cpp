#include "tests/support/test_server.hpp"
#include "tests/support/users.hpp"

namespace users::testing {
namespace {

class HttpMethods : public ServerTest {};

TEST_F(HttpMethods, HeadAnswersTheGetHeadersWithoutBody) {
    ASSERT_EQ(addUser("ann", "ann@x.io"), 1);  // so that /users/1 is a 200
    HttpConnection connection(port());
    for (const char* path : {"/ping", "/users", "/users/1", "/openapi.json"}) {
        const HttpResponse get = connection.request("GET", path);
        const HttpResponse head = connection.request("HEAD", path);
        EXPECT_EQ(head.status, get.status) << path;
        EXPECT_EQ(head.body, "") << path;
        EXPECT_EQ(head.header("content-type"), "application/json") << path;
        EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size())) << path;
    }
    EXPECT_EQ(connection.request("HEAD", "/users/9").status, 404);
    // The connection is still usable: nothing was left unread.
    EXPECT_EQ(connection.request("GET", "/ping").status, 200);
}

TEST_F(HttpMethods, OptionsListsTheMethodsOfAPath) {
    const HttpResponse users = call("OPTIONS", "/users");
    EXPECT_EQ(users.status, 204);
    EXPECT_EQ(users.header("allow"), "GET, HEAD, POST, OPTIONS");
    EXPECT_EQ(users.body, "");
    EXPECT_EQ(users.header("content-length"), "");
    EXPECT_EQ(call("OPTIONS", "/users/3").header("allow"), "GET, HEAD, PUT, DELETE, OPTIONS");
    EXPECT_EQ(call("OPTIONS", "/nope").status, 404);
}

TEST_F(HttpMethods, WrongMethodAllowsHeadAndOptionsToo) {
    EXPECT_EQ(call("DELETE", "/ping").header("allow"), "GET, HEAD, OPTIONS");
}

TEST_F(HttpMethods, AnyOriginByDefault) {
    HttpConnection connection(port());
    const HttpResponse response =
        connection.request("GET", "/ping", "", "Origin: http://app.example\r\n");
    EXPECT_EQ(response.header("access-control-allow-origin"), "*");
    EXPECT_EQ(response.header("vary"), "");
    EXPECT_EQ(call("GET", "/ping").header("access-control-allow-origin"), "");
}

TEST_F(HttpMethods, PreflightLearnsMethodsAndHeaders) {
    HttpConnection connection(port());
    const HttpResponse response =
        connection.request("OPTIONS", "/users", "",
                           "Origin: http://app.example\r\nAccess-Control-Request-Method: POST\r\n"
                           "Access-Control-Request-Headers: content-type\r\n");
    EXPECT_EQ(response.status, 204);
    EXPECT_EQ(response.header("access-control-allow-methods"), "GET, HEAD, POST, OPTIONS");
    EXPECT_EQ(response.header("access-control-allow-headers"), "content-type");
    EXPECT_EQ(response.header("access-control-max-age"), "600");
    const HttpResponse odd =
        connection.request("OPTIONS", "/users", "",
                           "Origin: http://app.example\r\nAccess-Control-Request-Method: POST\r\n"
                           "Access-Control-Request-Headers: x\"y\r\n");
    EXPECT_EQ(odd.header("access-control-allow-headers"), "Content-Type");
}

class RestrictedCors : public ServerTest {
protected:
    void configure(Config& config) override {
        config.corsOrigins = {"http://good.example", "https://also.example:8443"};
    }
};

TEST_F(RestrictedCors, OnlyListedOriginsAreAllowedAndTheAnswerVaries) {
    HttpConnection connection(port());
    const HttpResponse good =
        connection.request("GET", "/ping", "", "Origin: https://also.example:8443\r\n");
    EXPECT_EQ(good.header("access-control-allow-origin"), "https://also.example:8443");
    EXPECT_EQ(good.header("vary"), "Origin");
    const HttpResponse bad =
        connection.request("OPTIONS", "/ping", "",
                           "Origin: http://evil.example\r\nAccess-Control-Request-Method: GET\r\n");
    EXPECT_EQ(bad.status, 204);
    EXPECT_EQ(bad.header("access-control-allow-origin"), "");
    EXPECT_EQ(bad.header("access-control-allow-methods"), "");
    EXPECT_EQ(bad.header("vary"), "Origin");
}

}  // namespace
}  // namespace users::testing
