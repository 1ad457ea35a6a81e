#include "project/http/streamed_response.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <fmt/format.h>

#include "project/http/peer_send.hpp"
#include "project/http/response_head.hpp"

namespace users::http {
namespace {

using Pistache::Tcp::Peer;

// Owned by the continuation of its write in flight, which says when the write failed or was
// dropped (the client left).
class Stream : public std::enable_shared_from_this<Stream> {
public:
    Stream(const std::shared_ptr<Peer>& peer, bool chunked, bool close,
           std::function<Later<std::string>()> next, std::function<void(std::size_t, bool)> done)
        : peer_(peer),
          chunked_(chunked),
          close_(close),
          next_(std::move(next)),
          done_(std::move(done)) {}
    ~Stream() { finish(false); }
    Stream(const Stream&) = delete;
    Stream& operator=(const Stream&) = delete;

    void send(const std::string& text, std::size_t bodyBytes, bool last) {
        auto peer = peer_.lock();
        if (!peer) return finish(false);
        bytes_ += bodyBytes;
        auto self = shared_from_this();
        sendOnPeer(peer, text, [self, last](bool written) {
            if (!written) return self->abort();
            last ? self->end() : self->pull();
        });
    }

    std::string framed(const std::string& piece) const {
        if (!chunked_) return piece;
        return fmt::format("{:x}\r\n{}\r\n", piece.size(), piece);
    }

    std::string terminator() const { return chunked_ ? "0\r\n\r\n" : ""; }

private:
    void pull() {
        auto self = shared_from_this();
        next_().settle(
            [self](const std::string& piece) {
                if (piece.empty()) return self->send(self->terminator(), 0, true);
                const std::size_t size = piece.size();
                self->send(self->framed(piece), size, false);
            },
            [self](const std::exception_ptr&) { self->abort(); });
    }

    void end() {
        auto peer = peer_.lock();
        if (peer) {
            peer->setIdle(true);
            if (close_) shutdownPeer(peer, SHUT_WR);
        }
        finish(true);
    }

    // The head is out: the only honest way left to say "failed" is an incomplete body.
    void abort() {
        if (auto peer = peer_.lock()) shutdownPeer(peer, SHUT_RDWR);
        finish(false);
    }

    void finish(bool complete) {
        if (!done_) return;
        auto done = std::move(done_);
        done_ = nullptr;
        done(bytes_, complete);
    }

    std::weak_ptr<Peer> peer_;
    const bool chunked_;
    const bool close_;
    std::function<Later<std::string>()> next_;
    std::function<void(std::size_t, bool)> done_;
    std::size_t bytes_ = 0;
};

}  // namespace

void writeStreamed(const std::shared_ptr<Peer>& peer, Pistache::Http::Version version,
                   Response response, bool headerOnly, bool close,
                   std::function<void(std::size_t bytes, bool complete)> done) {
    const bool chunked = version != Pistache::Http::Version::Http10;
    // Nagle would hold the small last chunk until the client's delayed ACK, up to 40 ms.
    const int noDelay = 1;
    ::setsockopt(peer->fd(), IPPROTO_TCP, TCP_NODELAY, &noDelay, sizeof noDelay);
    std::string head = streamedHeadText(version, response, close);
    auto stream = std::make_shared<Stream>(peer, chunked, close || !chunked,
                                           std::move(response.nextPiece), std::move(done));
    if (headerOnly) return stream->send(head, 0, true);
    const std::size_t size = response.body.size();
    stream->send(head + stream->framed(response.body), size, false);
}

}  // namespace users::http
