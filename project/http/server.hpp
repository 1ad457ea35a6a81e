#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <pistache/endpoint.h>

#include "project/http/handler.hpp"

namespace users::http {

// Limits chosen against Pistache 0.0.5's defaults (4 KiB requests, 60 s header timeout,
// listen backlog 128).
struct ServerLimits {
    // A burst of connects beyond the backlog gets its SYNs dropped and waits 1 s for a retransmit;
    // the kernel still caps this at net.core.somaxconn (4096 by default).
    static constexpr int kListenBacklog = 4096;
    static constexpr std::size_t kMaxRequestBytes = std::size_t{64} * 1024;
    static constexpr std::chrono::seconds kHeaderTimeout{5};
    static constexpr std::chrono::seconds kBodyTimeout{10};
    static constexpr std::chrono::seconds kKeepAliveTimeout{30};
    // How long a stop waits for requests already running (SIGTERM must exit within 1 s).
    static constexpr std::chrono::milliseconds kDrainTimeout{600};
};

// The Pistache endpoint serving the HTTP handler on background threads.
class Server {
public:
    Server(const std::string& host, std::uint16_t port, unsigned threads,
           std::shared_ptr<HttpHandler> handler);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    void start();
    std::uint16_t port() const;
    // Stops accepting, lets the worker threads finish what they hold, joins them.
    void stop();

private:
    Pistache::Http::Endpoint endpoint_;
    std::shared_ptr<HttpHandler> handler_;
    bool running_ = false;
};

}  // namespace users::http
