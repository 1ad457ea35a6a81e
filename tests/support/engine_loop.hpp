#pragma once

#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "project/db/engine.hpp"
#include "project/event_loop.hpp"
#include "project/later.hpp"

namespace users::testing {

// A database engine on a small epoll loop of the test's own thread, as a reactor thread would
// run it, so that db tests drive the real engine without an HTTP server.
class EngineLoop : public EventLoop {
public:
    explicit EngineLoop(db::EngineSettings settings);
    ~EngineLoop() override;
    EngineLoop(const EngineLoop&) = delete;
    EngineLoop& operator=(const EngineLoop&) = delete;

    db::Engine& engine() { return *engine_; }
    const db::EngineStats& stats() const { return *stats_; }

    // Calls `start` inside a round (where Engine::current() is this engine), then runs rounds
    // until its Later settles: its value, or its failure rethrown. At most `limit`.
    template <typename Start>
    auto await(Start start, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
        engine_->enterRound();
        auto later = start();
        engine_->flush();
        engine_->leaveRound();
        using T = typename decltype(later)::ValueType;
        std::optional<T> value;
        std::exception_ptr error;
        bool settled = false;
        std::move(later).settle(
            [&](T result) { value.emplace(std::move(result)), settled = true; },
            [&](std::exception_ptr failure) { error = failure, settled = true; });
        runUntil([&] { return settled; }, limit);
        if (!settled) throw std::runtime_error("the engine did not answer in time");
        if (error) std::rethrow_exception(error);
        return std::move(*value);
    }

    // Runs rounds until `done()` or `limit`; true if done.
    template <typename Done>
    bool runUntil(Done done, std::chrono::milliseconds limit) {
        const auto until = Clock::now() + limit;
        while (!done()) {
            if (Clock::now() >= until) return false;
            round(std::chrono::milliseconds(10));
        }
        return true;
    }

    void watch(int fd, bool readable, bool writable) override;
    void unwatch(int fd, bool open) override;
    void wakeAt(Clock::time_point when) override;

private:
    void round(std::chrono::milliseconds wait);

    int epoll_ = -1;
    int timer_ = -1;
    std::unordered_map<int, bool> watched_;
    std::shared_ptr<db::EngineStats> stats_ = std::make_shared<db::EngineStats>();
    std::unique_ptr<db::Engine> engine_;
};

// Settings for an engine on the test database.
db::EngineSettings testEngineSettings(unsigned connections = 1);

}  // namespace users::testing
