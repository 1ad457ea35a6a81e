#include <cstdlib>
#include <thread>

#include "tests/support/test_server.hpp"

namespace users::testing {
namespace {

using namespace std::chrono_literals;

// Stops and starts the test cluster through the same script the test command uses.
void cluster(const std::string& action) {
    const char* dir = std::getenv("TEST_PG_CLUSTER_DIR");
    const char* port = std::getenv("TEST_PG_PORT");
    ASSERT_TRUE(dir != nullptr && port != nullptr)
        << "TEST_PG_CLUSTER_DIR and TEST_PG_PORT are set by scripts/test";
    const std::string command = std::string(PG_CLUSTER_SCRIPT) + " " + action + " " + dir +
                                (action == "start" ? std::string(" ") + port + " fsync=off" : "");
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

class Outage : public ServerTest {
protected:
    void TearDown() override {
        cluster("start");  // whatever happened, leave the database up for later tests
        ServerTest::TearDown();
    }

    void expectUnavailable(const HttpResponse& response) {
        EXPECT_EQ(response.status, 503);
        EXPECT_EQ(response.header("content-type"), "application/json");
        EXPECT_EQ(response.header("retry-after"), "1");
        EXPECT_STREQ(response.json()["message"].GetString(),
                     "The database is unavailable, please retry shortly.");
    }

    // Polls until the users list answers 200 twenty times in a row, each on a new connection:
    // every reactor thread reconnects on its own back-off, so one 200 proves only one thread.
    // Returns how long that took.
    std::chrono::steady_clock::duration waitForRecovery() {
        const auto started = std::chrono::steady_clock::now();
        for (int inARow = 0; inARow < 20;) {
            if (std::chrono::steady_clock::now() - started > 10s) break;
            if (call("GET", "/users").status == 200) {
                ++inARow;
                continue;
            }
            inARow = 0;
            std::this_thread::sleep_for(50ms);
        }
        return std::chrono::steady_clock::now() - started;
    }
};

TEST_F(Outage, DatabaseDownIsA503ThenTheServiceRecoversByItself) {
    // Through the service rather than addUser: the pool then holds a live connection for the
    // outage to break, and POST is proven to work before, during and after it.
    ASSERT_EQ(call("POST", "/users", R"({"username":"ann","email":"ann@x.io"})").status, 201);
    cluster("stop");

    const auto started = std::chrono::steady_clock::now();
    expectUnavailable(call("GET", "/users"));
    expectUnavailable(call("POST", "/users", R"({"username":"bob","email":"bob@x.io"})"));
    expectUnavailable(call("GET", "/users/1"));
    EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
    EXPECT_EQ(call("GET", "/ping").status, 200);

    cluster("start");
    // The back-off reaches at most 2 s: every thread retries within it after the start.
    EXPECT_LT(waitForRecovery(), 3s);
    EXPECT_EQ(call("POST", "/users", R"({"username":"bob","email":"bob@x.io"})").status, 201);
    EXPECT_EQ(queryValue("SELECT string_agg(username, ',' ORDER BY id) FROM users"), "ann,bob");
}

TEST_F(Outage, TheServerStartsWhileTheDatabaseIsDown) {
    app_->stop();
    cluster("stop");
    app_ = std::make_unique<App>(testConfig());
    app_->start();
    EXPECT_EQ(call("GET", "/ping").status, 200);
    expectUnavailable(call("GET", "/users"));
    cluster("start");
    EXPECT_LT(waitForRecovery(), 3s);
}

TEST_F(Outage, DatabaseGoesUnhealthyThenHealthyWithoutARestart) {
    ASSERT_EQ(call("GET", "/health/database").status, 200);
    cluster("stop");

    const auto started = std::chrono::steady_clock::now();
    const HttpResponse down = call("GET", "/health/database");
    EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
    EXPECT_EQ(down.status, 503);
    EXPECT_EQ(down.header("content-type"), "application/json");
    EXPECT_EQ(down.body, R"({"status":"unhealthy","reason":"database unavailable"})");
    EXPECT_EQ(call("GET", "/health/app").status, 200);

    const HttpResponse metrics = call("GET", "/metrics");
    EXPECT_NE(metrics.body.find(
                  R"(http_requests_total{method="GET",route="/health/database",status="503"} 1)"),
              std::string::npos)
        << metrics.body;
    EXPECT_EQ(metrics.body.find(R"(db_errors_total{kind="connect"} 0)"), std::string::npos)
        << "a refused connection is counted";

    cluster("start");
    const auto restarted = std::chrono::steady_clock::now();
    while (call("GET", "/health/database").status != 200 &&
           std::chrono::steady_clock::now() - restarted < 10s) {
        std::this_thread::sleep_for(50ms);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - restarted, 2s);
    EXPECT_EQ(call("GET", "/health/database").json()["status"].GetString(), std::string("healthy"));
}

}  // namespace
}  // namespace users::testing
