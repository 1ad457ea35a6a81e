#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <unordered_map>

#include <pistache/transport.h>

#include "project/event_loop.hpp"
#include "project/http/handler.hpp"

namespace users::http {

// One reactor thread's transport: Pistache's peers, plus the sockets and the timer of a
// per-thread service (the database engine), all in that thread's own epoll, so that a database
// answer is written by the thread that owns the connection. Re-creates what Pistache's private
// HTTP transport does: the header, body and keep-alive sweeps, which leave alone a peer whose
// answer is being produced.
class ReactorTransport : public Pistache::Tcp::Transport, public EventLoop {
public:
    using ServiceFactory = std::function<std::unique_ptr<EventLoopClient>(EventLoop&)>;
    struct Timeouts {
        std::chrono::milliseconds header;
        std::chrono::milliseconds body;
        std::chrono::milliseconds keepAlive;
    };

    ReactorTransport(std::shared_ptr<HttpHandler> handler, Timeouts timeouts,
                     ServiceFactory serviceFactory);
    ~ReactorTransport() override;

    void registerPoller(Pistache::Polling::Epoll& poller) override;
    void onReady(const Pistache::Aio::FdSet& fds) override;
    std::shared_ptr<Pistache::Aio::Handler> clone() const override;

    // Whether `peer` is still this transport's connection (its fd may have been reused).
    bool serves(const std::shared_ptr<Pistache::Tcp::Peer>& peer) const;

    void watch(int fd, bool readable, bool writable) override;
    void unwatch(int fd, bool open) override;
    void wakeAt(Clock::time_point when) override;

private:
    void onOwnEvent(int fd, const Pistache::Aio::FdSet::Entry& entry);
    void sweepPeers();
    bool timedOut(const std::shared_ptr<Pistache::Tcp::Peer>& peer) const;

    std::shared_ptr<HttpHandler> handler_;
    Timeouts timeouts_;
    ServiceFactory serviceFactory_;
    Pistache::Polling::Epoll* poller_ = nullptr;
    int sweepTimer_ = -1;
    int serviceTimer_ = -1;
    std::unique_ptr<EventLoopClient> service_;
    std::unordered_map<int, bool> watched_;  // fds of the service registered in the epoll
};

}  // namespace users::http
