#pragma once

#include <string>
#include <string_view>

#include <pistache/http.h>

namespace users::http {

inline constexpr std::size_t kMaxRequestIdLength = 128;

// A client's X-Request-ID is kept when it is 1-128 characters of [A-Za-z0-9._:+/=-] (safe in a
// log line and a header; + / = for the base64 ids some platform routers send); anything else is
// replaced by a new random id.
bool isSafeRequestId(std::string_view id);
std::string newRequestId();
std::string requestIdOf(const Pistache::Http::Request& request);

}  // namespace users::http
