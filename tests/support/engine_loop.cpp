#include "tests/support/engine_loop.hpp"

#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>

#include "project/db/server_statements.hpp"
#include "tests/support/test_database.hpp"

namespace users::testing {
namespace {

std::uint32_t eventsOf(bool readable, bool writable) {
    return (readable ? EPOLLIN : 0U) | (writable ? EPOLLOUT : 0U);
}

}  // namespace

EngineLoop::EngineLoop(db::EngineSettings settings)
    : epoll_(::epoll_create1(EPOLL_CLOEXEC)),
      timer_(::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC)) {
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = timer_;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, timer_, &event);
    engine_ =
        std::make_unique<db::Engine>(*this, std::move(settings), db::serverStatements(), stats_);
}

EngineLoop::~EngineLoop() {
    engine_.reset();
    ::close(timer_);
    ::close(epoll_);
}

void EngineLoop::watch(int fd, bool readable, bool writable) {
    epoll_event event{};
    event.events = eventsOf(readable, writable);
    event.data.fd = fd;
    const bool known = watched_.count(fd) != 0;
    watched_[fd] = true;
    if (known && ::epoll_ctl(epoll_, EPOLL_CTL_MOD, fd, &event) == 0) return;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event);
}

void EngineLoop::unwatch(int fd, bool open) {
    if (watched_.erase(fd) == 0 || !open) return;
    ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);  // an fd already closed: EBADF, harmless
}

void EngineLoop::wakeAt(Clock::time_point when) {
    const auto wait =
        std::max(std::chrono::duration_cast<std::chrono::nanoseconds>(when - Clock::now()),
                 std::chrono::nanoseconds(100000));
    itimerspec once{};
    once.it_value.tv_sec = static_cast<time_t>(wait.count() / 1000000000);
    once.it_value.tv_nsec = static_cast<long>(wait.count() % 1000000000);
    ::timerfd_settime(timer_, 0, &once, nullptr);
}

void EngineLoop::round(std::chrono::milliseconds wait) {
    epoll_event events[16];
    const int ready = ::epoll_wait(epoll_, events, 16, static_cast<int>(wait.count()));
    engine_->enterRound();
    for (int i = 0; i < ready; ++i) {
        const int fd = events[i].data.fd;
        if (fd == timer_) {
            std::uint64_t expirations = 0;
            [[maybe_unused]] const auto read = ::read(timer_, &expirations, sizeof expirations);
            engine_->onTimer();
            continue;
        }
        const bool failed = (events[i].events & (EPOLLERR | EPOLLHUP)) != 0;
        engine_->onSocket(fd, failed || (events[i].events & EPOLLIN) != 0,
                          (events[i].events & EPOLLOUT) != 0);
    }
    engine_->flush();
    engine_->leaveRound();
}

db::EngineSettings testEngineSettings(unsigned connections) {
    return {testDatabaseUrl(), connections, std::chrono::milliseconds(2000), 256};
}

}  // namespace users::testing
