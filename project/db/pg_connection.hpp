#pragma once

#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <libpq-fe.h>

#include "project/db/engine_stats.hpp"
#include "project/db/rows.hpp"
#include "project/event_loop.hpp"
#include "project/later.hpp"

namespace users::db {

// One non-blocking libpq connection in pipeline mode, driven by its thread's event loop: it
// connects with PQconnectStart/PQconnectPoll, prepares every statement, then sends queued
// statements in batches, one Sync each, and settles each one's Later. It never blocks.
// Consecutive reads share a batch, settled as their results arrive. Consecutive inserts share
// another, one transaction settled at its Sync, once committed; when one of them fails, the
// others were rolled back with it and are sent again, each alone. Other writes go alone.
class PgConnection {
public:
    using Clock = EventLoop::Clock;
    // Unprepared: open, but the statements could not be prepared (the table is missing, say,
    // before `manage recreate_db`); the next statement prepares them again.
    enum class State { Down, Connecting, Preparing, Unprepared, Ready };

    struct Query {
        std::string statement;
        Params params;
        Access access;
        Resolver<Rows> resolver;
        Clock::time_point deadline;
        bool resent = false;  // an aborted batch is sent again once
    };

    PgConnection(EventLoop& loop, std::string conninfo, const std::vector<Statement>& statements,
                 std::chrono::milliseconds timeout, EngineStats& stats);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    State state() const { return state_; }
    int socket() const { return socket_; }
    std::size_t inFlight() const { return unsent_.size() + sentQueries_ + committing_.size(); }
    bool awaitsFlush() const {
        return (state_ == State::Ready || state_ == State::Unprepared) && !unsent_.empty();
    }

    void enqueue(Query query);  // sent once Ready
    void flush();               // sends what was enqueued since the last flush
    void onSocket(bool readable, bool writable);
    // Connects when a retry is due, and drops the connection when its oldest statement or its
    // connect attempt is past its deadline. Returns when it next needs to be asked.
    std::optional<Clock::time_point> onTimer(Clock::time_point now);

private:
    struct Item {
        enum class Kind { Prepare, Query, Sync } kind;
        std::optional<Query> query;
        bool answered = false;
    };
    // A write that succeeded inside its batch's transaction, answered once the Sync commits it.
    struct Committing {
        Query query;
        Rows rows;
    };

    void connect(Clock::time_point now);
    void pollConnect();
    void startPreparing();
    void sendPrepares();
    void onPrepared();
    void readResults();
    void answer(Item& item, PGresult* result);
    void onSync(PGresult* result);
    void resendAlone(Query query);
    void sendOrFail(bool sent);
    void flushOutput();
    void watchSocket(bool writable);
    // Closes the connection, fails every statement with a 503 and schedules a reconnect.
    void drop(const std::string& why);

    EventLoop& loop_;
    const std::string conninfo_;
    const std::vector<Statement>& statements_;
    const std::chrono::milliseconds timeout_;
    EngineStats& stats_;

    PGconn* connection_ = nullptr;
    State state_ = State::Down;
    int socket_ = -1;
    bool watchingWrite_ = false;
    Clock::time_point connectDeadline_{};
    Clock::time_point retryAt_{};
    std::chrono::milliseconds backoff_{0};
    std::string prepareFailure_;  // SQLSTATE of this round's first failed prepare
    bool warnedUnprepared_ = false;

    std::deque<Query> unsent_;
    std::deque<Item> sent_;  // in the order the server answers
    std::size_t sentQueries_ = 0;
    std::vector<Committing> committing_;
    bool batchFailed_ = false;  // a write of the batch failed: the batch is rolled back
    bool busy_ = false;         // counted in stats_.busy
};

}  // namespace users::db
