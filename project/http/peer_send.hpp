#pragma once

#include <functional>
#include <memory>
#include <string>

#include <pistache/peer.h>

namespace users::http {

// Sends `text` on a connection, from the reactor thread that owns it. Straight to the socket
// when nothing of this connection waits in Pistache's write queue; what the socket does not
// take, and everything sent while something waits, goes through the queue, so the bytes keep
// their order. Pistache's queue costs each answer an eventfd write and read, three epoll_ctl
// calls and one more epoll round; most answers fit in the socket buffer at once.
// `done(true)` once every byte is written, `done(false)` when the write failed, Pistache
// dropped it (the client left) or the connection had closed; it may run before sendOnPeer
// returns.
void sendOnPeer(const std::shared_ptr<Pistache::Tcp::Peer>& peer, const std::string& text,
                std::function<void(bool written)> done);

// shutdown(2) of the connection's socket, unless the connection closed: its descriptor number
// may belong to a newer connection by now.
void shutdownPeer(const std::shared_ptr<Pistache::Tcp::Peer>& peer, int how);

// The connection closed (Pistache is about to close its socket): nothing is sent on it after.
void markPeerClosed(const std::shared_ptr<Pistache::Tcp::Peer>& peer);

}  // namespace users::http
