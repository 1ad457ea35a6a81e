#include "project/http/writer.hpp"

#include <sys/socket.h>

#include "project/http/response_head.hpp"

namespace users::http {
namespace {

namespace Header = Pistache::Http::Header;

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

Pistache::Async::Promise<ssize_t> sendWithBody(Pistache::Http::ResponseWriter& writer,
                                               const Response& response, bool close) {
    if (!response.contentType.empty()) {
        writer.headers().add(std::make_shared<NamedHeader>("Content-Type", response.contentType));
    }
    for (const auto& [name, value] : response.headers) {
        writer.headers().add(std::make_shared<NamedHeader>(name, value));
    }
    if (close) writer.headers().add<Header::Connection>(Pistache::Http::ConnectionControl::Close);
    return writer.send(static_cast<Pistache::Http::Code>(response.status), response.body);
}

// Pistache 0.0.5's writer always states a Content-Length, which RFC 9110 forbids for 204 and
// gets wrong for HEAD: what ResponseWriter::send does before writing, less the body.
Pistache::Async::Promise<ssize_t> sendHeaderOnly(Pistache::Http::ResponseWriter& writer,
                                                 Pistache::Http::Version version,
                                                 const Response& response, bool close) {
    const std::string text = headerOnlyText(version, response, close);
    auto peer = writer.peer();
    peer->setIdle(true);
    return peer->send(Pistache::RawBuffer(text, text.size()));
}

}  // namespace

void writeResponse(Pistache::Http::ResponseWriter& writer, Pistache::Http::Version version,
                   const Response& response, bool headerOnly, bool close,
                   std::function<void()> done) {
    auto sent = headerOnly ? sendHeaderOnly(writer, version, response, close)
                           : sendWithBody(writer, response, close);
    // Pistache 0.0.5 never closes a connection whose answer said "close".
    std::weak_ptr<Pistache::Tcp::Peer> closing;
    if (close) closing = writer.peer();
    auto finish = [closing, done = std::move(done)] {
        if (auto alive = closing.lock()) ::shutdown(alive->fd(), SHUT_WR);
        done();
    };
    sent.then([finish](ssize_t) { finish(); }, [finish](const std::exception_ptr&) { finish(); });
}

}  // namespace users::http
