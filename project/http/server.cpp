#include "project/http/server.hpp"

#include <spdlog/spdlog.h>

#include "project/http/listening_socket.hpp"

namespace users::http {

Server::Server(const std::string& host, std::uint16_t port, unsigned threads,
               std::chrono::milliseconds shutdownTimeout, std::shared_ptr<HttpHandler> handler)
    : endpoint_(Pistache::Address(host, Pistache::Port(port))), shutdownTimeout_(shutdownTimeout) {
    const auto flags = Pistache::Flags<Pistache::Tcp::Options>(Pistache::Tcp::Options::ReuseAddr);
    auto options = Pistache::Http::Endpoint::options()
                       .threads(static_cast<int>(threads))
                       .flags(flags)
                       // The framer enforces the limit; Pistache's parser only re-reads
                       // canonical bytes, which may be slightly longer than those sent.
                       .maxRequestSize(2 * ServerLimits::kMaxRequestBytes)
                       .headerTimeout(ServerLimits::kHeaderTimeout)
                       .bodyTimeout(ServerLimits::kBodyTimeout)
                       .keepaliveTimeout(ServerLimits::kKeepAliveTimeout);
    endpoint_.init(options);
    // Pistache 0.0.5's init drops Options::backlog (upstream issue #1194), so set the listener's
    // parameters again; the transport factory that init installed is left in place.
    endpoint_.initArgs(threads, flags, "", ServerLimits::kListenBacklog);
    handler_ = std::move(handler);
    endpoint_.setHandler(handler_);
}

Server::~Server() { stop(); }

void Server::start() {
    endpoint_.serveThreaded();
    running_ = true;
    // Read once: after stop() closes the listener, Pistache's getPort() has no socket to ask.
    port_ = static_cast<std::uint16_t>(endpoint_.getPort());
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
    endpoint_.shutdown();
}

}  // namespace users::http
