#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace users::manage {

// GETs `path` from 127.0.0.1:port over a plain socket: true on a 200 within the timeout. Lets a
// container HEALTHCHECK use the shipped binaries instead of adding curl to the image.
bool healthy(std::uint16_t port, const std::string& path, std::chrono::milliseconds timeout);

}  // namespace users::manage
