#include <gtest/gtest.h>

#include <thread>

#include "project/db/pool.hpp"
#include "project/errors.hpp"
#include "tests/support/test_database.hpp"

namespace users::db {
namespace {

using namespace std::chrono_literals;
using users::testing::testDatabaseUrl;

// Asks the server, so that a dead connection is noticed (backendpid() alone is client-side).
int backendPid(Pool& pool) {
    return pool.run([](pqxx::connection& connection) {
        return pqxx::nontransaction(connection).exec("SELECT pg_backend_pid()")[0][0].as<int>();
    });
}

TEST(Pool, ReusesAnIdleConnection) {
    Pool pool(testDatabaseUrl(), 2, 1000ms, nullptr);
    EXPECT_EQ(backendPid(pool), backendPid(pool));
}

TEST(Pool, RunsSetupOnEachNewConnection) {
    int setups = 0;
    Pool pool(testDatabaseUrl(), 1, 1000ms, [&](pqxx::connection&) { ++setups; });
    backendPid(pool);
    backendPid(pool);
    EXPECT_EQ(setups, 1);
}

TEST(Pool, ReplacesAConnectionTheServerTerminated) {
    Pool pool(testDatabaseUrl(), 1, 1000ms, nullptr);
    const int first = backendPid(pool);
    // pg_terminate_backend only signals: wait for the backend to be gone.
    users::testing::queryValue("SELECT pg_terminate_backend(" + std::to_string(first) + ")");
    while (users::testing::queryValue("SELECT count(*) FROM pg_stat_activity WHERE pid = " +
                                      std::to_string(first)) != "0") {
        std::this_thread::sleep_for(10ms);
    }
    const int second = backendPid(pool);
    EXPECT_NE(first, second);
}

TEST(Pool, AnUnreachableDatabaseIsUnavailableQuickly) {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    Pool pool("postgresql://postgres@127.0.0.1:1/none", 1, 1000ms, nullptr);
    const auto started = std::chrono::steady_clock::now();
    try {
        backendPid(pool);
        FAIL() << "connected to nothing";
    } catch (const ServiceError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::DatabaseUnavailable);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
}

TEST(Pool, WaitsAtMostTheTimeoutForAFreeConnection) {
    Pool pool(testDatabaseUrl(), 1, 200ms, nullptr);
    std::thread holder(
        [&] { pool.run([](pqxx::connection&) { std::this_thread::sleep_for(600ms); }); });
    std::this_thread::sleep_for(100ms);
    const auto started = std::chrono::steady_clock::now();
    try {
        backendPid(pool);
        ADD_FAILURE() << "got a connection the other thread holds";
    } catch (const ServiceError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::DatabaseUnavailable);
    }
    const auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_GE(waited, 150ms);
    EXPECT_LT(waited, 500ms);
    holder.join();
    EXPECT_GT(backendPid(pool), 0);
}

TEST(Pool, PassesOtherErrorsThrough) {
    Pool pool(testDatabaseUrl(), 1, 1000ms, nullptr);
    EXPECT_THROW(pool.run([](pqxx::connection& connection) {
        pqxx::nontransaction(connection).exec("SELECT * FROM no_such_table");
    }),
                 pqxx::undefined_table);
    EXPECT_GT(backendPid(pool), 0);
}

}  // namespace
}  // namespace users::db
