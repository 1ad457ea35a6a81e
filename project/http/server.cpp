#include "project/http/server.hpp"

#include <spdlog/spdlog.h>

#include "project/http/listening_socket.hpp"

namespace users::http {

Server::Server(const std::string& host, std::uint16_t port, unsigned threads,
               std::chrono::milliseconds shutdownTimeout, std::shared_ptr<HttpHandler> handler,
               ReactorTransport::ServiceFactory serviceFactory)
    : listener_(Pistache::Address(host, Pistache::Port(port))),
      handler_(std::move(handler)),
      shutdownTimeout_(shutdownTimeout) {
    listener_.init(threads,
                   Pistache::Flags<Pistache::Tcp::Options>(Pistache::Tcp::Options::ReuseAddr), "",
                   ServerLimits::kListenBacklog);
    // The framer enforces the limit; Pistache's parser only re-reads canonical bytes, which may
    // be slightly longer than those sent.
    handler_->setMaxRequestSize(2 * ServerLimits::kMaxRequestBytes);
    const ReactorTransport::Timeouts timeouts{
        ServerLimits::kHeaderTimeout, ServerLimits::kBodyTimeout, ServerLimits::kKeepAliveTimeout};
    listener_.setTransportFactory(
        [handler = handler_, timeouts, factory = std::move(serviceFactory)] {
            return std::make_shared<ReactorTransport>(handler, timeouts, factory);
        });
    listener_.setHandler(handler_);
}

Server::~Server() { stop(); }

void Server::start() {
    listener_.bind();
    listener_.runThreaded();
    running_ = true;
    // Read once: after stop() closes the listener, Pistache's getPort() has no socket to ask.
    port_ = static_cast<std::uint16_t>(listener_.getPort());
    listeningFd_ = findListeningSocket(port_);
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
    if (!handler_->waitUntilAnswered(shutdownTimeout_)) {
        spdlog::warn(
            "shutdown timeout ({} ms) or write grace reached with {} answers not confirmed "
            "written: dropping them",
            shutdownTimeout_.count(), handler_->unanswered());
    }
    listener_.shutdown();
}

}  // namespace users::http
