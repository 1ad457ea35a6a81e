#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "project/db/engine_stats.hpp"
#include "project/db/pg_connection.hpp"
#include "project/db/rows.hpp"
#include "project/event_loop.hpp"
#include "project/later.hpp"

namespace users::db {

struct EngineSettings {
    std::string url;
    unsigned connections = 2;
    std::chrono::milliseconds timeout{2000};  // DB_TIMEOUT_MS: a statement's deadline
    std::size_t maxInFlight = 256;            // beyond it a statement is refused at once
};

// One thread's database: a few pipelined connections in that thread's event loop. A statement
// is answered through its Later on the same thread, or refused at once with the 503 error
// (ServiceError::unavailable) when no connection is open or too many statements are in flight.
// A connection that is lost or outlives a deadline is replaced, with a growing back-off.
class Engine : public EventLoopClient {
public:
    Engine(EventLoop& loop, EngineSettings settings, std::vector<Statement> statements,
           std::shared_ptr<EngineStats> stats);
    ~Engine() override;

    Later<Rows> run(const char* statement, Params params, Access access);

    void enterRound() override;
    void leaveRound() override;
    void onSocket(int fd, bool readable, bool writable) override;
    void onTimer() override;
    void flush() override;

    // The engine of the calling thread's loop, while it runs a round of events.
    static Engine& current();

private:
    void checkTimes();

    EventLoop& loop_;
    const EngineSettings settings_;
    const std::vector<Statement> statements_;
    const std::shared_ptr<EngineStats> stats_;
    std::vector<std::unique_ptr<PgConnection>> connections_;
};

}  // namespace users::db
