#include "project/http/handler.hpp"

#include <algorithm>
#include <thread>

#include <pistache/peer.h>
#include <spdlog/spdlog.h>

#include "project/http/error_response.hpp"
#include "project/http/limits.hpp"
#include "project/http/peer_send.hpp"
#include "project/http/reactor_transport.hpp"
#include "project/http/request_id.hpp"
#include "project/http/streamed_response.hpp"
#include "project/http/writer.hpp"

namespace users::http {

using Pistache::Http::Method;
using Pistache::Tcp::Peer;
namespace Header = Pistache::Http::Header;

struct HttpHandler::Connection {
    RequestFramer framer{ServerLimits::kMaxRequestBytes};
    bool closing = false;  // an answer said "close": further input is discarded unread
    bool started = false;  // a request has begun to arrive
    bool continued = false;
    bool answering = false;  // the current request's answer is not written yet
    bool reading = false;  // readRequests is on the stack: an answer written at once returns to it
};

// What the answer to one request needs once the Pistache request is gone.
struct HttpHandler::Exchange {
    std::weak_ptr<Peer> peer;
    Pistache::Http::Method method;
    Pistache::Http::Version version;
    std::string resource;
    std::string requestId;
    bool close;
    std::chrono::steady_clock::time_point started;
};

namespace {

// Short enough for std::string's inline buffer: Pistache looks data up by a string's copy.
constexpr const char* kConnectionKey = "users.conn";

bool keepAlive(const Pistache::Http::Request& request) {
    if (auto connection = request.headers().tryGet<Header::Connection>()) {
        return connection->control() != Pistache::Http::ConnectionControl::Close;
    }
    return request.version() == Pistache::Http::Version::Http11;
}

// Pistache 0.0.5's parser cannot be made strict and drops pipelined requests, so it only reads
// again a request the framer accepted, from canonical bytes with the decoded body's length.
std::string canonicalText(const RequestFramer::Request& request) {
    std::string text;
    text.append(request.method).append(" ").append(request.target).append(" ");
    text.append(request.version).append("\r\n");
    for (const auto& [name, value] : request.fields) {
        text.append(name).append(": ").append(value).append("\r\n");
    }
    if (!request.body.empty()) {
        text.append("Content-Length: ").append(std::to_string(request.body.size())).append("\r\n");
    }
    return text.append("\r\n").append(request.body);
}

}  // namespace

HttpHandler::HttpHandler(Dispatcher dispatcher, AccessLog accessLog,
                         std::shared_ptr<RequestMetrics> metrics)
    : dispatcher_(std::move(dispatcher)),
      accessLog_(std::move(accessLog)),
      metrics_(std::move(metrics)) {}

HttpHandler::Connection& HttpHandler::connectionOf(const std::shared_ptr<Peer>& peer) const {
    if (auto data = peer->tryGetData(kConnectionKey)) {
        return *std::static_pointer_cast<Connection>(data);
    }
    auto connection = std::make_shared<Connection>();
    peer->putData(kConnectionKey, connection);
    return *connection;
}

void HttpHandler::onInput(const char* buffer, size_t length, const std::shared_ptr<Peer>& peer) {
    Connection& connection = connectionOf(peer);
    if (connection.closing) return;
    connection.framer.append({buffer, length});
    if (!connection.answering) readRequests(connection, peer);
}

void HttpHandler::onDisconnection(const std::shared_ptr<Peer>& peer) {
    markPeerClosed(peer);
    // The transport's own reference is the only one a peer normally has by now.
    if (peer.use_count() > 1) retiring_.push_back(peer);
}

void HttpHandler::releaseRetired() {
    retired_.clear();
    retired_.swap(retiring_);
}

bool HttpHandler::answering(const std::shared_ptr<Peer>& peer) const {
    auto data = peer->tryGetData(kConnectionKey);
    return data && std::static_pointer_cast<Connection>(data)->answering;
}

void HttpHandler::readRequests(Connection& connection, const std::shared_ptr<Peer>& peer) {
    if (connection.reading) return;
    connection.reading = true;
    readFramed(connection, peer);
    connection.reading = false;
}

void HttpHandler::readFramed(Connection& connection, const std::shared_ptr<Peer>& peer) {
    while (!connection.closing && !connection.answering) {
        switch (connection.framer.next()) {
            case RequestFramer::State::NeedMore:
                awaitRest(connection, peer);
                return;
            case RequestFramer::State::Rejected:
                reject(connection, connection.framer.rejection(), peer);
                return;
            case RequestFramer::State::Ready:
                connection.started = connection.continued = false;
                serve(connection.framer.take(), peer);
                break;
        }
    }
}

void HttpHandler::awaitRest(Connection& connection, const std::shared_ptr<Peer>& peer) {
    if (connection.framer.inRequest() && !connection.started) {
        // Pistache 0.0.5's timeout sweep reads its own parser's clock and the peer's idle flag:
        // restart them, so that the header timeout counts from the request's first byte.
        connection.started = true;
        getParser(peer)->reset();
        peer->setIdle(false);
    }
    if (connection.framer.awaitsContinue() && !connection.continued) {
        connection.continued = true;
        static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        sendOnPeer(peer, kContinue, nullptr);
    }
}

void HttpHandler::serve(const RequestFramer::Request& framed, const std::shared_ptr<Peer>& peer) {
    auto parser = getParser(peer);
    parser->reset();
    const std::string text = canonicalText(framed);
    try {
        if (!parser->feed(text.data(), text.size()) ||
            parser->parse() != Pistache::Http::Private::State::Done) {
            throw std::invalid_argument("incomplete after framing");
        }
    } catch (const std::exception& error) {
        // Pistache refuses what it cannot represent, such as a method it does not know.
        parser->reset();
        reject(connectionOf(peer), {400, std::string("Pistache's parser: ") + error.what()}, peer);
        return;
    }
    parser->request.copyAddress(peer->address());
    peer->setIdle(false);
    handle(parser->request, peer);
    parser->reset();
}

void HttpHandler::reject(Connection& connection, const RequestFramer::Rejection& rejection,
                         const std::shared_ptr<Peer>& peer) {
    const auto started = std::chrono::steady_clock::now();
    connection.closing = true;
    spdlog::warn("refused a request's framing: {}", rejection.rule);
    Response response = protocolErrorResponse(rejection.status);
    const std::string requestId = newRequestId();
    response.headers.emplace_back("X-Request-ID", requestId);
    ++*unanswered_;
    writeResponse(peer, Pistache::Http::Version::Http11, response, false, true,
                  [unanswered = unanswered_] { --*unanswered; });
    const auto elapsed = std::chrono::steady_clock::now() - started;
    if (metrics_) metrics_->observeUnframed(response.status, elapsed);
    accessLog_.write({"-", "-", "-", response.status, elapsed, response.body.size(), requestId});
}

void HttpHandler::onRequest(const Pistache::Http::Request& request,
                            Pistache::Http::ResponseWriter writer) {
    handle(request, writer.peer());
}

void HttpHandler::handle(const Pistache::Http::Request& request,
                         const std::shared_ptr<Peer>& peer) {
    ++*unanswered_;
    ++*producing_;
    Exchange exchange{peer,
                      request.method(),
                      request.version(),
                      request.resource(),
                      requestIdOf(request),
                      !keepAlive(request),
                      std::chrono::steady_clock::now()};
    connectionOf(peer).answering = true;
    dispatcher_.dispatch(request, exchange.requestId)
        .settle(
            [this, exchange](Dispatcher::Outcome outcome) { answer(exchange, std::move(outcome)); },
            [this, exchange](const std::exception_ptr&) {
                answer(exchange, {internalErrorResponse(), nullptr});
            });
}

void HttpHandler::answer(const Exchange& exchange, Dispatcher::Outcome outcome) {
    Response& response = outcome.response;
    response.headers.emplace_back("X-Request-ID", exchange.requestId);
    const bool close = exchange.close || *draining_;
    const bool headerOnly = exchange.method == Method::Head || response.status == 204;
    auto peer = exchange.peer.lock();
    if (!stillConnected(peer)) {
        --*unanswered_;
        return record(exchange, outcome.route, response.status, 0);
    }
    Connection& connection = connectionOf(peer);
    if (close) connection.closing = true;
    if (response.nextPiece) return stream(exchange, std::move(outcome), headerOnly, close, peer);
    connection.answering = false;
    writeResponse(peer, exchange.version, response, headerOnly, close,
                  [unanswered = unanswered_] { --*unanswered; });
    readRequests(connection, peer);
    record(exchange, outcome.route, response.status, headerOnly ? 0 : response.body.size());
}

// The connection stays "answering" until the last piece is written: pipelined requests wait,
// the timeout sweeps spare it, and a drain waits for it.
void HttpHandler::stream(const Exchange& exchange, Dispatcher::Outcome outcome, bool headerOnly,
                         bool close, const std::shared_ptr<Peer>& peer) {
    const Route* route = outcome.route;
    const int status = outcome.response.status;
    std::weak_ptr<Peer> weakPeer = peer;
    writeStreamed(peer, exchange.version, std::move(outcome.response), headerOnly, close,
                  [this, exchange, route, status, weakPeer](std::size_t bytes, bool complete) {
                      --*unanswered_;
                      if (!complete) spdlog::warn("a streamed answer ended early");
                      record(exchange, route, status, bytes);
                      auto peer = weakPeer.lock();
                      if (!complete || !stillConnected(peer)) return;
                      Connection& connection = connectionOf(peer);
                      connection.answering = false;
                      readRequests(connection, peer);
                  });
}

// A client gone while its answer was produced may have left its fd to a newer connection.
bool HttpHandler::stillConnected(const std::shared_ptr<Peer>& peer) {
    const auto* owner = dynamic_cast<const ReactorTransport*>(transport());
    return peer && (owner == nullptr || owner->serves(peer));
}

void HttpHandler::record(const Exchange& exchange, const Route* route, int status,
                         std::size_t bytes) {
    --*producing_;
    const auto elapsed = std::chrono::steady_clock::now() - exchange.started;
    if (metrics_) metrics_->observe(route, exchange.method, status, elapsed);
    accessLog_.write({Pistache::Http::methodString(exchange.method), exchange.resource,
                      route != nullptr ? route->path : "-", status, elapsed, bytes,
                      exchange.requestId});
}

bool HttpHandler::waitUntilAnswered(std::chrono::milliseconds limit) const {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + limit;
    const auto waitFor = [](const std::atomic<int>& count, Clock::time_point until) {
        while (count > 0) {
            if (Clock::now() >= until) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        return true;
    };
    if (!waitFor(*producing_, deadline)) return false;
    // Then the writes: Pistache 0.0.5 settles almost every write's promise within
    // milliseconds, but not all (seen after pipelined requests), so bound the flush.
    return waitFor(*unanswered_, std::min(deadline, Clock::now() + kFlushGrace));
}

}  // namespace users::http
