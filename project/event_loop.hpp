#pragma once

#include <chrono>

namespace users {

// What a component driven by one thread's event loop may ask of it: watch its sockets, wake it
// at a time. The HTTP reactor (http/reactor_transport.hpp) and the tests' loop implement it.
class EventLoop {
public:
    using Clock = std::chrono::steady_clock;

    virtual ~EventLoop() = default;
    // Adds or changes the interest in `fd`; its events reach the loop's client.
    virtual void watch(int fd, bool readable, bool writable) = 0;
    // Forgets `fd`. When its owner already closed it (`open` false) the number may belong to
    // someone else by now: only the bookkeeping goes, the epoll dropped it with the close.
    virtual void unwatch(int fd, bool open = true) = 0;
    // The client's onTimer() runs at `when` or soon after; a later call replaces the time.
    virtual void wakeAt(Clock::time_point when) = 0;
};

// The component: told about its sockets and its time, and asked after each round of events to
// send what those events produced. A round (enterRound .. leaveRound) also runs the loop's other
// work, which may call the component (the HTTP handlers call the database engine).
class EventLoopClient {
public:
    virtual ~EventLoopClient() = default;
    virtual void enterRound() = 0;
    virtual void leaveRound() = 0;
    virtual void onSocket(int fd, bool readable, bool writable) = 0;
    virtual void onTimer() = 0;
    virtual void flush() = 0;
};

}  // namespace users
