#pragma once

#include <functional>
#include <memory>

#include <pistache/http.h>
#include <pistache/peer.h>

#include "project/http/response.hpp"

namespace users::http {

// Writes `response`: with a body through Pistache's writer, bodyless (HEAD, 204) as raw bytes.
// `close` adds "Connection: close" and, once written, half-closes the connection so that the
// client reads the answer and then sees the end of the stream. `done` runs once the write has
// settled, written or failed.
void writeResponse(Pistache::Http::ResponseWriter& writer, Pistache::Http::Version version,
                   const Response& response, bool headerOnly, bool close,
                   std::function<void()> done);

}  // namespace users::http
