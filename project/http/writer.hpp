#pragma once

#include <functional>
#include <memory>

#include <pistache/http_defs.h>
#include <pistache/peer.h>

#include "project/http/response.hpp"

namespace users::http {

// Writes `response` whole, or only its head (HEAD, 204), on the peer's reactor thread.
// `close` adds "Connection: close" and, once written, half-closes the connection so that the
// client reads the answer and then sees the end of the stream. `done` runs once the write has
// settled, written or failed, possibly before writeResponse returns.
void writeResponse(const std::shared_ptr<Pistache::Tcp::Peer>& peer,
                   Pistache::Http::Version version, const Response& response, bool headerOnly,
                   bool close, std::function<void()> done);

}  // namespace users::http
