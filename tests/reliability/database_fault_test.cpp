#include <atomic>
#include <set>
#include <thread>

#include <pqxx/pqxx>

#include <gtest/gtest.h>

#include "tests/support/http_client.hpp"
#include "tests/support/pg_cluster.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/users.hpp"

namespace users::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr auto npos = std::string::npos;
constexpr auto kSlowestAllowed = 3s;  // DB_TIMEOUT_MS=1000 plus one reconnect attempt

// Writers that POST unique users until stopped and record what each answer promised.
class WriteLoad {
public:
    WriteLoad(std::uint16_t port, int writers) {
        for (int w = 0; w < writers; ++w) {
            threads_.emplace_back([this, port, w] { write(port, w); });
        }
    }
    ~WriteLoad() { stop(); }

    void stop() {
        stopped_ = true;
        for (auto& thread : threads_) {
            if (thread.joinable()) thread.join();
        }
    }

    std::vector<std::string> acknowledged;  // emails answered 2xx
    int unavailable = 0;                    // 503 JSON answers
    int retriedAfterCommit = 0;             // 400 "already exists" for our own unique email
    std::vector<std::string> unexpected;    // anything else
    Clock::duration slowest{};

private:
    void write(std::uint16_t port, int writer) {
        for (int i = 0; !stopped_; ++i) {
            const std::string email =
                "w" + std::to_string(writer) + "-" + std::to_string(i) + "@x.io";
            const auto started = Clock::now();
            std::string outcome;
            int status = 0;
            try {
                const HttpResponse response =
                    httpRequest(port, "POST", "/users", userJson("load", email));
                status = response.status;
                if (status == 503 && response.header("content-type") == "application/json") {
                    outcome = "503";
                } else if (status == 400 && response.body.find("already exists") != npos) {
                    outcome = "retried";  // committed, connection lost, retried: README limitation
                } else if (status < 200 || status >= 300) {
                    outcome = std::to_string(status) + " " + response.body;
                }
            } catch (const std::exception& error) {
                outcome = error.what();
            }
            const auto took = Clock::now() - started;
            std::lock_guard lock(mutex_);
            slowest = std::max(slowest, took);
            if (outcome.empty()) {
                acknowledged.push_back(email);
            } else if (outcome == "retried") {
                ++retriedAfterCommit;
            } else if (outcome == "503") {
                ++unavailable;
                std::this_thread::sleep_for(20ms);
            } else {
                unexpected.push_back(email + ": " + outcome);
            }
        }
    }

    std::atomic<bool> stopped_{false};
    std::mutex mutex_;
    std::vector<std::thread> threads_;
};

std::set<std::string> storedEmails() {
    pqxx::connection connection(testDatabaseUrl());
    pqxx::nontransaction transaction(connection);
    std::set<std::string> emails;
    for (const auto& row : transaction.exec("SELECT email FROM users")) {
        emails.insert(row[0].as<std::string>());
    }
    return emails;
}

// Time from now until a POST succeeds again (capped at 10 s).
Clock::duration timeToRecover(std::uint16_t port) {
    const auto started = Clock::now();
    for (int i = 0; Clock::now() - started < 10s; ++i) {
        try {
            const std::string body = userJson("probe", "probe" + std::to_string(i) + "@x.io");
            if (httpRequest(port, "POST", "/users", body).status == 201) break;
        } catch (const std::exception&) {
        }
        std::this_thread::sleep_for(20ms);
    }
    return Clock::now() - started;
}

class DatabaseFault : public ::testing::Test {
protected:
    void SetUp() override {
        // Restart with synchronous_commit on: an acknowledged commit must be durable.
        clusterStop();
        clusterStart();
        recreateTestDatabase();
    }
    void TearDown() override {
        try {
            clusterStart();  // whatever happened, leave the database up for later tests
        } catch (const std::exception& error) {
            ADD_FAILURE() << error.what();
        }
    }

    // Writes under load while `outage` takes the database away, then brings it back.
    void writeThrough(const std::function<void()>& outage) {
        ServerProcess server(serverEnvironment({{"HTTP_THREADS", "8"}, {"DB_POOL_SIZE", "8"}}));
        const std::uint16_t port = server.waitUntilListening();
        WriteLoad load(port, 4);
        std::this_thread::sleep_for(300ms);
        outage();
        std::this_thread::sleep_for(500ms);
        clusterStart();
        EXPECT_LT(timeToRecover(port), 2s);
        std::this_thread::sleep_for(300ms);
        load.stop();

        EXPECT_TRUE(load.unexpected.empty())
            << load.unexpected.size() << " unexpected answers, first: " << load.unexpected[0];
        EXPECT_GT(load.unavailable, 0) << "the outage was never observed";
        EXPECT_LT(load.slowest, kSlowestAllowed);
        ASSERT_GT(load.acknowledged.size(), 10U);
        const std::set<std::string> stored = storedEmails();
        int lost = 0;
        for (const auto& email : load.acknowledged) lost += stored.count(email) == 0 ? 1 : 0;
        EXPECT_EQ(lost, 0) << "of " << load.acknowledged.size() << " acknowledged writes";
    }
};

TEST_F(DatabaseFault, FastRestartUnderWriteLoadLosesNoAcknowledgedWrite) {
    writeThrough([] { clusterStop("fast"); });
}

TEST_F(DatabaseFault, KilledDatabaseUnderWriteLoadLosesNoAcknowledgedWrite) {
    writeThrough([] { clusterKill(); });
}

TEST_F(DatabaseFault, ServerStartedWithTheDatabaseDownAnswers503ThenRecovers) {
    clusterStop();
    ServerProcess server(serverEnvironment());
    const std::uint16_t port = server.waitUntilListening();
    EXPECT_EQ(httpRequest(port, "GET", "/ping").status, 200);
    const auto started = Clock::now();
    const HttpResponse down = httpRequest(port, "GET", "/users");
    EXPECT_LT(Clock::now() - started, kSlowestAllowed);
    EXPECT_EQ(down.status, 503);
    EXPECT_EQ(down.header("content-type"), "application/json");
    clusterStart();
    EXPECT_LT(timeToRecover(port), 2s);
}

}  // namespace
}  // namespace users::testing
