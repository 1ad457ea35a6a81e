#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <regex>
#include <thread>

#include <pqxx/pqxx>

#include <gtest/gtest.h>

#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"

namespace users::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool connectRefused(std::uint16_t port) {
    try {
        HttpConnection probe(port);
    } catch (const std::runtime_error&) {
        return true;
    }
    return false;
}

// A POST held inside the database by a table lock from a second connection, for as long as
// the test keeps the lock.
class HeldPost {
public:
    explicit HeldPost(std::uint16_t port) : locker_(testDatabaseUrl()), lock_(locker_) {
        lock_.exec("LOCK TABLE users IN EXCLUSIVE MODE");
        started_ = Clock::now();
        client_ = std::thread([this, port] {
            try {
                status_ = httpRequest(port, "POST", "/users",
                                      R"({"username":"held","email":"held@x.io"})")
                              .status;
            } catch (const std::runtime_error&) {
                status_ = -1;  // no answer
            }
        });
    }
    ~HeldPost() {
        if (client_.joinable()) client_.join();
    }
    HeldPost(const HeldPost&) = delete;
    HeldPost& operator=(const HeldPost&) = delete;

    void releaseAt(std::chrono::milliseconds sinceStart) {
        std::this_thread::sleep_until(started_ + sinceStart);
        lock_.commit();
    }
    int status() {
        client_.join();
        return status_;
    }

private:
    pqxx::connection locker_;
    pqxx::work lock_;
    Clock::time_point started_;
    std::thread client_;
    int status_ = 0;
};

TEST(ShutdownDrain, ATwoSecondRequestIsAnsweredNotCutWhenSigtermArrivesDuringIt) {
    recreateTestDatabase();
    // SHUTDOWN_TIMEOUT_MS: the default, 10 s; a statement's deadline beyond the 2 s it takes.
    ServerProcess server(serverEnvironment({{"DB_TIMEOUT_MS", "5000"}}));
    const std::uint16_t port = server.waitUntilListening();
    HttpConnection keptOpen(port);
    ASSERT_EQ(keptOpen.request("GET", "/health/app").status, 200);

    HeldPost held(port);
    std::this_thread::sleep_for(300ms);
    server.signal(SIGTERM);
    const auto signalled = Clock::now();
    std::this_thread::sleep_for(200ms);

    // Draining: no new connections, but an open one is still answered, and told to close.
    EXPECT_TRUE(connectRefused(port));
    const HttpResponse health = keptOpen.request("GET", "/health/app");
    EXPECT_EQ(health.status, 200);
    std::string connection = health.header("connection");
    std::transform(connection.begin(), connection.end(), connection.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    EXPECT_EQ(connection, "close");

    held.releaseAt(2s);
    const auto released = Clock::now();
    const int status = server.waitForExit(5s);
    const double drainMs = millisecondsSince(signalled);
    const double afterReleaseMs = millisecondsSince(released);
    EXPECT_EQ(held.status(), 201) << "the request running at SIGTERM was cut";
    ASSERT_TRUE(status != -1 && WIFEXITED(status)) << "status " << status;
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_EQ(queryValue("SELECT count(*) FROM users WHERE email = 'held@x.io'"), "1");
    EXPECT_GT(drainMs, 1400);        // it waited for the answer...
    EXPECT_LT(afterReleaseMs, 500);  // ...and stopped as soon as it was written
    ::testing::Test::RecordProperty("drain_ms", std::to_string(static_cast<int>(drainMs)));
    ::testing::Test::RecordProperty("exit_after_answer_ms",
                                    std::to_string(static_cast<int>(afterReleaseMs)));
    std::cout << "SIGTERM to exit " << drainMs << " ms, answer to exit " << afterReleaseMs
              << " ms\n";
}

TEST(ShutdownDrain, TheTimeoutBoundsTheWaitAndTheExitIsStillClean) {
    recreateTestDatabase();
    ServerProcess server(serverEnvironment({{"SHUTDOWN_TIMEOUT_MS", "300"}}));
    const std::uint16_t port = server.waitUntilListening();
    HeldPost held(port);
    std::this_thread::sleep_for(300ms);
    server.signal(SIGTERM);
    EXPECT_EQ(server.waitForLog(std::regex("(shutdown timeout \\(300 ms\\))"), 3s),
              "shutdown timeout (300 ms)");
    held.releaseAt(1500ms);
    const int status = server.waitForExit(5s);
    ASSERT_TRUE(status != -1 && WIFEXITED(status)) << "status " << status;
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_NE(held.status(), 201) << "an answer past the timeout should have been dropped";
}

}  // namespace
}  // namespace users::testing
