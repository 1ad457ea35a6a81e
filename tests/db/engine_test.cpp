#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <thread>

#include <pqxx/pqxx>

#include "project/db/engine.hpp"
#include "project/db/user_repository.hpp"
#include "project/errors.hpp"
#include "tests/support/engine_loop.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/users.hpp"

namespace users::db {
namespace {

using namespace std::chrono_literals;
using namespace users::testing;
using Clock = std::chrono::steady_clock;

ErrorKind kindOf(const std::exception_ptr& failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const ServiceError& error) {
        return error.kind();
    } catch (...) {
    }
    return ErrorKind::InvalidInput;
}

// Settles into `outcome`: "ok" or the failure's kind.
struct Outcome {
    bool settled = false;
    std::optional<ErrorKind> failure;
};

template <typename T>
void track(Later<T> later, Outcome& outcome) {
    std::move(later).settle([&outcome](T) { outcome.settled = true; },
                            [&outcome](std::exception_ptr error) {
                                outcome.settled = true;
                                outcome.failure = kindOf(error);
                            });
}

class EngineTest : public ::testing::Test {
protected:
    void SetUp() override { recreateTestDatabase(); }
};

// Reads share a batch, a failing insert and another insert come between them: the Syncs
// around the inserts keep the duplicate's failure from aborting the reads.
TEST_F(EngineTest, ADuplicateWriteAbortsNoNeighbourInItsBatch) {
    EngineLoop loop(testEngineSettings());
    const UserRepository users;
    const auto ann = addUser("ann", "ann@x.io");
    std::vector<Outcome> reads(20);
    Outcome duplicate, fresh;
    loop.await([&] {
        for (auto& read : reads) track(users.findById(ann), read);
        track(users.create({"other", "ANN@x.io"}), duplicate);
        for (auto& read : reads) track(users.findById(ann), read);
        track(users.create({"bob", "bob@x.io"}), fresh);
        return users.findById(ann);
    });
    ASSERT_TRUE(loop.runUntil([&] { return fresh.settled; }, 5s));
    for (const auto& read : reads) {
        EXPECT_TRUE(read.settled);
        EXPECT_FALSE(read.failure.has_value());
    }
    EXPECT_EQ(duplicate.failure, ErrorKind::Duplicate);
    EXPECT_FALSE(fresh.failure.has_value());
    EXPECT_EQ(countUsers(), 2);
    EXPECT_EQ(loop.stats().constraintViolations, 1U);
}

// Consecutive writes share one transaction: a failed write rolls back its neighbours, which are
// sent again alone, so each gets its own answer and only acknowledged rows exist.
TEST_F(EngineTest, AFailedWriteCostsTheOthersInItsBatchATripNotTheirAnswer) {
    EngineLoop loop(testEngineSettings());
    const UserRepository users;
    addUser("ann", "ann@x.io");
    const auto batch = [&](std::vector<UserInput> inputs) {
        std::vector<Outcome> outcomes(inputs.size());
        loop.await([&] {
            for (std::size_t i = 0; i < inputs.size(); ++i)
                track(users.create(inputs[i]), outcomes[i]);
            return Later<bool>(true);
        });
        EXPECT_TRUE(loop.runUntil(
            [&] {
                return std::all_of(outcomes.begin(), outcomes.end(),
                                   [](const Outcome& outcome) { return outcome.settled; });
            },
            5s));
        return outcomes;
    };
    // A taken email in the middle.
    const auto first = batch({{"bob", "bob@x.io"}, {"other", "ANN@x.io"}, {"cid", "cid@x.io"}});
    EXPECT_FALSE(first[0].failure.has_value());
    EXPECT_EQ(first[1].failure, ErrorKind::Duplicate);
    EXPECT_FALSE(first[2].failure.has_value());
    // An email taken by a neighbour of the same, uncommitted, batch.
    const auto second = batch({{"dan", "dan@x.io"}, {"dan again", "DAN@x.io"}});
    EXPECT_FALSE(second[0].failure.has_value());
    EXPECT_EQ(second[1].failure, ErrorKind::Duplicate);
    EXPECT_EQ(queryValue("SELECT string_agg(username, ',' ORDER BY username) FROM users"),
              "ann,bob,cid,dan");
    EXPECT_EQ(loop.stats().constraintViolations, 2U);
}

TEST_F(EngineTest, RefusesAtOnceBeyondTheInFlightCap) {
    auto settings = testEngineSettings();
    settings.maxInFlight = 2;
    EngineLoop loop(settings);
    const UserRepository users;
    loop.await([&] { return users.findById(1); });  // connected and prepared
    Outcome first, second, third;
    loop.await([&] {
        track(users.findById(1), first);
        track(users.findById(1), second);
        track(users.findById(1), third);
        EXPECT_FALSE(first.settled);
        EXPECT_TRUE(third.settled);  // refused before any round of the loop
        return Later<bool>(true);
    });
    EXPECT_EQ(third.failure, ErrorKind::DatabaseUnavailable);
    ASSERT_TRUE(loop.runUntil([&] { return second.settled; }, 5s));
    EXPECT_FALSE(first.failure.has_value());
    EXPECT_EQ(loop.stats().overloaded, 1U);
}

TEST_F(EngineTest, AnUnreachableDatabaseFailsAtOnce) {
    db::EngineSettings settings{"postgresql://postgres@127.0.0.1:1/none", 1, 500ms, 8};
    EngineLoop loop(settings);
    const auto started = Clock::now();
    EXPECT_THROW(loop.await([] { return UserRepository().findById(1); }), ServiceError);
    EXPECT_LT(Clock::now() - started, 100ms);
    loop.runUntil([&] { return loop.stats().connectFailures > 0; }, 2s);
    EXPECT_GE(loop.stats().connectFailures, 1U);
    EXPECT_EQ(loop.stats().open, 0);
}

// A statement held by a lock outlives DB_TIMEOUT_MS: 503 on time, the connection is dropped,
// and a new one answers once the lock is gone.
TEST_F(EngineTest, AStuckStatementFailsAtItsDeadlineAndItsConnectionIsReplaced) {
    auto settings = testEngineSettings();
    settings.timeout = 300ms;
    EngineLoop loop(settings);
    const UserRepository users;
    loop.await([&] { return users.findById(1); });
    {
        pqxx::connection locker(testDatabaseUrl());
        pqxx::work lock(locker);
        lock.exec("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
        const auto started = Clock::now();
        EXPECT_THROW(loop.await([&] { return users.findById(1); }), ServiceError);
        const auto waited = Clock::now() - started;
        EXPECT_GE(waited, 300ms);
        EXPECT_LT(waited, 400ms);
    }
    EXPECT_EQ(loop.stats().timeouts, 1U);
    ASSERT_TRUE(loop.runUntil([&] { return loop.stats().open == 1; }, 5s));
    EXPECT_FALSE(loop.await([&] { return users.findById(1); }).has_value());
}

// Commits on new connections wait for a synchronous standby that never answers, the state a
// failover can leave behind; undone on every way out of the test.
class NoStandbyAnswers {
public:
    // In this order: each commit here must not be the one that waits.
    NoStandbyAnswers() {
        queryValue(
            "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET synchronous_commit = on', "
            "current_database()); END $$");
        queryValue("ALTER SYSTEM SET synchronous_standby_names = 'absent_standby'");
        reload("absent_standby");
    }
    ~NoStandbyAnswers() {
        queryValue("ALTER SYSTEM RESET synchronous_standby_names");
        reload("");  // also releases the commits still waiting
        queryValue(
            "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET synchronous_commit', "
            "current_database()); END $$");
    }
    NoStandbyAnswers(const NoStandbyAnswers&) = delete;
    NoStandbyAnswers& operator=(const NoStandbyAnswers&) = delete;

private:
    // The postmaster rereads its configuration on a signal: wait until new sessions see it.
    static void reload(const std::string& standbys) {
        queryValue("SELECT pg_reload_conf()");
        const auto until = Clock::now() + 5s;
        while (queryValue("SHOW synchronous_standby_names") != standbys && Clock::now() < until) {
            std::this_thread::sleep_for(10ms);
        }
    }
};

// A write whose commit never ends is held to the deadline like any statement: 503 on time and
// the connection replaced. (The database may still commit it later: see Limitations.)
TEST_F(EngineTest, AWriteWhoseCommitNeverEndsFailsAtItsDeadline) {
    auto settings = testEngineSettings();
    settings.timeout = 300ms;
    {
        const NoStandbyAnswers noStandby;
        EngineLoop loop(settings);
        const UserRepository users;
        loop.await([&] { return users.findById(1); });  // reads commit nothing: no wait
        const auto started = Clock::now();
        EXPECT_THROW(loop.await([&] { return users.create({"ann", "ann@x.io"}); }), ServiceError);
        const auto waited = Clock::now() - started;
        EXPECT_GE(waited, 300ms);
        EXPECT_LT(waited, 400ms);
        EXPECT_EQ(loop.stats().timeouts, 1U);
    }
    EngineLoop loop(settings);
    EXPECT_GT(loop.await([] { return UserRepository().create({"bob", "bob@x.io"}); }), 0);
}

TEST_F(EngineTest, ALostConnectionIsReplacedWithoutARestart) {
    EngineLoop loop(testEngineSettings());
    const UserRepository users;
    const auto ann = addUser("ann", "ann@x.io");
    ASSERT_TRUE(loop.await([&] { return users.findById(ann); }).has_value());
    queryValue(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid() "
        "AND backend_type = 'client backend'");
    bool answered = false;
    const auto until = Clock::now() + 5s;
    while (!answered && Clock::now() < until) {
        try {
            answered = loop.await([&] { return users.findById(ann); }).has_value();
        } catch (const ServiceError& error) {
            EXPECT_EQ(error.kind(), ErrorKind::DatabaseUnavailable);
            loop.runUntil([] { return false; }, 20ms);
        }
    }
    EXPECT_TRUE(answered);
    EXPECT_GE(loop.stats().connectionsLost + loop.stats().connectFailures, 1U);
}

// The server starts before `manage recreate_db` (compose does): without the table its
// statements cannot be prepared, yet the connection stays open and prepares again for the
// next statement, so the first request after the table appears succeeds, with no reconnect.
TEST_F(EngineTest, StatementsArePreparedOnceTheTableExists) {
    queryValue("DROP TABLE users");
    EngineLoop loop(testEngineSettings());
    const UserRepository users;
    EXPECT_THROW(loop.await([&] { return users.findById(1); }), ServiceError);
    EXPECT_THROW(loop.await([&] { return users.findById(1); }), ServiceError);
    const std::uint64_t failuresWithoutTheTable = loop.stats().connectFailures;
    recreateTestDatabase();
    const auto ann = addUser("ann", "ann@x.io");
    EXPECT_EQ(loop.await([&] { return users.findById(ann); })->username, "ann");
    EXPECT_EQ(loop.stats().connectFailures, failuresWithoutTheTable);
    EXPECT_EQ(loop.stats().open, 1);
}

}  // namespace
}  // namespace users::db
