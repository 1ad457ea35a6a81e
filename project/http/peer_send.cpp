#include "project/http/peer_send.hpp"

#include <sys/socket.h>

#include <cerrno>
#include <utility>

namespace users::http {
namespace {

// Short enough for std::string's inline buffer: Pistache looks data up by a string's copy.
constexpr const char* kStateKey = "users.writes";

// Kept in the peer, which lives on its reactor thread: how many of this connection's writes
// Pistache holds, and whether the connection closed.
struct PeerSendState {
    int queued = 0;
    bool closed = false;
};

std::shared_ptr<PeerSendState> stateOf(const std::shared_ptr<Pistache::Tcp::Peer>& peer) {
    if (auto data = peer->tryGetData(kStateKey)) {
        return std::static_pointer_cast<PeerSendState>(data);
    }
    auto state = std::make_shared<PeerSendState>();
    peer->putData(kStateKey, state);
    return state;
}

// Settles a queued write once: Pistache resolves or rejects it, or drops it with the
// connection, which destroys this.
class QueuedWrite {
public:
    QueuedWrite(std::shared_ptr<PeerSendState> state, std::function<void(bool)> done)
        : state_(std::move(state)), done_(std::move(done)) {
        ++state_->queued;
    }
    ~QueuedWrite() { settle(false); }
    QueuedWrite(const QueuedWrite&) = delete;
    QueuedWrite& operator=(const QueuedWrite&) = delete;

    void settle(bool written) {
        if (!state_) return;
        --state_->queued;
        state_ = nullptr;
        auto done = std::move(done_);
        if (done) done(written);
    }

private:
    std::shared_ptr<PeerSendState> state_;
    std::function<void(bool)> done_;
};

void queue(const std::shared_ptr<Pistache::Tcp::Peer>& peer, std::shared_ptr<PeerSendState> state,
           const std::string& text, std::function<void(bool)> done) {
    auto write = std::make_shared<QueuedWrite>(std::move(state), std::move(done));
    peer->send(Pistache::RawBuffer(text, text.size()))
        .then([write](ssize_t) { write->settle(true); },
              [write](const std::exception_ptr&) { write->settle(false); });
}

}  // namespace

void sendOnPeer(const std::shared_ptr<Pistache::Tcp::Peer>& peer, const std::string& text,
                std::function<void(bool written)> done) {
    auto state = stateOf(peer);
    if (state->closed) {
        if (done) done(false);
        return;
    }
    if (state->queued > 0) return queue(peer, std::move(state), text, std::move(done));
    std::size_t sent = 0;
    while (sent < text.size()) {
        const ssize_t wrote =
            ::send(peer->fd(), text.data() + sent, text.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (wrote > 0) {
            sent += static_cast<std::size_t>(wrote);
        } else if (wrote < 0 && errno == EINTR) {
            continue;
        } else if (wrote < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // Pistache waits for the socket to drain and writes the rest.
            return queue(peer, std::move(state), text.substr(sent), std::move(done));
        } else {
            if (done) done(false);
            return;
        }
    }
    if (done) done(true);
}

void shutdownPeer(const std::shared_ptr<Pistache::Tcp::Peer>& peer, int how) {
    if (!stateOf(peer)->closed) ::shutdown(peer->fd(), how);
}

void markPeerClosed(const std::shared_ptr<Pistache::Tcp::Peer>& peer) {
    stateOf(peer)->closed = true;
}

}  // namespace users::http
