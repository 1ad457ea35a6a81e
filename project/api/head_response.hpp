#pragma once

#include <cstddef>
#include <string>

#include <pistache/http_defs.h>

#include "project/api/response.hpp"

namespace users::api {

// The bytes of the answer to a HEAD request: the GET answer's status line and headers, with
// the Content-Length of its body, and no body. Pistache's writer always states the length of
// what it sends (0 here), which RFC 9110 forbids for HEAD, so these bytes go out raw.
std::string headResponseText(Pistache::Http::Version version, const Response& response, bool close);

}  // namespace users::api
