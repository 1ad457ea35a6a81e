#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <thread>

#include <pqxx/pqxx>

#include <gtest/gtest.h>

#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/users.hpp"

namespace users::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Stops and joins the threads on every way out of a test, an assertion's early return included.
struct JoinOnExit {
    std::vector<std::thread>& threads;
    std::atomic<bool>& stop;
    ~JoinOnExit() {
        stop = true;
        for (auto& thread : threads) {
            if (thread.joinable()) thread.join();
        }
    }
};

TEST(ShutdownUnderLoad, SigtermFinishesAcceptedRequestsAndExitsZeroWithinOneSecond) {
    recreateTestDatabase();
    ASSERT_EQ(addUser("a", "a@x.io"), 1);  // what the readers GET
    ServerProcess server(serverEnvironment({{"HTTP_THREADS", "8"}, {"DB_POOL_SIZE", "8"}}));
    const std::uint16_t port = server.waitUntilListening();

    // Readers on keep-alive connections: every answer that starts must arrive whole.
    std::atomic<bool> stop{false};
    std::atomic<int> answered{0}, truncated{0}, lastStatus{0};
    std::vector<std::thread> readers;
    const JoinOnExit joinReaders{readers, stop};
    for (int r = 0; r < 6; ++r) {
        readers.emplace_back([&] {
            while (!stop) {
                try {
                    HttpConnection connection(port);
                    while (!stop) {
                        const auto status = connection.request("GET", "/users/1").status;
                        lastStatus = status;
                        if (status == 200) ++answered;
                    }
                } catch (const std::runtime_error& error) {
                    // Refused or closed before any byte of an answer is fine after SIGTERM.
                    const std::string what = error.what();
                    lastStatus = -1;
                    if (what != "no response headers: " && what.rfind("cannot connect", 0) != 0 &&
                        what != "send failed") {
                        ++truncated;
                    }
                    if (what.rfind("cannot connect", 0) == 0) return;
                }
            }
        });
    }
    // The database connections open after the listener: wait for the readers' first answers.
    const auto started = Clock::now();
    while (answered.load() == 0 && Clock::now() - started < 5s) {
        std::this_thread::sleep_for(10ms);
    }
    ASSERT_GT(answered.load(), 0) << "the readers' last status (-1: an error): "
                                  << lastStatus.load();

    // A write held inside the database by a table lock: accepted, still running at SIGTERM.
    pqxx::connection locker(testDatabaseUrl());
    pqxx::work lock(locker);
    lock.exec("LOCK TABLE users IN EXCLUSIVE MODE");
    int heldStatus = 0;
    std::thread held([&] {
        try {
            heldStatus =
                httpRequest(port, "POST", "/users", R"({"username":"held","email":"held@x.io"})")
                    .status;
        } catch (const std::runtime_error&) {
            heldStatus = -1;  // no answer
        }
    });
    std::this_thread::sleep_for(300ms);

    server.signal(SIGTERM);
    const auto signalled = Clock::now();
    std::this_thread::sleep_for(200ms);
    lock.commit();
    const int status = server.waitForExit(5s);
    const auto tookToExit = Clock::now() - signalled;
    held.join();
    stop = true;
    for (auto& reader : readers) reader.join();

    EXPECT_LT(tookToExit, 1s);
    ASSERT_TRUE(status != -1 && WIFEXITED(status)) << "status " << status;
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_EQ(heldStatus, 201) << "the request accepted before SIGTERM did not complete";
    EXPECT_EQ(queryValue("SELECT count(*) FROM users WHERE email = 'held@x.io'"), "1");
    EXPECT_EQ(truncated.load(), 0);
}

}  // namespace
}  // namespace users::testing
