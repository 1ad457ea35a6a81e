#include "project/api/http_handler.hpp"

#include <sys/socket.h>

#include <chrono>
#include <cstring>
#include <functional>
#include <thread>

#include <pistache/peer.h>
#include <spdlog/spdlog.h>

#include "project/api/error_response.hpp"
#include "project/errors.hpp"

namespace users::api {
namespace {

using Pistache::Http::ConnectionControl;
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

Pistache::Async::Promise<ssize_t> send(Pistache::Http::ResponseWriter& writer,
                                       const Response& response, bool close) {
    writer.headers().add<Header::ContentType>(MIME(Application, Json));
    for (const auto& [name, value] : response.headers) {
        writer.headers().add(std::make_shared<NamedHeader>(name, value));
    }
    if (close) writer.headers().add<Header::Connection>(ConnectionControl::Close);
    return writer.send(static_cast<Pistache::Http::Code>(response.status), response.body);
}

void logAccess(const Pistache::Http::Request& request, const std::string& route, int status,
               std::chrono::steady_clock::duration elapsed, std::size_t bytes) {
    const auto level = status >= 500   ? spdlog::level::err
                       : status >= 400 ? spdlog::level::warn
                                       : spdlog::level::info;
    const double ms = std::chrono::duration<double, std::milli>(elapsed).count();
    spdlog::log(level, "{} {} {} route={} {:.2f}ms {}B",
                Pistache::Http::methodString(request.method()), request.resource(), status, route,
                ms, bytes);
}

}  // namespace

HttpHandler::HttpHandler(std::shared_ptr<const Router> router) : router_(std::move(router)) {}

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
    const Outcome outcome = dispatch(request);
    const bool close = !keepAlive(request);
    auto sent = send(writer, outcome.response, close);
    afterSending(sent, close ? writer.peer() : nullptr,
                 [unanswered = unanswered_] { --*unanswered; });
    logAccess(request, outcome.route, outcome.response.status,
              std::chrono::steady_clock::now() - started, outcome.response.body.size());
}

void HttpHandler::waitUntilAnswered(std::chrono::milliseconds limit) const {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (*unanswered_ > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

HttpHandler::Outcome HttpHandler::dispatch(const Pistache::Http::Request& request) const {
    std::string route = "-";
    try {
        auto match = router_->match(request.method(), request.resource());
        if (match.route == nullptr) {
            if (!match.allowed.empty()) throw ServiceError::methodNotAllowed(match.allowed);
            throw ServiceError(ErrorKind::NotFound, kUrlNotFound);
        }
        route = match.route->path;
        rapidjson::Document body;
        if (match.route->requestSchema)
            body = parseBody(request.body(), *match.route->requestSchema);
        Request context{request, match.params, match.route->requestSchema ? &body : nullptr};
        return {match.route->handler(context), route};
    } catch (const ServiceError& error) {
        if (error.kind() == ErrorKind::DatabaseUnavailable) {
            spdlog::error("{} {}: {}", Pistache::Http::methodString(request.method()),
                          request.resource(), error.what());
        }
        return {errorResponse(error), route};
    } catch (const std::exception& error) {
        spdlog::error("{} {} failed: {}", Pistache::Http::methodString(request.method()),
                      request.resource(), error.what());
        return {internalErrorResponse(), route};
    }
}

}  // namespace users::api
