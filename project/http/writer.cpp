#include "project/http/writer.hpp"

#include <sys/socket.h>

#include "project/http/peer_send.hpp"
#include "project/http/response_head.hpp"

namespace users::http {

void writeResponse(const std::shared_ptr<Pistache::Tcp::Peer>& peer,
                   Pistache::Http::Version version, const Response& response, bool headerOnly,
                   bool close, std::function<void()> done) {
    // Pistache's keep-alive sweep times an idle connection from here.
    peer->setIdle(true);
    // Pistache 0.0.5 never closes a connection whose answer said "close".
    std::weak_ptr<Pistache::Tcp::Peer> closing;
    if (close) closing = peer;
    sendOnPeer(peer,
               headerOnly ? headerOnlyText(version, response, close)
                          : responseText(version, response, close),
               [closing, done = std::move(done)](bool) {
                   if (auto alive = closing.lock()) shutdownPeer(alive, SHUT_WR);
                   done();
               });
}

}  // namespace users::http
