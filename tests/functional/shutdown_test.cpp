#include <signal.h>
#include <sys/wait.h>

#include "tests/support/server_process.hpp"
#include "tests/support/test_server.hpp"

namespace users::testing {
namespace {

using namespace std::chrono_literals;

TEST(Shutdown, SigtermStopsTheServerCleanlyAndAtOnceWhenNothingIsInFlight) {
    // The default SHUTDOWN_TIMEOUT_MS (10 s) applies only to answers still being produced.
    ServerProcess server(serverEnvironment());
    HttpConnection idle(server.waitUntilListening());
    EXPECT_EQ(idle.request("GET", "/ping").status, 200);

    const auto started = std::chrono::steady_clock::now();
    server.signal(SIGTERM);
    const int status = server.waitForExit();
    const auto took = std::chrono::steady_clock::now() - started;
    EXPECT_LT(took, 500ms);
    RecordProperty(
        "exit_ms",
        std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()));
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(Shutdown, MissingConfigurationFailsAtStartNamingTheVariable) {
    ServerProcess server(std::map<std::string, std::string>{{"APP_SETTINGS", "production"}});
    EXPECT_EQ(server.waitForLog(std::regex("(DATABASE_URL is required)")),
              "DATABASE_URL is required");
    const int status = server.waitForExit();
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2);
}

}  // namespace
}  // namespace users::testing
