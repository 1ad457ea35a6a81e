#include "project/http/reactor_transport.hpp"

#include <sys/timerfd.h>
#include <unistd.h>

#include <cstdint>
#include <stdexcept>
#include <vector>

#include <pistache/peer.h>

#include "project/http/error_response.hpp"
#include "project/http/peer_send.hpp"
#include "project/http/response_head.hpp"

namespace users::http {
namespace {

namespace Polling = Pistache::Polling;

// Pistache tags a peer's events with its fd; ours carry this bit as well, so none collide.
constexpr std::uint64_t kOwnTag = std::uint64_t{1} << 62;
constexpr std::chrono::milliseconds kSweepInterval{500};

Polling::Tag ownTag(int fd) { return Polling::Tag(kOwnTag | static_cast<std::uint64_t>(fd)); }

Pistache::Flags<Polling::NotifyOn> interest(bool readable, bool writable) {
    Pistache::Flags<Polling::NotifyOn> flags;
    if (readable) flags.setFlag(Polling::NotifyOn::Read);
    if (writable) flags.setFlag(Polling::NotifyOn::Write);
    return flags;
}

timespec timespecOf(std::chrono::nanoseconds duration) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(duration);
    return {static_cast<time_t>(seconds.count()), static_cast<long>((duration - seconds).count())};
}

void drain(int timer) {
    std::uint64_t expirations = 0;
    [[maybe_unused]] const auto read = ::read(timer, &expirations, sizeof expirations);
}

}  // namespace

ReactorTransport::ReactorTransport(std::shared_ptr<HttpHandler> handler, Timeouts timeouts,
                                   ServiceFactory serviceFactory)
    : Pistache::Tcp::Transport(handler),
      handler_(std::move(handler)),
      timeouts_(timeouts),
      serviceFactory_(std::move(serviceFactory)) {}

ReactorTransport::~ReactorTransport() {
    service_.reset();
    if (sweepTimer_ >= 0) ::close(sweepTimer_);
    if (serviceTimer_ >= 0) ::close(serviceTimer_);
}

void ReactorTransport::registerPoller(Polling::Epoll& poller) {
    Pistache::Tcp::Transport::registerPoller(poller);
    poller_ = &poller;
    sweepTimer_ = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    serviceTimer_ = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (sweepTimer_ < 0 || serviceTimer_ < 0) throw std::runtime_error("timerfd_create failed");
    const itimerspec every{timespecOf(kSweepInterval), timespecOf(kSweepInterval)};
    ::timerfd_settime(sweepTimer_, 0, &every, nullptr);
    poller.addFd(sweepTimer_, interest(true, false), ownTag(sweepTimer_));
    poller.addFd(serviceTimer_, interest(true, false), ownTag(serviceTimer_));
    if (serviceFactory_) service_ = serviceFactory_(*this);
}

void ReactorTransport::onReady(const Pistache::Aio::FdSet& fds) {
    if (service_) service_->enterRound();
    std::vector<Polling::Event> pistacheEvents;
    bool own = false;
    for (const auto& entry : fds) {
        const std::uint64_t tag = entry.getTag().value();
        if ((tag & kOwnTag) == 0) continue;
        own = true;
        onOwnEvent(static_cast<int>(tag & ~kOwnTag), entry);
    }
    if (own) {
        // Pistache's transport throws on a writable fd it does not know: pass it only its own.
        for (const auto& entry : fds) {
            if ((entry.getTag().value() & kOwnTag) != 0) continue;
            Polling::Event event(entry.getTag());
            if (entry.isReadable()) event.flags.setFlag(Polling::NotifyOn::Read);
            if (entry.isWritable()) event.flags.setFlag(Polling::NotifyOn::Write);
            if (entry.isHangup()) event.flags.setFlag(Polling::NotifyOn::Hangup);
            pistacheEvents.push_back(event);
        }
        if (!pistacheEvents.empty()) {
            Pistache::Tcp::Transport::onReady(Pistache::Aio::FdSet(std::move(pistacheEvents)));
        }
    } else {
        Pistache::Tcp::Transport::onReady(fds);
    }
    if (service_) {
        service_->flush();
        service_->leaveRound();
    }
}

void ReactorTransport::onOwnEvent(int fd, const Pistache::Aio::FdSet::Entry& entry) {
    if (fd == sweepTimer_) {
        drain(sweepTimer_);
        return sweepPeers();
    }
    if (fd == serviceTimer_) {
        drain(serviceTimer_);
        if (service_) service_->onTimer();
        return;
    }
    // An error or hang-up is read as input: reading is how libpq learns the connection ended.
    if (service_) {
        service_->onSocket(fd, entry.isReadable() || entry.isHangup(), entry.isWritable());
    }
}

std::shared_ptr<Pistache::Aio::Handler> ReactorTransport::clone() const {
    auto handler = std::static_pointer_cast<HttpHandler>(handler_->clone());
    return std::make_shared<ReactorTransport>(handler, timeouts_, serviceFactory_);
}

bool ReactorTransport::serves(const std::shared_ptr<Pistache::Tcp::Peer>& peer) const {
    const auto found = peers.find(peer->fd());
    return found != peers.end() && found->second == peer;
}

void ReactorTransport::watch(int fd, bool readable, bool writable) {
    const auto flags = interest(readable, writable);
    const bool known = watched_.count(fd) != 0;
    watched_[fd] = true;
    try {
        if (known) return poller_->rearmFd(fd, flags, ownTag(fd));
    } catch (const std::exception&) {
        // Closed and reopened under the same number since: register it afresh.
    }
    try {
        poller_->addFd(fd, flags, ownTag(fd));
    } catch (const std::exception&) {
        // The socket is gone already; the connection finds out and its deadline ends it.
    }
}

void ReactorTransport::unwatch(int fd, bool open) {
    if (watched_.erase(fd) == 0 || !open) return;
    try {
        poller_->removeFd(fd);
    } catch (const std::exception&) {
        // Already closed (EBADF) or gone from the epoll with its last descriptor (ENOENT).
    }
}

void ReactorTransport::wakeAt(Clock::time_point when) {
    const auto wait =
        std::max(when - Clock::now(), Clock::duration(std::chrono::microseconds(100)));
    const itimerspec once{{0, 0}, timespecOf(wait)};
    ::timerfd_settime(serviceTimer_, 0, &once, nullptr);
}

void ReactorTransport::sweepPeers() {
    handler_->releaseRetired();
    std::vector<std::shared_ptr<Pistache::Tcp::Peer>> expired;
    for (const auto& [fd, peer] : peers) {
        if (!handler_->answering(peer) && timedOut(peer)) expired.push_back(peer);
    }
    for (const auto& peer : expired) {
        if (peer->isIdle()) {
            removePeer(peer);
            continue;
        }
        static const std::string kTimedOut =
            responseText(Pistache::Http::Version::Http11, protocolErrorResponse(408), true);
        sendOnPeer(peer, kTimedOut, [this, peer](bool) {
            if (serves(peer)) removePeer(peer);
        });
    }
}

// Pistache's rule: an idle connection against the keep-alive timeout; one in its request line
// or headers against the header timeout, in its body against the body timeout.
bool ReactorTransport::timedOut(const std::shared_ptr<Pistache::Tcp::Peer>& peer) const {
    const auto parser = Pistache::Http::Handler::getParser(peer);
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - parser->time());
    if (peer->isIdle()) return elapsed > timeouts_.keepAlive;
    const auto step = parser->step()->id();
    if (step == Pistache::Http::Private::RequestLineStep::Id ||
        step == Pistache::Http::Private::HeadersStep::Id) {
        return elapsed > timeouts_.header || elapsed > timeouts_.body;
    }
    if (step == Pistache::Http::Private::BodyStep::Id) return elapsed > timeouts_.body;
    return false;
}

}  // namespace users::http
