#pragma once

#include <cstddef>
#include <functional>
#include <memory>

#include <pistache/http_defs.h>
#include <pistache/peer.h>

#include "project/http/response.hpp"

namespace users::http {

// Writes a response whose body comes in pieces (Response::nextPiece): the head, then each piece
// as an HTTP/1.1 chunk, asking for the next piece only once the last one is written, so a slow
// client holds one piece in memory, not the body. A piece that fails ends the connection
// without the last chunk, so the client sees the body is incomplete. `done` runs once, with
// the body bytes written and whether the body is complete, also when the client is gone.
void writeStreamed(const std::shared_ptr<Pistache::Tcp::Peer>& peer,
                   Pistache::Http::Version version, Response response, bool headerOnly, bool close,
                   std::function<void(std::size_t bytes, bool complete)> done);

}  // namespace users::http
