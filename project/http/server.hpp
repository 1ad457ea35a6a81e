#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <pistache/endpoint.h>

#include "project/http/handler.hpp"
#include "project/http/limits.hpp"

namespace users::http {

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
