#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include <pistache/http.h>

#include "project/http/access_log.hpp"
#include "project/http/cors.hpp"
#include "project/http/router.hpp"
#include "project/http/request_metrics.hpp"

namespace users::http {

// Pistache's per-connection entry point. Takes over input framing from Http::Handler so that
// no Pistache text error (413, 500 with exception text) reaches a client, and fixes keep-alive:
// 0.0.5 labels HTTP/1.1 responses "Connection: Close" yet never closes anything. Also the one
// place for HEAD (a GET without its body), OPTIONS (204 with Allow) and CORS.
class HttpHandler : public Pistache::Http::Handler {
public:
    HTTP_PROTOTYPE(HttpHandler)

    // `metrics` may be null (METRICS_ENABLED=false).
    HttpHandler(std::shared_ptr<const Router> router, Cors cors, AccessLog accessLog,
                std::shared_ptr<RequestMetrics> metrics);

    void onInput(const char* buffer, size_t length,
                 const std::shared_ptr<Pistache::Tcp::Peer>& peer) override;
    void onRequest(const Pistache::Http::Request& request,
                   Pistache::Http::ResponseWriter writer) override;

    // Waits (at most `limit`) until every answer handed to Pistache has been written: its
    // shutdown drops queued writes, so a request still running at SIGTERM would get nothing.
    void waitUntilAnswered(std::chrono::milliseconds limit) const;

private:
    struct Outcome {
        Response response;
        const Route* route = nullptr;  // null: no route matched
    };
    Outcome dispatch(const Pistache::Http::Request& request, const std::string& requestId) const;
    void reject(int status, const std::shared_ptr<Pistache::Tcp::Peer>& peer);

    std::shared_ptr<const Router> router_;
    Cors cors_;
    AccessLog accessLog_;
    std::shared_ptr<RequestMetrics> metrics_;
    // Shared by the clones Pistache makes for its worker threads.
    std::shared_ptr<std::atomic<int>> unanswered_ = std::make_shared<std::atomic<int>>(0);
};

}  // namespace users::http
