#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <pistache/listener.h>

#include "project/http/handler.hpp"
#include "project/http/limits.hpp"
#include "project/http/reactor_transport.hpp"

namespace users::http {

// Pistache's listener serving the HTTP handler on background reactor threads, each with its
// own transport and per-thread service (the database engine) made by `serviceFactory`.
class Server {
public:
    struct Timeouts {
        std::chrono::milliseconds shutdown;  // how long stop() lets answers being produced take
        std::chrono::milliseconds write;     // how long sent bytes may stay unread
    };
    Server(const std::string& host, std::uint16_t port, unsigned threads, Timeouts timeouts,
           std::shared_ptr<HttpHandler> handler,
           ReactorTransport::ServiceFactory serviceFactory = {});
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    void start();
    std::uint16_t port() const;
    // Stops accepting (new connects are refused), lets the answers already being produced
    // finish for up to the shutdown timeout while open connections are still served, then
    // stops the worker threads. Returns at once when nothing is in flight.
    void stop();

private:
    Pistache::Tcp::Listener listener_;
    std::shared_ptr<HttpHandler> handler_;
    Timeouts timeouts_;
    std::uint16_t port_ = 0;
    int listeningFd_ = -1;
    bool running_ = false;
};

}  // namespace users::http
