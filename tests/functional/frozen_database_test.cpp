#include <algorithm>
#include <future>
#include <thread>

#include "tests/support/pg_cluster.hpp"
#include "tests/support/test_server.hpp"
#include "tests/support/users.hpp"

namespace users::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr auto kDeadline = 500ms;

// The database's processes stopped (SIGSTOP): connections stay open and nothing answers.
class FrozenDatabase : public ServerTest {
protected:
    void configure(Config& config) override { config.databaseTimeout = kDeadline; }
    void TearDown() override {
        clusterThaw();  // whatever happened, leave the database running for later tests
        ServerTest::TearDown();
    }
};

struct Timed {
    int status;
    Clock::duration took;
};

Timed timedCall(std::uint16_t port, const std::string& method, const std::string& path,
                const std::string& body = "") {
    const auto started = Clock::now();
    const int status = httpRequest(port, method, path, body).status;
    return {status, Clock::now() - started};
}

TEST_F(FrozenDatabase, DatabaseRequestsGet503AtTheirDeadlineWhileHealthAppStaysFast) {
    const std::string ann = "/users/" + std::to_string(addUser("ann", "ann@x.io"));
    ASSERT_EQ(call("GET", ann).status, 200);
    clusterFreeze();
    auto read =
        std::async(std::launch::async, [&, port = port()] { return timedCall(port, "GET", ann); });
    auto write = std::async(std::launch::async, [port = port()] {
        return timedCall(port, "POST", "/users", R"({"username":"bob","email":"bob@x.io"})");
    });
    // The reactors are not stuck behind the frozen statements.
    Clock::duration slowestHealth{};
    const auto until = Clock::now() + kDeadline + 200ms;
    while (Clock::now() < until) {
        const Timed health = timedCall(port(), "GET", "/health/app");
        EXPECT_EQ(health.status, 200);
        slowestHealth = std::max(slowestHealth, health.took);
        std::this_thread::sleep_for(20ms);
    }
    for (auto* pending : {&read, &write}) {
        const Timed answer = pending->get();
        EXPECT_EQ(answer.status, 503);
        EXPECT_LT(answer.took, kDeadline + 100ms);
    }
    EXPECT_LT(slowestHealth, 50ms);
    // While frozen, a new connection attempt has the same deadline.
    const Timed later = timedCall(port(), "GET", ann);
    EXPECT_EQ(later.status, 503);
    EXPECT_LT(later.took, kDeadline + 100ms);

    // Every thread's connections come back by themselves (their retries back off up to 2 s).
    clusterThaw();
    const auto thawed = Clock::now();
    int answeredInARow = 0;
    while (answeredInARow < 20 && Clock::now() - thawed < 5s) {
        answeredInARow = call("GET", ann).status == 200 ? answeredInARow + 1 : 0;
        std::this_thread::sleep_for(10ms);
    }
    EXPECT_EQ(answeredInARow, 20);
    ::testing::Test::RecordProperty(
        "health_app_max_us",
        std::to_string(
            std::chrono::duration_cast<std::chrono::microseconds>(slowestHealth).count()));
}

}  // namespace
}  // namespace users::testing
