#include "project/http/handler.hpp"

#include <sys/socket.h>

#include <chrono>
#include <cstring>
#include <functional>
#include <thread>

#include <pistache/peer.h>
#include <spdlog/spdlog.h>

#include "project/http/error_response.hpp"
#include "project/http/bodyless_response.hpp"
#include "project/http/query_params.hpp"
#include "project/http/request_id.hpp"
#include "project/errors.hpp"

namespace users::http {
namespace {

using Pistache::Http::ConnectionControl;
using Pistache::Http::Method;
using Pistache::Tcp::Peer;
namespace Header = Pistache::Http::Header;

// Marks a connection whose answer said "close": further input is discarded unparsed.
constexpr const char* kClosingKey = "users.closing";

// Pistache 0.0.5 writes only typed headers (addRaw ones are dropped): one type for any name.
class NamedHeader : public Header::Header {
public:
    NamedHeader(std::string name, std::string value)
        : name_(std::move(name)), value_(std::move(value)) {}
    const char* name() const override { return name_.c_str(); }
    void write(std::ostream& stream) const override { stream << value_; }
    uint64_t hash() const override { return Pistache::Http::Header::detail::hash(name_.c_str()); }

private:
    std::string name_;
    std::string value_;
};

bool stillOnRequestLine(Pistache::Http::RequestParser& parser) {
    return parser.step()->id() == Pistache::Http::Private::RequestLineStep::Id;
}

bool keepAlive(const Pistache::Http::Request& request) {
    if (auto connection = request.headers().tryGet<Header::Connection>()) {
        return connection->control() != ConnectionControl::Close;
    }
    return request.version() == Pistache::Http::Version::Http11;
}

// Runs `done` once the answer is written (or failed); half-closes first when asked to: the
// client reads the answer, then sees end of stream. Pistache drops the peer when the client
// closes its side or the keep-alive timer fires.
void afterSending(Pistache::Async::Promise<ssize_t>& sent, const std::shared_ptr<Peer>& closing,
                  std::function<void()> done) {
    if (closing) closing->putData(kClosingKey, std::make_shared<bool>(true));
    std::weak_ptr<Peer> weak = closing;
    auto finish = [weak, done = std::move(done)] {
        if (auto alive = weak.lock()) ::shutdown(alive->fd(), SHUT_WR);
        done();
    };
    sent.then([finish](ssize_t) { finish(); }, [finish](const std::exception_ptr&) { finish(); });
}

std::string rawHeader(const Pistache::Http::Request& request, const std::string& name) {
    const auto header = request.headers().tryGetRaw(name);
    return header ? header->value() : "";
}

// OPTIONS on a known path; a CORS preflight also learns what it may send.
Response optionsResponse(const Pistache::Http::Request& request,
                         const std::vector<std::string>& allowed, const Cors& cors) {
    Response response{204, "", {{"Allow", joinList(allowed)}}, ""};
    if (!rawHeader(request, "Access-Control-Request-Method").empty()) {
        cors.preflight(rawHeader(request, "Origin"),
                       rawHeader(request, "Access-Control-Request-Headers"), allowed, response);
    }
    return response;
}

Pistache::Async::Promise<ssize_t> send(Pistache::Http::ResponseWriter& writer,
                                       const Response& response, bool close) {
    if (!response.contentType.empty()) {
        writer.headers().add(std::make_shared<NamedHeader>("Content-Type", response.contentType));
    }
    for (const auto& [name, value] : response.headers) {
        writer.headers().add(std::make_shared<NamedHeader>(name, value));
    }
    if (close) writer.headers().add<Header::Connection>(ConnectionControl::Close);
    return writer.send(static_cast<Pistache::Http::Code>(response.status), response.body);
}

// What ResponseWriter::send does before writing, less the body and its length.
Pistache::Async::Promise<ssize_t> sendRaw(Pistache::Http::ResponseWriter& writer,
                                          const std::string& text) {
    auto peer = writer.peer();
    peer->setIdle(true);
    return peer->send(Pistache::RawBuffer(text, text.size()));
}

}  // namespace

HttpHandler::HttpHandler(std::shared_ptr<const Router> router, Cors cors, AccessLog accessLog,
                         std::shared_ptr<RequestMetrics> metrics)
    : router_(std::move(router)),
      cors_(std::move(cors)),
      accessLog_(std::move(accessLog)),
      metrics_(std::move(metrics)) {}

void HttpHandler::onInput(const char* buffer, size_t length, const std::shared_ptr<Peer>& peer) {
    if (peer->tryGetData(kClosingKey)) return;
    auto parser = getParser(peer);
    try {
        if (!parser->feed(buffer, length)) {
            parser->reset();
            reject(413, peer);
            return;
        }
        if (parser->parse() != Pistache::Http::Private::State::Done) {
            // A line ended yet no request line was parsed: Pistache would wait for the header
            // timeout, then answer a bare 408.
            if (stillOnRequestLine(*parser) && std::memchr(buffer, '\n', length) != nullptr) {
                throw std::invalid_argument("malformed request line");
            }
            return;
        }
        parser->request.copyAddress(peer->address());
        peer->setIdle(false);
        onRequest(parser->request, Pistache::Http::ResponseWriter(parser->request.version(),
                                                                  transport(), this, peer));
        parser->reset();
    } catch (const std::exception& error) {
        // Pistache's parser throws on malformed request lines, headers and lengths.
        spdlog::warn("rejected a malformed request: {}", error.what());
        parser->reset();
        reject(400, peer);
    }
}

void HttpHandler::reject(int status, const std::shared_ptr<Peer>& peer) {
    Pistache::Http::ResponseWriter writer(Pistache::Http::Version::Http11, transport(), this, peer);
    auto sent = send(writer, protocolErrorResponse(status), true);
    afterSending(sent, peer, [] {});
}

void HttpHandler::onRequest(const Pistache::Http::Request& request,
                            Pistache::Http::ResponseWriter writer) {
    const auto started = std::chrono::steady_clock::now();
    ++*unanswered_;
    const std::string requestId = requestIdOf(request);
    Outcome outcome = dispatch(request, requestId);
    cors_.decorate(rawHeader(request, "Origin"), outcome.response);
    outcome.response.headers.emplace_back("X-Request-ID", requestId);
    const bool close = !keepAlive(request);
    const bool headerOnly = request.method() == Method::Head || outcome.response.status == 204;
    auto sent = headerOnly
                    ? sendRaw(writer, headerOnlyText(request.version(), outcome.response, close))
                    : send(writer, outcome.response, close);
    if (headerOnly) outcome.response.body.clear();
    afterSending(sent, close ? writer.peer() : nullptr,
                 [unanswered = unanswered_] { --*unanswered; });
    const auto elapsed = std::chrono::steady_clock::now() - started;
    const int status = outcome.response.status;
    if (metrics_) metrics_->observe(outcome.route, request.method(), status, elapsed);
    accessLog_.write({Pistache::Http::methodString(request.method()), request.resource(),
                      outcome.route != nullptr ? outcome.route->path : "-", status, elapsed,
                      outcome.response.body.size(), requestId});
}

void HttpHandler::waitUntilAnswered(std::chrono::milliseconds limit) const {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (*unanswered_ > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

HttpHandler::Outcome HttpHandler::dispatch(const Pistache::Http::Request& request,
                                           const std::string& requestId) const {
    const Route* route = nullptr;
    try {
        auto match = router_->match(request.method(), request.resource());
        if (match.route == nullptr) {
            if (request.method() == Method::Options && !match.allowed.empty()) {
                return {optionsResponse(request, match.allowed, cors_), route};
            }
            if (!match.allowed.empty()) throw ServiceError::methodNotAllowed(match.allowed);
            throw ServiceError(ErrorKind::NotFound, kUrlNotFound);
        }
        route = match.route;
        rapidjson::Document body;
        if (match.route->requestSchema)
            body = parseBody(request.body(), *match.route->requestSchema);
        Request context{request, match.params, match.route->requestSchema ? &body : nullptr,
                        validateQuery(request.query(), match.route->parameters)};
        return {match.route->handler(context), route};
    } catch (const ServiceError& error) {
        if (error.kind() == ErrorKind::DatabaseUnavailable) {
            spdlog::error("{} {} id={}: {}", Pistache::Http::methodString(request.method()),
                          request.resource(), requestId, error.what());
        }
        return {errorResponse(error), route};
    } catch (const std::exception& error) {
        spdlog::error("{} {} id={} failed: {}", Pistache::Http::methodString(request.method()),
                      request.resource(), requestId, error.what());
        return {internalErrorResponse(), route};
    }
}

}  // namespace users::http
