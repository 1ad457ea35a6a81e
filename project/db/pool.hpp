#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <pqxx/pqxx>

namespace users::db {

// A bounded pool of libpqxx connections (which are not thread-safe). Connections open lazily, so
// the service starts with the database down; broken ones are replaced on the next use.
class Pool {
public:
    using Setup = std::function<void(pqxx::connection&)>;

    Pool(const std::string& url, std::size_t size, std::chrono::milliseconds timeout, Setup setup);

    // Runs work(connection). A lost connection is retried once on a fresh one; a database that is
    // down, or no free connection within the timeout, throws ServiceError::unavailable.
    template <typename Work>
    auto run(Work&& work) {
        for (int attempt = 1;; ++attempt) {
            Lease lease = acquire();
            try {
                return work(*lease.connection);
            } catch (const std::exception& error) {
                if (!isConnectionFailure(error)) {
                    countStatementError(error);
                    throw;
                }
                errors_.connectionLost.fetch_add(1, std::memory_order_relaxed);
                lease.broken = true;
                if (attempt == 2) throwUnavailable(error);
            }
        }
    }

    // For the metrics endpoint: a snapshot of the pool and the database errors seen so far.
    struct Stats {
        std::size_t size;
        std::size_t open;     // connections held, idle or leased
        std::size_t inUse;    // leased right now
        std::uint64_t waits;  // acquisitions that found no free connection and had to wait
        std::uint64_t connectFailures;
        std::uint64_t connectionsLost;       // a statement failed because its connection broke
        std::uint64_t timeouts;              // no free connection within the timeout
        std::uint64_t constraintViolations;  // SQLSTATE class 23, e.g. a duplicate email
        std::uint64_t statementErrors;       // any other SQL error
    };
    Stats stats() const;

private:
    struct Lease {
        Pool* pool;
        std::unique_ptr<pqxx::connection> connection;
        bool broken = false;
        Lease(Pool* owner, std::unique_ptr<pqxx::connection> c)
            : pool(owner), connection(std::move(c)) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() { pool->release(std::move(connection), broken); }
    };

    Lease acquire();
    void release(std::unique_ptr<pqxx::connection> connection, bool broken);
    static bool isConnectionFailure(const std::exception& error);
    void countStatementError(const std::exception& error);
    [[noreturn]] static void throwUnavailable(const std::exception& error);

    const std::string url_;
    const std::size_t size_;
    const std::chrono::milliseconds timeout_;
    const Setup setup_;

    mutable std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<pqxx::connection>> idle_;
    std::size_t open_ = 0;  // idle plus leased, including ones being opened
    std::uint64_t waits_ = 0;

    struct Errors {
        std::atomic<std::uint64_t> connect{0};
        std::atomic<std::uint64_t> connectionLost{0};
        std::atomic<std::uint64_t> timeout{0};
        std::atomic<std::uint64_t> constraint{0};
        std::atomic<std::uint64_t> statement{0};
    };
    Errors errors_;
};

// Adds connect_timeout (whole seconds, libpq's minimum is 2) unless the URL sets one.
std::string withConnectTimeout(const std::string& url, std::chrono::milliseconds timeout);

}  // namespace users::db
