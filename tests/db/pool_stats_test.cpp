#include <gtest/gtest.h>

#include <future>
#include <memory>
#include <thread>

#include "project/db/pool.hpp"
#include "project/errors.hpp"
#include "tests/support/test_database.hpp"

namespace users::db {
namespace {

using namespace std::chrono_literals;
using users::testing::testDatabaseUrl;

void probeDatabase(Pool& pool) {
    pool.run(
        [](pqxx::connection& connection) { pqxx::nontransaction(connection).exec("SELECT 1"); });
}

// Holds a connection of `pool` on another thread until destroyed.
class HeldConnection {
public:
    explicit HeldConnection(Pool& pool)
        : holder_(std::async(std::launch::async, [this, &pool] {
              pool.run([this](pqxx::connection&) {
                  leased_.set_value();
                  release_.get_future().wait();
              });
          })) {
        leased_.get_future().wait();
    }
    ~HeldConnection() {
        release_.set_value();
        holder_.get();
    }
    HeldConnection(const HeldConnection&) = delete;
    HeldConnection& operator=(const HeldConnection&) = delete;

private:
    std::promise<void> leased_;
    std::promise<void> release_;
    std::future<void> holder_;
};

TEST(PoolStats, CountsOpenInUseAndWaits) {
    Pool pool(testDatabaseUrl(), 1, 2000ms, nullptr);
    EXPECT_EQ(pool.stats().open, 0U);
    probeDatabase(pool);
    auto stats = pool.stats();
    EXPECT_EQ(stats.size, 1U);
    EXPECT_EQ(stats.open, 1U);
    EXPECT_EQ(stats.inUse, 0U);
    EXPECT_EQ(stats.waits, 0U);

    auto held = std::make_unique<HeldConnection>(pool);
    EXPECT_EQ(pool.stats().inUse, 1U);
    auto waiter = std::async(std::launch::async, [&] { probeDatabase(pool); });
    while (pool.stats().waits == 0) std::this_thread::sleep_for(1ms);
    held.reset();
    waiter.get();
    EXPECT_EQ(pool.stats().waits, 1U);
    EXPECT_EQ(pool.stats().inUse, 0U);
}

TEST(PoolStats, CountsDatabaseErrorsByKind) {
    Pool pool(testDatabaseUrl(), 1, 200ms, nullptr);
    const auto fail = [&](const char* sql) {
        EXPECT_THROW(pool.run([&](pqxx::connection& c) { pqxx::nontransaction(c).exec(sql); }),
                     pqxx::sql_error);
    };
    fail("SELECT 1/0");
    fail("DO $$ BEGIN RAISE unique_violation; END $$");
    fail("SELECT * FROM no_such_table");
    auto stats = pool.stats();
    EXPECT_EQ(stats.statementErrors, 2U);
    EXPECT_EQ(stats.constraintViolations, 1U);

    // A lease held past the timeout: the next caller times out.
    {
        const HeldConnection held(pool);
        EXPECT_THROW(probeDatabase(pool), ServiceError);
    }
    EXPECT_EQ(pool.stats().timeouts, 1U);

    Pool unreachable("postgresql://postgres@127.0.0.1:1/none", 1, 200ms, nullptr);
    EXPECT_THROW(probeDatabase(unreachable), ServiceError);
    EXPECT_EQ(unreachable.stats().connectFailures, 1U);
    EXPECT_EQ(unreachable.stats().open, 0U);
}

}  // namespace
}  // namespace users::db
