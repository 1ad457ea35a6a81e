#include "project/db/engine.hpp"

#include <algorithm>
#include <optional>

#include "project/errors.hpp"

namespace users::db {
namespace {

thread_local Engine* currentEngine = nullptr;

// Enough to send what continuations of continuations ask for within one round.
constexpr int kFlushPasses = 4;

}  // namespace

Engine::Engine(EventLoop& loop, EngineSettings settings, std::vector<Statement> statements,
               std::shared_ptr<EngineStats> stats)
    : loop_(loop),
      settings_(std::move(settings)),
      statements_(std::move(statements)),
      stats_(std::move(stats)) {
    for (unsigned i = 0; i < settings_.connections; ++i) {
        connections_.push_back(std::make_unique<PgConnection>(loop_, settings_.url, statements_,
                                                              settings_.timeout, *stats_));
    }
    stats_->connections += settings_.connections;
    checkTimes();
}

Engine::~Engine() { stats_->connections -= settings_.connections; }

Later<Rows> Engine::run(const char* statement, Params params, Access access) {
    // The open connection with the least in flight, else one coming up (its connect attempt
    // has its own deadline); none when every connection is down and waiting to retry.
    PgConnection* chosen = nullptr;
    std::size_t inFlight = 0;
    const auto rank = [](const PgConnection& connection) {
        return connection.state() == PgConnection::State::Ready ? 0 : 1;
    };
    for (const auto& connection : connections_) {
        inFlight += connection->inFlight();
        if (connection->state() == PgConnection::State::Down) continue;
        if (chosen == nullptr || rank(*connection) < rank(*chosen) ||
            (rank(*connection) == rank(*chosen) && connection->inFlight() < chosen->inFlight())) {
            chosen = connection.get();
        }
    }
    if (chosen == nullptr) {
        EngineStats::add(stats_->unavailable);
        return Later<Rows>::failed(
            std::make_exception_ptr(ServiceError::unavailable("no open database connection")));
    }
    if (inFlight >= settings_.maxInFlight) {
        EngineStats::add(stats_->overloaded);
        return Later<Rows>::failed(std::make_exception_ptr(
            ServiceError::unavailable("the database statements in flight reached their cap")));
    }
    auto [later, resolver] = Later<Rows>::pending();
    chosen->enqueue({statement, std::move(params), access, resolver,
                     EventLoop::Clock::now() + settings_.timeout});
    return later;
}

void Engine::onSocket(int fd, bool readable, bool writable) {
    for (const auto& connection : connections_) {
        if (connection->socket() == fd) return connection->onSocket(readable, writable);
    }
}

void Engine::onTimer() { checkTimes(); }

void Engine::flush() {
    for (int pass = 0; pass < kFlushPasses; ++pass) {
        bool sent = false;
        for (const auto& connection : connections_) {
            if (!connection->awaitsFlush()) continue;
            connection->flush();
            sent = true;
        }
        if (!sent) break;
    }
    checkTimes();
}

void Engine::checkTimes() {
    const auto now = EventLoop::Clock::now();
    std::optional<EventLoop::Clock::time_point> next;
    for (const auto& connection : connections_) {
        if (auto when = connection->onTimer(now)) next = std::min(next.value_or(*when), *when);
    }
    if (next) loop_.wakeAt(*next);
}

Engine& Engine::current() {
    if (currentEngine == nullptr) throw std::logic_error("no database engine on this thread");
    return *currentEngine;
}

void Engine::enterRound() { currentEngine = this; }

void Engine::leaveRound() { currentEngine = nullptr; }

}  // namespace users::db
