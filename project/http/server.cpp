#include "project/http/server.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <spdlog/spdlog.h>

#include "project/http/listening_socket.hpp"

namespace users::http {

Server::Server(const std::string& host, std::uint16_t port, unsigned threads, Timeouts timeouts,
               std::shared_ptr<HttpHandler> handler,
               ReactorTransport::ServiceFactory serviceFactory)
    : listener_(Pistache::Address(host, Pistache::Port(port))),
      handler_(std::move(handler)),
      timeouts_(timeouts) {
    listener_.init(threads,
                   Pistache::Flags<Pistache::Tcp::Options>(Pistache::Tcp::Options::ReuseAddr), "",
                   ServerLimits::kListenBacklog);
    // The framer enforces the limit; Pistache's parser only re-reads canonical bytes, which may
    // be slightly longer than those sent.
    handler_->setMaxRequestSize(2 * ServerLimits::kMaxRequestBytes);
    const ReactorTransport::Timeouts readTimeouts{
        ServerLimits::kHeaderTimeout, ServerLimits::kBodyTimeout, ServerLimits::kKeepAliveTimeout};
    listener_.setTransportFactory(
        [handler = handler_, readTimeouts, factory = std::move(serviceFactory)] {
            return std::make_shared<ReactorTransport>(handler, readTimeouts, factory);
        });
    listener_.setHandler(handler_);
}

Server::~Server() { stop(); }

void Server::start() {
    listener_.bind();
    // Read once: after stop() closes the listener, Pistache's getPort() has no socket to ask.
    port_ = static_cast<std::uint16_t>(listener_.getPort());
    listeningFd_ = findListeningSocket(port_);
    // Pistache has no write timeout: a client that stops reading would hold its connection and
    // the answer queued for it for ever. The kernel drops a connection whose sent bytes stay
    // unacknowledged, or whose peer's window stays shut, this long; accepted sockets inherit
    // the option from the listening one, set before the first accept.
    const auto writeMs = static_cast<unsigned>(timeouts_.write.count());
    if (listeningFd_ < 0 ||
        ::setsockopt(listeningFd_, IPPROTO_TCP, TCP_USER_TIMEOUT, &writeMs, sizeof writeMs) != 0) {
        spdlog::warn(
            "could not set the write timeout: a client that stops reading keeps its "
            "connection");
    }
    listener_.runThreaded();
    running_ = true;
}

std::uint16_t Server::port() const { return port_; }

void Server::stop() {
    if (!running_) return;
    running_ = false;
    if (listeningFd_ < 0 || !stopListening(listeningFd_)) {
        spdlog::warn(
            "could not close the listening socket first; connects are accepted while "
            "answers are finished");
    }
    handler_->startDraining();
    if (!handler_->waitUntilAnswered(timeouts_.shutdown)) {
        spdlog::warn(
            "shutdown timeout ({} ms) or write grace reached with {} answers not confirmed "
            "written: dropping them",
            timeouts_.shutdown.count(), handler_->unanswered());
    }
    listener_.shutdown();
}

}  // namespace users::http
