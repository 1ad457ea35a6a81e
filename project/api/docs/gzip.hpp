#pragma once

#include <string>
#include <string_view>

namespace users::api {

// `data` in the gzip format (RFC 1952), at zlib's best compression.
std::string gzipCompress(std::string_view data);

// Whether an Accept-Encoding value admits gzip: "gzip" (or "x-gzip", or "*") with a q-value
// above 0; an explicit "gzip;q=0" refuses it whatever "*" says.
bool acceptsGzip(std::string_view acceptEncoding);

}  // namespace users::api
