#include "project/version.hpp"
#include "tests/support/test_server.hpp"

namespace users::testing {
namespace {

bool has(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

class Metrics : public ServerTest {};

TEST_F(Metrics, CountsRequestsByRouteTemplateNeverByRawPath) {
    ASSERT_EQ(call("POST", "/users", R"({"username":"ann","email":"ann@x.io"})").status, 201);
    ASSERT_EQ(call("POST", "/users", R"({"username":"ann","email":"ann@x.io"})").status, 400);
    for (int i = 0; i < 3; ++i) ASSERT_EQ(call("GET", "/users/1").status, 200);
    ASSERT_EQ(call("GET", "/users/987654").status, 404);
    ASSERT_EQ(call("GET", "/no/such/page").status, 404);

    const HttpResponse response = call("GET", "/metrics");
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    const std::string& out = response.body;
    for (
        const char* expected : {
            R"(http_requests_total{method="GET",route="/users/{id}",status="200"} 3)",
            R"(http_requests_total{method="GET",route="/users/{id}",status="404"} 1)",
            R"(http_requests_total{method="POST",route="/users",status="201"} 1)",
            R"(http_requests_total{method="POST",route="/users",status="400"} 1)",
            R"(http_requests_total{method="GET",route="unmatched",status="404"} 1)",
            R"(http_request_duration_seconds_count{method="GET",route="/users/{id}"} 4)",
            R"(http_request_duration_seconds_bucket{method="GET",route="/users/{id}",le="+Inf"} 4)",
            "# TYPE db_pool_size gauge",
            "db_pool_size 4",
            "db_pool_connections_open ",
            "db_pool_connections_in_use 0",
            R"(db_errors_total{kind="overloaded"} 0)",
            R"(db_errors_total{kind="constraint"} 1)",
            R"(db_errors_total{kind="connect"} 0)",
            "# TYPE worker_threads gauge",
            "worker_jobs_queued 0",
            "worker_jobs_refused_total 0",
        }) {
        EXPECT_TRUE(has(out, expected)) << expected << " in\n" << out;
    }
    const std::string buildInfo = std::string("users_build_info{version=\"") + buildVersion() +
                                  "\",revision=\"" + buildRevision() + "\"} 1";
    EXPECT_TRUE(has(out, "# TYPE users_build_info gauge")) << out;
    EXPECT_TRUE(has(out, buildInfo)) << buildInfo << " in\n" << out;
    EXPECT_FALSE(has(out, "/users/1\"")) << "a raw path became a label";
    EXPECT_FALSE(has(out, "/no/such/page"));
}

TEST_F(Metrics, CanBeTurnedOff) {
    app_->stop();
    Config config = testConfig();
    config.metricsEnabled = false;
    app_ = std::make_unique<App>(config);
    app_->start();
    EXPECT_EQ(call("GET", "/metrics").status, 404);
    EXPECT_EQ(call("GET", "/ping").status, 200);
}

}  // namespace
}  // namespace users::testing
