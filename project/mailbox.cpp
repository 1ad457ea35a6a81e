#include "project/mailbox.hpp"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>
#include <stdexcept>

namespace users {
namespace {

thread_local Inbox* currentInbox = nullptr;

}  // namespace

Mailbox::Mailbox() : fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
    if (fd_ < 0) throw std::runtime_error("eventfd failed");
}

Mailbox::~Mailbox() { ::close(fd_); }

bool Mailbox::post(std::function<void()> work) {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (closed_) return false;
        posted_.push_back(std::move(work));
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(fd_, &one, sizeof one);
    return true;
}

std::deque<std::function<void()>> Mailbox::take() {
    std::uint64_t count = 0;
    [[maybe_unused]] const auto read = ::read(fd_, &count, sizeof count);
    std::deque<std::function<void()>> taken;
    const std::lock_guard<std::mutex> lock(mutex_);
    taken.swap(posted_);
    return taken;
}

std::deque<std::function<void()>> Mailbox::close() {
    std::deque<std::function<void()>> left;
    const std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    left.swap(posted_);
    return left;
}

Inbox::Inbox(EventLoop& loop) : loop_(loop) { loop_.watch(mailbox_->fd(), true, false); }

Inbox::~Inbox() {
    loop_.unwatch(mailbox_->fd(), true);
    mailbox_->close();
}

void Inbox::onSocket(int fd, bool readable, bool /*writable*/) {
    if (fd != mailbox_->fd() || !readable) return;
    for (const auto& work : mailbox_->take()) work();
}

Inbox& Inbox::current() {
    if (currentInbox == nullptr) throw std::logic_error("no inbox on this thread");
    return *currentInbox;
}

void Inbox::enterRound() { currentInbox = this; }

void Inbox::leaveRound() { currentInbox = nullptr; }

}  // namespace users
