#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <mutex>

#include "project/event_loop.hpp"

namespace users {

// Where other threads hand work back to one event loop's thread: a queue, and an eventfd that
// wakes the loop. Posting is thread-safe; once the loop is gone (closed) posts are refused.
class Mailbox {
public:
    Mailbox();
    ~Mailbox();
    Mailbox(const Mailbox&) = delete;
    Mailbox& operator=(const Mailbox&) = delete;

    // False when closed: `work` is then destroyed here, on the caller's thread.
    bool post(std::function<void()> work);
    int fd() const { return fd_; }
    // What was posted so far, in order; clears the wake-up.
    std::deque<std::function<void()>> take();
    // Refuses further posts; what is still queued is destroyed by the caller, the loop's thread.
    std::deque<std::function<void()>> close();

private:
    const int fd_;
    std::mutex mutex_;
    std::deque<std::function<void()>> posted_;
    bool closed_ = false;
};

// One loop's mailbox as a client of that loop: its eventfd is watched, and what was posted runs
// on the loop's thread inside a round, so it may use the round's services (the database engine).
class Inbox : public EventLoopClient {
public:
    explicit Inbox(EventLoop& loop);
    ~Inbox() override;
    Inbox(const Inbox&) = delete;
    Inbox& operator=(const Inbox&) = delete;

    // Shared, so that a worker may still post (and be refused) after the loop is gone.
    const std::shared_ptr<Mailbox>& mailbox() const { return mailbox_; }

    void enterRound() override;
    void leaveRound() override;
    void onSocket(int fd, bool readable, bool writable) override;
    void onTimer() override {}
    void flush() override {}

    // The inbox of the calling thread's loop, while it runs a round of events.
    static Inbox& current();

private:
    EventLoop& loop_;
    std::shared_ptr<Mailbox> mailbox_ = std::make_shared<Mailbox>();
};

}  // namespace users
