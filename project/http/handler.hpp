#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <pistache/http.h>

#include "project/http/access_log.hpp"
#include "project/http/dispatch.hpp"
#include "project/http/framing.hpp"
#include "project/http/request_metrics.hpp"

namespace users::http {

// Pistache's per-connection entry point: frames requests strictly (framing.hpp) before any byte
// reaches a handler, hands each to dispatch, writes the answer when it is ready (at once, or
// when the database answers) and records it (metrics, access log, the count of answers not yet
// written). A connection's requests are answered one at a time, in order: pipelined ones wait
// in the framer.
class HttpHandler : public Pistache::Http::Handler {
public:
    HTTP_PROTOTYPE(HttpHandler)

    // `metrics` may be null (METRICS_ENABLED=false).
    HttpHandler(Dispatcher dispatcher, AccessLog accessLog,
                std::shared_ptr<RequestMetrics> metrics);

    void onInput(const char* buffer, size_t length,
                 const std::shared_ptr<Pistache::Tcp::Peer>& peer) override;
    void onRequest(const Pistache::Http::Request& request,
                   Pistache::Http::ResponseWriter writer) override;
    // Pistache's listener thread may still hold a reference to a peer that has already closed
    // (it lets go only after handing the peer over), and would then destroy the peer, and what
    // this handler keeps in it, on that thread, out of the sanitizer's sight. A closed peer
    // someone else still holds is held by the reactor until its next timeout sweep but one
    // (0.5-1 s), so it always ends here; marked closed, so that nothing is sent on its
    // descriptor number meanwhile.
    void onDisconnection(const std::shared_ptr<Pistache::Tcp::Peer>& peer) override;
    void releaseRetired();

    // Waits (at most `limit`) until no request is being produced, then (at most kFlushGrace
    // more) until every answer handed to Pistache has been written: its shutdown drops queued
    // writes, so a request still running at SIGTERM would get nothing. False when a limit was
    // reached first.
    bool waitUntilAnswered(std::chrono::milliseconds limit) const;
    static constexpr std::chrono::milliseconds kFlushGrace{500};
    int unanswered() const { return *unanswered_; }
    // From now on every answer says "Connection: close": keep-alive clients move on to another
    // instance while this one finishes.
    void startDraining() { *draining_ = true; }
    // Whether an answer is being produced for this connection (the timeout sweeps spare it).
    bool answering(const std::shared_ptr<Pistache::Tcp::Peer>& peer) const;

private:
    struct Connection;
    Connection& connectionOf(const std::shared_ptr<Pistache::Tcp::Peer>& peer) const;
    void readRequests(Connection& connection, const std::shared_ptr<Pistache::Tcp::Peer>& peer);
    void readFramed(Connection& connection, const std::shared_ptr<Pistache::Tcp::Peer>& peer);
    void awaitRest(Connection& connection, const std::shared_ptr<Pistache::Tcp::Peer>& peer);
    void serve(const RequestFramer::Request& framed,
               const std::shared_ptr<Pistache::Tcp::Peer>& peer);
    // A request Pistache's parser read again: dispatched, its answer written when it is ready.
    void handle(const Pistache::Http::Request& request,
                const std::shared_ptr<Pistache::Tcp::Peer>& peer);
    struct Exchange;
    void answer(const Exchange& exchange, Dispatcher::Outcome outcome);
    void stream(const Exchange& exchange, Dispatcher::Outcome outcome, bool headerOnly, bool close,
                const std::shared_ptr<Pistache::Tcp::Peer>& peer);
    bool stillConnected(const std::shared_ptr<Pistache::Tcp::Peer>& peer);
    // The request's end: metrics, the access log line and the count of answers in production.
    void record(const Exchange& exchange, const Route* route, int status, std::size_t bytes);
    void reject(Connection& connection, const RequestFramer::Rejection& rejection,
                const std::shared_ptr<Pistache::Tcp::Peer>& peer);

    Dispatcher dispatcher_;
    AccessLog accessLog_;
    std::shared_ptr<RequestMetrics> metrics_;
    // Shared by the clones Pistache makes for its worker threads.
    std::shared_ptr<std::atomic<int>> unanswered_ = std::make_shared<std::atomic<int>>(0);
    std::shared_ptr<std::atomic<int>> producing_ = std::make_shared<std::atomic<int>>(0);
    std::shared_ptr<std::atomic<bool>> draining_ = std::make_shared<std::atomic<bool>>(false);
    // Per clone, so per reactor thread: the peers closed since the last sweep, and before it.
    std::vector<std::shared_ptr<Pistache::Tcp::Peer>> retiring_;
    std::vector<std::shared_ptr<Pistache::Tcp::Peer>> retired_;
};

}  // namespace users::http
