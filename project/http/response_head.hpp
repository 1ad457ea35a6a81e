#pragma once

#include <cstddef>
#include <string>

#include <pistache/http_defs.h>

#include "project/http/response.hpp"

namespace users::http {

// The bytes of a whole answer with its body: status line, headers, Content-Length, body.
std::string responseText(Pistache::Http::Version version, const Response& response, bool close);

// The bytes of an answer without body: to a HEAD request, the GET answer's status line and
// headers with the Content-Length of its body; for a 204, no Content-Length at all. Pistache's
// writer always states the length of what it sends, which RFC 9110 forbids in both cases, so
// these bytes go out raw.
std::string headerOnlyText(Pistache::Http::Version version, const Response& response, bool close);

// The status line and headers of a streamed answer: "Transfer-Encoding: chunked" for HTTP/1.1;
// HTTP/1.0 has no chunks, so there the body ends with the connection ("Connection: Close").
std::string streamedHeadText(Pistache::Http::Version version, const Response& response, bool close);

}  // namespace users::http
